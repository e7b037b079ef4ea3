/// A passage cut from an imported file, before it has an id.
public struct DraftExcerpt: Sendable, Equatable {
    public var section: String
    public var text: String
    /// The source page where it starts, when the source has pages.
    public var page: Int?

    public init(section: String, text: String, page: Int? = nil) {
        self.section = section
        self.text = text
        self.page = page
    }
}

/// How imported text is cut into excerpts.
public struct SplitOptions: Sendable, Equatable {
    public enum Unit: Sendable, Equatable {
        /// One excerpt per paragraph (or list with its lead-in, table, or title page).
        case paragraphs
        /// Groups of this many sentences, never across paragraphs.
        case sentences(Int)
        /// One excerpt per section: everything under a heading.
        case headings
    }

    /// Long enough for a paragraph of a published review, short enough to code: longer ones are cut at sentence ends.
    public static let defaultMaximumLength = 2_500

    public var unit: Unit
    /// An excerpt shorter than this (in characters, counted as Unicode scalars) is joined to the next one in its
    /// section.
    public var minimumLength: Int
    /// An excerpt longer than this is cut at line breaks and sentence ends (at a space when one sentence is longer);
    /// nil keeps every excerpt whole.
    public var maximumLength: Int?

    public init(
        unit: Unit = .paragraphs, minimumLength: Int = 0, maximumLength: Int? = SplitOptions.defaultMaximumLength
    ) {
        self.unit = unit
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
    }
}

/// Cuts the passages of a laid-out report into excerpts, by the unit and lengths of `SplitOptions`.
public enum ExcerptSplitter {
    /// The excerpts of plain text or Markdown, and the title a Markdown file's opening `#` heading gives.
    public static func split(
        _ text: String, markup: TextDocument.Markup, options: SplitOptions,
        isEnglishWord: @escaping @Sendable (String) -> Bool = EnglishWords.contains
    ) -> (title: String?, excerpts: [DraftExcerpt]) {
        let layout = ReportLayout(isMarkdown: markup == .markdown, isEnglishWord: isEnglishWord)
            .lay(TextDocument.read(text, markup: markup))
        return (layout.title, excerpts(from: layout.blocks, options: options).excerpts)
    }

    /// The excerpts of a report's passages, and how many passages were over the maximum and cut.
    public static func excerpts(from blocks: [LaidOutReport.Block], options: SplitOptions) -> (
        excerpts: [DraftExcerpt], cut: Int
    ) {
        var excerpts: [DraftExcerpt] = []
        var cut = 0
        var start = 0
        while start < blocks.count {
            var end = start + 1
            while end < blocks.count, blocks[end].section == blocks[start].section { end += 1 }
            let section = blocks[start..<end]
            var pieces: [(text: String, page: Int?)]
            var joiner = "\n\n"
            switch options.unit {
            case .paragraphs:
                pieces = section.map { ($0.text, $0.page) }
            case .headings:
                pieces = [(section.map(\.text).joined(separator: "\n\n"), section.first?.page)]
            case .sentences(let count):
                joiner = " "
                pieces = section.flatMap { block in
                    let sentences = Self.sentences(block.text)
                    return stride(from: 0, to: sentences.count, by: max(1, count)).map {
                        (sentences[$0..<min(sentences.count, $0 + max(1, count))].joined(separator: " "), block.page)
                    }
                }
            }
            pieces = joinShort(pieces, minimum: options.minimumLength, joiner: joiner)
            for piece in pieces {
                let parts = options.maximumLength.map { self.cut(piece.text, maximum: $0) } ?? [piece.text]
                if parts.count > 1 { cut += 1 }
                excerpts += parts.map { DraftExcerpt(section: blocks[start].section, text: $0, page: piece.page) }
            }
            start = end
        }
        return (excerpts, cut)
    }

    /// The sentences of a paragraph: cut after `.`, `!` or `?` (and any closing quote or bracket) followed by a space,
    /// except after common abbreviations such as "Dr." or "e.g.".
    public static func sentences(_ paragraph: String) -> [String] {
        let scalars = Array(paragraph.unicodeScalars)
        var result: [String] = []
        var start = 0
        for end in sentenceEnds(scalars, in: 0..<scalars.count) {
            appendSentence(scalars[start..<end], to: &result)
            start = end
        }
        appendSentence(scalars[start...], to: &result)
        return result
    }

