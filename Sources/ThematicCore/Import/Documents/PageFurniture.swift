import Foundation

/// Finds what a page carries that is not the report's text: running headers and footers (lines repeated at the top
/// or bottom of many pages, page numbers included) and page numbers.
///
/// A line is a running header or footer when, with every digit run read as the same digit, it stands among the first
/// or last three lines of at least two pages and of at least 40% of the pages that hold text (alternating odd and
/// even headers reach that too). A lone page number ("4", "Page 4", "Page 4 of 38", "- 4 -", "iv") is removed only
/// among those first or last lines. Text without pages (a `.txt` copy of a PDF) gets its pages from its page-number
/// lines first, when they count up through the document.
enum PageFurniture {
    /// How many lines at each end of a page are looked at.
    static let zone = 3

    /// Marks running headers, footers and page numbers in `items` (which have pages). Where the pages were
    /// inferred from page-number lines (`pagesAreInferred`), where a page ends is a guess, so a line that is a running
    /// header or footer elsewhere is removed wherever it stands.
    static func mark(_ items: inout [LayoutItem], pagesAreInferred: Bool = false) {
        var pages: [Int: [Int]] = [:]
        for index in items.indices where items[index].isCandidateText {
            guard let page = items[index].page else { continue }
            pages[page, default: []].append(index)
        }
        guard !pages.isEmpty else { return }
        var topKeys: [String: Set<Int>] = [:]
        var bottomKeys: [String: Set<Int>] = [:]
        var zoneLines: [(index: Int, top: Bool)] = []
        for (page, indices) in pages {
            // A page of few lines is mostly body: only its first and last line can be furniture.
            let size = min(zone, max(1, indices.count / 4))
            let top = indices.prefix(size)
            let bottom = indices.suffix(size).filter { !top.contains($0) }
            for index in top { zoneLines.append((index, true)) }
            for index in bottom { zoneLines.append((index, false)) }
            for index in top where items[index].shape.length <= 160 {
                topKeys[key(items[index].shape.text), default: []].insert(page)
            }
            for index in bottom where items[index].shape.length <= 160 {
                bottomKeys[key(items[index].shape.text), default: []].insert(page)
            }
        }
        let threshold = max(2, Int((Double(pages.count) * 0.4).rounded(.up)))
        var running: [String: LaidOutReport.Reason] = [:]
        for (index, top) in zoneLines {
            let text = items[index].shape.text
            if isPageNumber(text) {
                items[index].removal = .pageNumber
            } else if items[index].shape.length <= 160, text.contains(where: \.isLetter),
                ((top ? topKeys : bottomKeys)[key(text)]?.count ?? 0) >= threshold
            {
                items[index].removal = top ? .runningHeader : .runningFooter
                running[key(text)] = items[index].removal
            }
        }
        guard pagesAreInferred, !running.isEmpty else { return }
        for index in items.indices where items[index].isCandidateText && items[index].shape.length <= 160 {
            if let reason = running[key(items[index].shape.text)] { items[index].removal = reason }
        }
    }

    /// Gives unpaged text pages from its page-number lines ("Page 3 of 22", or lone numbers counting up), when at
    /// least two such lines count up through it. Returns whether it did.
    static func inferPages(_ items: inout [LayoutItem]) -> Bool {
        var markers: [(index: Int, page: Int)] = []
        for index in items.indices where items[index].isCandidateText {
            if let page = labelledPageNumber(items[index].shape.text, atEnd: true) { markers.append((index, page)) }
        }
        if markers.count < 2 {
            markers = countingLoneNumbers(items)
        }
        guard markers.count >= 2 else { return false }
        // Footers close their pages, so little text follows the last one; headers open theirs, so a whole page
        // follows the last. (A text saved in the PDF's drawing order can have its footers at the top of the page.)
        let textIndices = items.indices.filter { items[$0].isCandidateText }
        let rank = Dictionary(uniqueKeysWithValues: textIndices.enumerated().map { ($1, $0) })
        let firstRank = rank[markers[0].index] ?? 0
        let lastRank = rank[markers[markers.count - 1].index] ?? 0
        let linesPerPage = Double(lastRank - firstRank) / Double(markers.count - 1)
        let isHeader = Double(textIndices.count - 1 - lastRank) > linesPerPage / 2
        var markerAt = 0
        var page = isHeader ? max(1, markers[0].page - 1) : markers[0].page
        for index in items.indices {
            if markerAt < markers.count, index == markers[markerAt].index {
                if isHeader { page = markers[markerAt].page }
                items[index].page = markers[markerAt].page
                items[index].removal =
                    isPageNumber(items[index].shape.text) ? .pageNumber : isHeader ? .runningHeader : .runningFooter
                if !isHeader { page = markers[markerAt].page + 1 }
                markerAt += 1
                continue
            }
            items[index].page = page
        }
        return true
    }

