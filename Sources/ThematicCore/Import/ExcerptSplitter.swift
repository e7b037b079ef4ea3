/// A passage cut from an imported file, before it has an id.
public struct DraftExcerpt: Sendable, Equatable {
    public var section: String
    public var text: String

    public init(section: String, text: String) {
        self.section = section
        self.text = text
    }
}

/// How imported text is cut into excerpts.
public struct SplitOptions: Sendable, Equatable {
    public enum Unit: Sendable, Equatable {
        /// One excerpt per paragraph (paragraphs end at blank lines).
        case paragraphs
        /// Groups of this many sentences, never across paragraphs.
        case sentences(Int)
        /// One excerpt per section: everything under a heading.
        case headings
    }

    public var unit: Unit
    /// An excerpt shorter than this (in characters, counted as Unicode scalars) is joined to the next one in its section.
    public var minimumLength: Int
    /// An excerpt longer than this is cut at sentence ends (at a space when one sentence is longer).
    public var maximumLength: Int?

    public init(unit: Unit = .paragraphs, minimumLength: Int = 0, maximumLength: Int? = nil) {
        self.unit = unit
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
    }
}

/// Cuts plain text or Markdown into sectioned excerpts.
///
/// Paragraphs end at blank lines (a line of spaces or tabs is blank); inside a paragraph every run of spaces, tabs
/// and line breaks becomes one space, because hard wraps and tab layout from word processors are not content.
/// Headings name the section of the excerpts under them: `#` lines in Markdown; in plain text a one-line paragraph
/// of at most 80 characters that starts with a capital letter or a digit and ends without punctuation. A heading
/// with nothing under it yields no excerpt.
public enum ExcerptSplitter {
    public enum Markup: Sendable, Equatable {
        case plainText
        case markdown
    }

