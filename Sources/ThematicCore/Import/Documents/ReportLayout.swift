/// One source line while the layout is worked out: its shape, its page, and whether it was removed and why.
struct LayoutItem: Sendable {
    var line: SourceLine
    var shape: LineShape
    var removal: LaidOutReport.Reason?

    init(_ line: SourceLine) {
        self.line = line
        self.shape = LineShape(line.text)
    }

    var page: Int? {
        get { line.page }
        set { line.page = newValue }
    }

    /// A non-blank line of body text (not a heading or table row the document marks) not yet removed.
    var isCandidateText: Bool {
        guard removal == nil, !shape.isBlank else { return false }
        switch line.role {
        case .line, .paragraph: return true
        case .heading, .tableRow: return false
        }
    }
}

/// A report after its layout was read: the passages to cut into excerpts, under their sections, with their pages,
/// and every line that was removed as page furniture, with the reason.
public struct LaidOutReport: Sendable, Equatable {
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        case runningHeader = "running header"
        case runningFooter = "running footer"
        case pageNumber = "page number"
        case contents = "contents line"
    }

    /// A passage: a paragraph, a list with its lead-in, a table, or a run of short lines such as a title page.
    public struct Block: Sendable, Equatable {
        public var section: String
        public var text: String
        public var page: Int?
    }

    public struct Removal: Sendable, Equatable {
        public var text: String
        public var page: Int?
        public var reason: Reason
    }

    /// A title the text itself marks (a Markdown `#` heading before any text, a Word "Title" paragraph).
    public var title: String?
    public var blocks: [Block]
    /// Section names, one per heading line, in reading order.
    public var headings: [String]
    public var removed: [Removal]
    /// Words hyphenated across a line end and joined again ("assess-" + "ment").
    public var rejoinedWords: Int
}

/// Reads the layout of a report from its lines: which lines are page furniture, where paragraphs begin and end,
/// which lines are headings, and what is a list, a table or a title page.
///
/// - Page furniture: see `PageFurniture` and `ContentsPage`; nothing else is removed, and every removal is listed.
/// - Paragraphs: a blank line ends one. Lines of a hard-wrapped text (most lines about as long as the longest)
///   are joined while a line does not end a sentence, or fills the width; text with one paragraph per line (long
///   lines) is split at every line. A numbered line ("3.4 A strategy discussion…", "12. The panel…") always opens a
///   new paragraph, so it becomes an excerpt of its own.
/// - Words hyphenated at a line end are joined ("assess-" + "ment" → "assessment") unless the hyphen is real
///   ("non-mobile", "call-out"): see `Hyphenation`.
/// - Headings: a line the document marks (Markdown `#`, a Word heading style) or a short line that could name a
///   section (no closing punctuation, a capital or a number first), numbered ("3. Analysis") or alone between
///   paragraphs. A run of three or more such lines that are not numbered (a title page: title, author, chair, date)
///   is not a heading: it is kept as one passage, a line each.
/// - Lists: a list's items ("•", "-", "(a)") stay together, one item a line, with the lead-in that ends with a
///   colon. Table rows stay together, a row a line.
///
/// Markdown marks its own headings with `#` and ends paragraphs only at blank lines, so none of the above is
/// inferred for it: no page furniture, headings or reflow, and its first `#` heading before any text is the title.
public struct ReportLayout: Sendable {
    public var isMarkdown: Bool
    public var isEnglishWord: @Sendable (String) -> Bool

    public init(isMarkdown: Bool = false, isEnglishWord: @escaping @Sendable (String) -> Bool) {
        self.isMarkdown = isMarkdown
        self.isEnglishWord = isEnglishWord
    }