    /// Where sentences end within `range` of `scalars` (after the mark and any closing quotes or brackets), in order;
    /// the last sentence's end is not included unless a mark ends it before `range` does.
    static func sentenceEnds(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [Int] {
        var ends: [Int] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar == "." || scalar == "!" || scalar == "?" || scalar == "。" || scalar == "！" || scalar == "？" {
                var end = index + 1
                while end < range.upperBound, "\"')]”’".unicodeScalars.contains(scalars[end]) { end += 1 }
                let wide = scalar.value > 0x3000
                if (wide || (end < range.upperBound && scalars[end] == " "))
                    && !(scalar == "." && endsWithAbbreviation(scalars, before: index))
                {
                    ends.append(end)
                    index = end
                    continue
                }
            }
            index += 1
        }
        return ends
    }

    private static let abbreviations: Set<String> = [
        "Dr", "Mr", "Mrs", "Ms", "St", "No", "e.g", "i.e", "etc", "cf", "vs", "approx",
    ]

    private static func endsWithAbbreviation(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var start = index
        while start > 0, scalars[start - 1] != " " { start -= 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[start..<index])
        return abbreviations.contains(String(word))
    }

    private static func appendSentence(_ scalars: ArraySlice<Unicode.Scalar>, to result: inout [String]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let sentence = String(view).trimmingSpaces()
        if !sentence.isEmpty { result.append(sentence) }
    }

    private static func joinShort(_ pieces: [(text: String, page: Int?)], minimum: Int, joiner: String) -> [(
        text: String, page: Int?
    )] {
        guard minimum > 0 else { return pieces }
        var result: [(text: String, page: Int?)] = []
        var pending: (text: String, page: Int?)?
        for piece in pieces {
            let joined = pending.map { ($0.text + joiner + piece.text, $0.page) } ?? piece
            if joined.0.unicodeScalars.count < minimum {
                pending = joined
            } else {
                result.append(joined)
                pending = nil
            }
        }
        if let pending {
            if let last = result.popLast() {
                result.append((last.text + joiner + pending.text, last.page))
            } else {
                result.append(pending)
            }
        }
        return result
    }

    /// Cuts a long excerpt into pieces of at most `maximum` characters: at line breaks (list items, table rows)
    /// and sentence ends where possible.
    static func cut(_ text: String, maximum: Int) -> [String] {
        guard maximum > 0, text.unicodeScalars.count > maximum else { return [text] }
        let lines = text.split(separator: "\n").map(String.init)
        var units: [(text: String, joiner: String)] = []
        for line in lines {
            let sentences = self.sentences(line).flatMap { cutAtSpaces($0, maximum: maximum) }
            for (index, sentence) in sentences.enumerated() { units.append((sentence, index == 0 ? "\n" : " ")) }
        }
        var pieces: [String] = []
        var current = ""
        var currentLength = 0
        for unit in units {
            let length = unit.text.unicodeScalars.count
            if currentLength > 0, currentLength + 1 + length > maximum {
                pieces.append(current)
                current = ""
                currentLength = 0
            }
            current += currentLength > 0 ? unit.joiner + unit.text : unit.text
            currentLength += (currentLength > 0 ? 1 : 0) + length
        }
        if currentLength > 0 { pieces.append(current) }
        return pieces
    }

    private static func cutAtSpaces(_ sentence: String, maximum: Int) -> [String] {
        var scalars = Array(sentence.unicodeScalars)[...]
        var pieces: [String] = []
        while scalars.count > maximum {
            let limit = scalars.startIndex + maximum
            // The rest of a cut sentence starts with the space it was cut at: only a later space cuts anything (a
            // space at the start would cut nothing, and the loop would never end).
            let space = scalars[(scalars.startIndex + 1)...limit].lastIndex(of: " ") ?? limit
            appendSentence(scalars[..<space], to: &pieces)
            scalars = scalars[space...]
        }
        appendSentence(scalars, to: &pieces)
        return pieces
    }

    /// Joins lines with single spaces, every run of spaces, tabs and line breaks as one space, trimmed.
    static func collapseWhitespace(_ lines: [ArraySlice<UInt8>]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(lines.reduce(0) { $0 + $1.count })
        var pendingSpace = false
        for line in lines {
            if !result.isEmpty { pendingSpace = true }
            for byte in line {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    if !result.isEmpty { pendingSpace = true }
                } else {
                    if pendingSpace { result.append(0x20) }
                    pendingSpace = false
                    result.append(byte)
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func collapseWhitespace(_ text: String) -> String { collapseWhitespace([Array(text.utf8)[...]]) }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
