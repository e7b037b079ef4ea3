/// Finds a report's contents page: a "Contents" heading (or "Table of contents", "List of figures"...) followed by
/// entries that end in a page number ("3. Analysis ........ 12", "Findings\t8"). The heading and its entries are
/// removed; a wrapped entry (a short line whose number is on the next line) goes with them. A "Contents" line not
/// followed by at least two entries is ordinary text.
enum ContentsPage {
    static let headings: Set<String> = [
        "contents", "content", "table of contents", "list of contents", "list of figures",
        "list of tables", "list of charts", "list of appendices", "figures", "tables",
    ]

    static func mark(_ items: inout [LayoutItem]) {
        var index = 0
        while index < items.count {
            guard items[index].isCandidateText, headings.contains(normalisedHeading(items[index].shape.text)) else {
                index += 1
                continue
            }
            var entries: [Int] = []
            var pending: [Int] = []
            var titles = Set<String>()
            var next = index + 1
            while next < items.count {
                let item = items[next]
                if !item.isCandidateText {
                    next += 1
                    continue
                }
                // The report's first heading after its contents repeats the first entry: the contents end there.
                if titles.contains(item.shape.text) { break }
                if isEntry(item.shape.text) || headings.contains(normalisedHeading(item.shape.text)) {
                    titles.insert(entryTitle(item.shape.text))
                    entries += pending + [next]
                    pending = []
                } else if pending.isEmpty, item.shape.length <= 120, !item.shape.endsSentence {
                    pending = [next]
                } else {
                    break
                }
                next += 1
            }
            guard entries.count >= 2 else {
                index += 1
                continue
            }
            items[index].removal = .contents
            for entry in entries { items[entry].removal = .contents }
            index = (entries.last ?? index) + 1
        }
    }

    /// "Contents", "CONTENTS", "Table of Contents", "Contents page 2": lower case, without a trailing page number.
    private static func normalisedHeading(_ text: String) -> String {
        var words = text.lowercased().split(separator: " ")
        if let last = words.last, Int(last) != nil { words.removeLast() }
        if words.last == "page" { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// An entry without its leader dots and page number: "1. Introduction ..... 3" is "1. Introduction".
    private static func entryTitle(_ text: String) -> String {
        var title = Substring(text)
        while let last = title.last, last.isNumber { title.removeLast() }
        while let last = title.last, last == "." || last == " " || last == "…" || last == "_" || last == "\t" {
            title.removeLast()
        }
        return String(title)
    }

    /// A line of text that ends in a page number after leader dots, a tab, spaces or a single space.
    static func isEntry(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var end = scalars.count
        while end > 0, IdentifierScanner.isDigit(scalars[end - 1]) { end -= 1 }
        let digits = scalars.count - end
        guard (1...3).contains(digits), end > 0 else {
            // Roman page numbers in front matter: "Executive summary ..... iv"
            return text.split(separator: " ").last.map {
                $0.count <= 5 && $0.allSatisfy { "ivx".contains($0) } && text.contains("..")
            } ?? false
        }
        let separator = scalars[end - 1]
        guard separator == " " || separator == "\t" || separator == "." || separator == "…" || separator == "_" else {
            return false
        }
        // "…was read. 3" is a sentence that ends in a number, not an entry; leader dots ("....") are.
        if separator == " ", end >= 2, ".!".unicodeScalars.contains(scalars[end - 2]),
            !(end >= 3 && scalars[end - 3] == ".")
        {
            return false
        }
        return scalars[..<end].contains { $0.properties.isAlphabetic }
    }
}