    public func lay(_ document: SourceDocument) -> LaidOutReport {
        var items = document.lines.map(LayoutItem.init)
        attachLoneMarkers(&items)
        if !isMarkdown {
            let inferred = !items.contains(where: { $0.page != nil }) && PageFurniture.inferPages(&items)
            PageFurniture.mark(&items, pagesAreInferred: inferred)
            ContentsPage.mark(&items)
        }
        let width = wrapWidth(items)
        var builder = BlockBuilder(hyphenation: Hyphenation(isEnglishWord: isEnglishWord))
        var report = LaidOutReport(title: nil, blocks: [], headings: [], removed: [], rejoinedWords: 0)
        // Every blank line between the same two kept lines says the same about the paragraph, so only the first is
        // asked: asking each would walk the whole run of blank lines once per blank line (a text of 20,000 blank
        // lines took 87 s in a debug build, 100,000 would take half an hour).
        var gapIsSettled = false
        for index in items.indices {
            let item = items[index]
            if let reason = item.removal {
                report.removed.append(.init(text: item.shape.text, page: item.page, reason: reason))
                continue
            }
            if item.shape.isBlank {
                if case .line = item.line.role, !gapIsSettled {
                    gapIsSettled = true
                    if !isAtPageBreak(index, items) { builder.endParagraph() }
                }
                continue
            }
            gapIsSettled = false
            switch item.line.role {
            case .heading(let level):
                if report.title == nil,
                    level == 0 || (level == 1 && isMarkdown && report.headings.isEmpty && builder.isEmpty)
                {
                    report.title = item.shape.text
                } else {
                    builder.startSection(item.shape.text)
                    report.headings.append(item.shape.text)
                }
            case .tableRow(let first):
                builder.addTableRow(item.shape.text, page: item.page, first: first)
            case .line, .paragraph:
                if !isMarkdown, isHeading(index, items, width: width) {
                    builder.startSection(item.shape.text)
                    report.headings.append(item.shape.text)
                } else {
                    builder.add(item, width: width, joinsEveryLine: isMarkdown)
                }
            }
        }
        builder.endParagraph()
        report.blocks = builder.blocks
        report.rejoinedWords = builder.rejoinedWords
        return report
    }

    /// A blank line next to a page break (before the footer, after the header) says nothing about paragraphs: the
    /// page ended, and whether the paragraph runs on is for the lines themselves to tell.
    private func isAtPageBreak(_ index: Int, _ items: [LayoutItem]) -> Bool {
        guard let before = neighbour(of: index, in: items, step: -1),
            let after = neighbour(of: index, in: items, step: 1)
        else { return false }
        return items[before.index].page != items[after.index].page
    }

    /// A paragraph number or list marker alone on its line ("3.4", "•": a hanging indent that a PDF gives a line of
    /// its own) goes in front of the next line.
    private func attachLoneMarkers(_ items: inout [LayoutItem]) {
        for index in items.indices where items[index].removal == nil && LineShape.isLoneMarker(items[index].shape.text)
        {
            guard case .line = items[index].line.role, let next = neighbour(of: index, in: items, step: 1),
                items[next.index].page == items[index].page, !PageFurniture.isPageNumber(items[next.index].shape.text),
                items[next.index].shape.text.unicodeScalars.first.map({
                    $0.properties.isAlphabetic || "\"“‘'".unicodeScalars.contains($0)
                }) ?? false
            else { continue }
            let merged = items[index].shape.text + " " + items[next.index].shape.text
            items[next.index].line.text = merged
            items[next.index].shape = LineShape(merged)
            items[next.index].page = items[index].page ?? items[next.index].page
            items[index].line.text = ""
            items[index].shape = LineShape("")
        }
    }

    /// The width lines are wrapped at: the 90th percentile of line lengths. Over 250 characters, lines are
    /// paragraphs (text copied from a web page or saved with one paragraph per line).
    private func wrapWidth(_ items: [LayoutItem]) -> Int? {
        let lengths = items.compactMap { item -> Int? in
            guard case .line = item.line.role, item.removal == nil, !item.shape.isBlank else { return nil }
            return item.shape.length
        }.sorted()
        guard lengths.count >= 3 else { return nil }
        let width = lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
        return width > 250 ? nil : width
    }