    /// "Page 4", "Page 4 of 38", "page 4/38": the page number. With `atEnd`, also at the end of a footer
    /// ("OFFICIAL – SENSITIVE Page 4 of 38").
    static func labelledPageNumber(_ text: String, atEnd: Bool = false) -> Int? {
        var lower = Substring(text.lowercased())
        // At the end of a line, "Page" with its capital: prose says "as set out on page 4".
        if atEnd, !lower.hasPrefix("page "), let range = text.range(of: " Page ", options: .backwards) {
            lower = Substring(text[text.index(after: range.lowerBound)...].lowercased())
        }
        guard lower.hasPrefix("page ") else { return nil }
        let rest = lower.dropFirst(5).split(whereSeparator: { $0 == " " || $0 == "/" })
        guard let first = rest.first, let number = Int(first), (1...9999).contains(number) else { return nil }
        if rest.count == 1 { return number }
        if rest.count == 3, rest[1] == "of", Int(rest[2]) != nil { return number }
        if rest.count == 2, Int(rest[1]) != nil, text.contains("/") { return number }
        return nil
    }

    /// Lines holding only a number, that count up by one (with at most one gap) at least three times, spread out.
    private static func countingLoneNumbers(_ items: [LayoutItem]) -> [(index: Int, page: Int)] {
        var lone: [(index: Int, page: Int)] = []
        for index in items.indices where items[index].isCandidateText {
            let text = items[index].shape.text
            if text.count <= 4, let number = Int(text), number >= 1 { lone.append((index, number)) }
        }
        var best: [(index: Int, page: Int)] = []
        var chain: [(index: Int, page: Int)] = []
        for marker in lone {
            if let last = chain.last, marker.page == last.page + 1 || marker.page == last.page + 2,
                marker.index - last.index >= 6
            {
                chain.append(marker)
            } else if chain.last?.page != marker.page {
                if chain.count > best.count { best = chain }
                chain = [marker]
            }
        }
        if chain.count > best.count { best = chain }
        return best.count >= 3 ? best : []
    }

    /// A page number alone: "4", "Page 4", "Page 4 of 38", "4 of 38", "- 4 -", "[4]", or a small Roman numeral.
    static func isPageNumber(_ text: String) -> Bool {
        if labelledPageNumber(text) != nil { return true }
        var core = Substring(text)
        while let first = core.first, "-–—[(| ".contains(first) { core.removeFirst() }
        while let last = core.last, "-–—])| ".contains(last) { core.removeLast() }
        let parts = core.split(separator: " ")
        if parts.count == 1, let number = Int(parts[0]), (0...9999).contains(number) { return true }
        if parts.count == 3, Int(parts[0]) != nil, parts[1].lowercased() == "of", Int(parts[2]) != nil { return true }
        if parts.count == 1, parts[0].count <= 6, parts[0].lowercased().allSatisfy({ "ivxl".contains($0) }) {
            return true
        }
        return false
    }

    /// The line with every run of digits read as "#", in lower case, spaces collapsed: "Page 4 of 38" and
    /// "Page 5 of 38" share a key.
    static func key(_ text: String) -> String {
        var result = ""
        var lastWasDigit = false
        var lastWasSpace = false
        for character in text.lowercased() {
            if character.isNumber {
                if !lastWasDigit { result.append("#") }
                lastWasDigit = true
                lastWasSpace = false
            } else if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
                lastWasDigit = false
            } else {
                result.append(character)
                lastWasDigit = false
                lastWasSpace = false
            }
        }
        return result
    }
}