    /// The excerpts, and the title when a Markdown file starts with a level-1 heading.
    public static func split(_ text: String, markup: Markup, options: SplitOptions) -> (title: String?, excerpts: [DraftExcerpt]) {
        var title: String?
        var sections: [(name: String, paragraphs: [String])] = [("", [])]
        var lines: [ArraySlice<UInt8>] = []
        var sawParagraph = false

        func endParagraph() {
            guard !lines.isEmpty else { return }
            let paragraph = collapseWhitespace(lines)
            lines.removeAll(keepingCapacity: true)
            if markup == .plainText, isPlainTextHeading(paragraph) {
                sections.append((paragraph, []))
            } else {
                sections[sections.count - 1].paragraphs.append(paragraph)
                sawParagraph = true
            }
        }

        // Lines are cut on the UTF-8 bytes: every byte that matters here (line feed, space, tab, '#') is ASCII.
        let bytes = Array(text.utf8)
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                endParagraph()
            } else if markup == .markdown, let (level, heading) = markdownHeading(line) {
                endParagraph()
                if level == 1, title == nil, !sawParagraph, sections.count == 1 {
                    title = heading
                } else {
                    sections.append((heading, []))
                }
            } else {
                lines.append(line)
            }
            lineStart = lineEnd + 1
        }
        endParagraph()

        var excerpts: [DraftExcerpt] = []
        for section in sections where !section.paragraphs.isEmpty {
            var pieces: [String]
            var joiner = "\n\n"
            switch options.unit {
            case .paragraphs:
                pieces = section.paragraphs
            case .headings:
                pieces = [section.paragraphs.joined(separator: "\n\n")]
            case .sentences(let count):
                joiner = " "
                pieces = section.paragraphs.flatMap { paragraph in
                    let sentences = Self.sentences(paragraph)
                    return stride(from: 0, to: sentences.count, by: max(1, count)).map {
                        sentences[$0..<min(sentences.count, $0 + max(1, count))].joined(separator: " ")
                    }
                }
            }
            pieces = joinShort(pieces, minimum: options.minimumLength, joiner: joiner)
            if let maximum = options.maximumLength { pieces = pieces.flatMap { cut($0, maximum: maximum) } }
            excerpts += pieces.map { DraftExcerpt(section: section.name, text: $0) }
        }
        return (title, excerpts)
    }

    /// The sentences of a paragraph: cut after `.`, `!` or `?` (and any closing quote or bracket) followed by a space,
    /// except after common abbreviations such as "Dr." or "e.g.".
    public static func sentences(_ paragraph: String) -> [String] {
        let scalars = Array(paragraph.unicodeScalars)
        var result: [String] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "." || scalar == "!" || scalar == "?" || scalar == "。" || scalar == "！" || scalar == "？" {
                var end = index + 1
                while end < scalars.count, "\"')]”’".unicodeScalars.contains(scalars[end]) { end += 1 }
                let wide = scalar.value > 0x3000
                if (wide || (end < scalars.count && scalars[end] == " ")) && !(scalar == "." && endsWithAbbreviation(scalars, before: index)) {
                    appendSentence(scalars[start..<end], to: &result)
                    start = end
                    index = end
                    continue
                }
            }
            index += 1
        }
        appendSentence(scalars[start...], to: &result)
        return result
    }

    private static let abbreviations: Set<String> = ["Dr", "Mr", "Mrs", "Ms", "St", "No", "e.g", "i.e", "etc", "cf", "vs", "approx"]

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

    private static func joinShort(_ pieces: [String], minimum: Int, joiner: String) -> [String] {
        guard minimum > 0 else { return pieces }
        var result: [String] = []
        var pending: String?
        for piece in pieces {
            let text = pending.map { $0 + joiner + piece } ?? piece
            if text.unicodeScalars.count < minimum {
                pending = text
            } else {
                result.append(text)
                pending = nil
            }
        }
        if let pending {
            if let last = result.popLast() { result.append(last + joiner + pending) } else { result.append(pending) }
        }
        return result
    }

    /// Cuts a long excerpt into pieces of at most `maximum` characters, at sentence ends where possible.
    private static func cut(_ text: String, maximum: Int) -> [String] {
        guard maximum > 0, text.unicodeScalars.count > maximum else { return [text] }
        var pieces: [String] = []
        var current = ""
        var currentLength = 0
        for sentence in sentences(text).flatMap({ cutAtSpaces($0, maximum: maximum) }) {
            let length = sentence.unicodeScalars.count
            if currentLength > 0, currentLength + 1 + length > maximum {
                pieces.append(current)
                current = ""
                currentLength = 0
            }
            current += currentLength > 0 ? " " + sentence : sentence
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
            let space = scalars[scalars.startIndex...limit].lastIndex(of: " ") ?? limit
            appendSentence(scalars[..<space], to: &pieces)
            scalars = scalars[space...]
        }
        appendSentence(scalars, to: &pieces)
        return pieces
    }

    private static func markdownHeading(_ line: ArraySlice<UInt8>) -> (Int, String)? {
        let hash = UInt8(ascii: "#")
        guard let first = line.firstIndex(where: { $0 != 0x20 }), first - line.startIndex <= 3 else { return nil }
        let hashes = line[first...].prefix { $0 == hash }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line[(first + hashes)...]
        guard rest.isEmpty || rest.first == 0x20 || rest.first == 0x09 else { return nil }
        var heading = collapseWhitespace([rest])
        while heading.hasSuffix("#") { heading.removeLast() }
        return (hashes, heading.trimmingSpaces())
    }

    private static func isPlainTextHeading(_ paragraph: String) -> Bool {
        guard let first = paragraph.unicodeScalars.first, let last = paragraph.unicodeScalars.last,
              paragraph.unicodeScalars.count <= 80 else { return false }
        let startsRight = first.properties.isUppercase || ("0"..."9").contains(first)
        return startsRight && !".,;:!?\"')]”’".unicodeScalars.contains(last)
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
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