    /// Whether a line names a section: it could be a heading, and it is numbered or stands alone between paragraphs
    /// (not in a run of such lines, and not in the middle of a paragraph).
    private func isHeading(_ index: Int, _ items: [LayoutItem], width: Int?) -> Bool {
        let shape = items[index].shape
        guard shape.couldBeHeading else { return false }
        if let width, case .line = items[index].line.role, shape.length > max(60, width * 3 / 4) {
            // A long line is a heading only when it stands alone (the next line does not carry its words on).
            guard shape.number != nil, neighbour(of: index, in: items, step: 1)?.blankBetween ?? true else {
                return false
            }
        }
        // A line after a page break opens the page, as after a blank line; the line after it may still carry a
        // paragraph on over the page break, so a break is no blank there.
        let before = neighbour(of: index, in: items, step: -1).map {
            Neighbour(
                index: $0.index, blankBetween: $0.blankBetween || $0.pageEndsBetween,
                pageEndsBetween: $0.pageEndsBetween)
        }
        let after = neighbour(of: index, in: items, step: 1)
        // The line after must open something new: not a lower-case continuation of this line.
        if let after, !after.blankBetween, items[after.index].shape.startsLowercase { return false }
        if let before, !before.blankBetween, case .line = items[index].line.role {
            let previous = items[before.index].shape
            if !previous.endsSentence, !(previous.couldBeHeading && previous.number != nil) { return false }
        }
        if shape.number != nil { return true }
        if Self.isOnlyANameOrDate(shape.text) { return false }
        // Lines on either side of a page break (a title page's last, the next page's heading) make no run.
        let runBefore =
            before.map { !$0.pageEndsBetween && isUnnumberedCandidate(items[$0.index], width: width) } ?? false
        let runAfter =
            after.map {
                !$0.pageEndsBetween
                    && (isUnnumberedCandidate(items[$0.index], width: width) || items[$0.index].shape.isLabelled)
            } ?? false
        if !runBefore && !runAfter {
            return !(before.map { !$0.pageEndsBetween && items[$0.index].shape.isLabelled } ?? false)
        }
        // Two such lines with a paragraph after them ("Executive Summary", "About the project") are a heading and
        // its sub-heading; three or more (a title page) are text.
        if runAfter, isPairOpening(index, items, width: width) { return true }
        if runBefore, let before, isPairOpening(before.index, items, width: width) { return true }
        return false
    }

    /// A line that is only a person's name, a place or a date ("Kath Nelson", "March 2019") is a signature or a
    /// cover line, never a section name.
    private static func isOnlyANameOrDate(_ text: String) -> Bool {
        let length = text.unicodeScalars.count
        return IdentifierScanner(vocabulary: [String]()).findings(in: Excerpt(id: "line", section: "", text: text))
            .contains {
                [.personalName, .place, .fullDate, .dateOfBirth].contains($0.rule) && $0.range.start == 0
                    && $0.range.end == length
            }
    }

    /// A line that could be a heading and is not numbered: short, and no longer than three quarters of the width
    /// lines are wrapped at (a full line of a wrapped paragraph is no heading).
    private func isUnnumberedCandidate(_ item: LayoutItem, width: Int?) -> Bool {
        guard item.shape.couldBeHeading, item.shape.number == nil, !isMarkedHeading(item) else { return false }
        if let width, case .line = item.line.role { return item.shape.length <= max(60, width * 3 / 4) }
        return true
    }

    /// The line opens a pair of heading lines: it and the next could be headings, the line before cannot, and a
    /// paragraph follows the pair.
    private func isPairOpening(_ index: Int, _ items: [LayoutItem], width: Int?) -> Bool {
        guard isUnnumberedCandidate(items[index], width: width), let second = neighbour(of: index, in: items, step: 1),
            isUnnumberedCandidate(items[second.index], width: width)
        else { return false }
        if let before = neighbour(of: index, in: items, step: -1) {
            let shape = items[before.index].shape
            if isUnnumberedCandidate(items[before.index], width: width) || shape.isLabelled
                || (!shape.endsSentence && !before.blankBetween)
            {
                return false
            }
        }
        guard let following = neighbour(of: second.index, in: items, step: 1) else { return false }
        let paragraph = items[following.index].shape
        return !paragraph.couldBeHeading && !paragraph.isLabelled && !paragraph.startsLowercase
    }

    private func isMarkedHeading(_ item: LayoutItem) -> Bool {
        if case .heading = item.line.role { return true }
        return false
    }

    /// The nearest line before or after that is kept, and whether a blank line stands between.
    /// The nearest kept line before or after, whether a blank line stands between, and whether the page ends
    /// between (a page break, or removed page furniture).
    private func neighbour(of index: Int, in items: [LayoutItem], step: Int) -> Neighbour? {
        var position = index + step
        var blank = false
        var pageEnds = false
        while position >= 0, position < items.count {
            let item = items[position]
            if item.page != items[position - step].page { pageEnds = true }
            if item.removal != nil {
                pageEnds = true
            } else if item.shape.isBlank {
                blank = true
            } else {
                return Neighbour(index: position, blankBetween: blank, pageEndsBetween: pageEnds)
            }
            position += step
        }
        return nil
    }

    private struct Neighbour {
        var index: Int
        var blankBetween: Bool
        var pageEndsBetween: Bool
    }
}

/// Builds passages line by line, deciding how each line joins the one before.
private struct BlockBuilder {
    enum Kind { case paragraph, list, table, shortLines }

    let hyphenation: Hyphenation
    var section = ""
    var blocks: [LaidOutReport.Block] = []
    var rejoinedWords = 0
    private var text = ""
    private var page: Int?
    private var kind = Kind.paragraph
    private var last: LineShape?
    private var lastRole: SourceLine.Role = .line
    private var lastPage: Int?
    private var lastBlockIsList = false
    /// Whether the last block is a run of short lines (`isShortRun`), kept as blocks grow: asking it of the block
    /// each time read up to 4,000 bytes of it again for every short paragraph added (a review of 10,000 short
    /// paragraphs took 70 s in a debug build).
    private var lastBlockIsShortRun = false

    init(hyphenation: Hyphenation) {
        self.hyphenation = hyphenation
    }

    var isEmpty: Bool { text.isEmpty && blocks.isEmpty }

    /// A heading straight after another, with no text between, is its sub-heading: the section is named by both
    /// ("1. Overview › 1.1 Aims"), so the first is not lost.
    mutating func startSection(_ name: String) {
        endParagraph()
        lastBlockIsList = false
        section = !section.isEmpty && blocks.last?.section != section ? section + " › " + name : name
    }

    mutating func addTableRow(_ row: String, page: Int?, first: Bool) {
        if kind == .table, !first, !text.isEmpty {
            text += "\n" + row
        } else {
            endParagraph()
            start(row, page: page, kind: .table)
        }
        last = LineShape(row)
        lastRole = .tableRow(first: first)
    }

    /// Adds a line of body text; `width` is the wrap width of hard-wrapped text, nil where lines are paragraphs.
    /// With `joinsEveryLine` (Markdown), a paragraph ends only at a blank line.
    mutating func add(_ item: LayoutItem, width: Int?, joinsEveryLine: Bool) {
        let shape = item.shape
        defer {
            last = shape
            lastRole = item.line.role
            lastPage = item.page
        }
        guard let previous = last, !text.isEmpty else {
            start(shape.text, page: item.page, kind: shape.isBullet ? .list : .paragraph)
            return
        }
        if joinsEveryLine {
            text += " " + shape.text
            return
        }
        if previous.length == 1, LineShape.opensListItem(Array((previous.text + " x").unicodeScalars)) {
            // A list marker alone on its line ("-" then the item on the next): the item belongs to it.
            text += " " + shape.text
            return
        }
        if shape.number != nil {
            endParagraph()
            start(shape.text, page: item.page, kind: .paragraph)
            return
        }
        if shape.isBullet {
            if kind == .list || text.hasSuffix(":") {
                text += "\n" + shape.text
                kind = .list
            } else {
                endParagraph()
                start(shape.text, page: item.page, kind: .list)
            }
            return
        }
        if case .paragraph = item.line.role {
            endParagraph()
            start(shape.text, page: item.page, kind: .paragraph)
            return
        }
        if case .tableRow = lastRole {
            endParagraph()
            start(shape.text, page: item.page, kind: .paragraph)
            return
        }
        if let joined = hyphenation.join(previous.text, shape.text) {
            text.removeLast(previous.text.count)
            text += joined.text
            if joined.rejoined { rejoinedWords += 1 }
            return
        }
        guard let width else {
            // One paragraph per line: a line continues the one before only mid-sentence, in lower case.
            if !previous.endsSentence, shape.startsLowercase {
                text += " " + shape.text
            } else {
                endParagraph()
                start(shape.text, page: item.page, kind: .paragraph)
            }
            return
        }
        let previousIsShort = previous.length < width * 6 / 10
        if previousIsShort, item.page != lastPage {
            // A short line at the foot of a page ended its passage (a title page, a list): the next page starts anew.
            endParagraph()
            start(shape.text, page: item.page, kind: .paragraph)
            return
        }
        if !previous.endsSentence {
            if previousIsShort, shape.length < width * 6 / 10, !shape.startsLowercase {
                // Short lines that do not run on (a title page, an address, a table drawn as text): a line each.
                text += "\n" + shape.text
                if kind == .paragraph { kind = .shortLines }
            } else {
                text += " " + shape.text
            }
        } else if previous.length >= width * 8 / 10, kind != .shortLines {
            text += " " + shape.text
        } else {
            endParagraph()
            start(shape.text, page: item.page, kind: .paragraph)
        }
    }

    mutating func endParagraph() {
        guard !text.isEmpty else { return }
        let textIsShortRun = isShortRun(text)
        if textIsShortRun, let previous = blocks.last, previous.section == section, lastBlockIsShortRun,
            kind != .table
        {
            extendLastBlock(textIsShortRun: textIsShortRun)
        } else if kind == .list, let previous = blocks.last, previous.section == section,
            previous.text.hasSuffix(":") || lastBlockIsList
        {
            // A list's items stay together and with their lead-in, blank lines between them or not.
            extendLastBlock(textIsShortRun: textIsShortRun)
        } else {
            blocks.append(.init(section: section, text: text, page: page))
            lastBlockIsShortRun = textIsShortRun
        }
        lastBlockIsList = kind == .list
        text = ""
        last = nil
    }

    /// Adds the paragraph to the last block, keeping track of whether that block is still a short run: it is when
    /// both parts were and the whole is short enough.
    private mutating func extendLastBlock(textIsShortRun: Bool) {
        blocks[blocks.count - 1].text += "\n" + text
        lastBlockIsShortRun =
            lastBlockIsShortRun && textIsShortRun && blocks[blocks.count - 1].text.utf8.count <= Self.shortRunBytes
    }

    private mutating func start(_ line: String, page: Int?, kind: Kind) {
        text = line
        self.page = page
        self.kind = kind
    }

    /// A line of a title page or a form: short, not a sentence. (Runs for every passage: the byte checks come
    /// first so a long paragraph costs nothing more.)
    private func isShortLine(_ text: String) -> Bool {
        guard text.utf8.count <= 400, !text.utf8.contains(UInt8(ascii: "\n")) else { return false }
        let shape = LineShape(text)
        return shape.length <= 100 && !shape.endsSentence && shape.number == nil && !shape.isBullet
    }

    private static let shortRunBytes = 4_000

    private func isShortRun(_ text: String) -> Bool {
        text.utf8.count <= Self.shortRunBytes && text.split(separator: "\n").allSatisfy { isShortLine(String($0)) }
    }
}
