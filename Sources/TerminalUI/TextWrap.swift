/// One line of wrapped text, made of the glyphs it shows and where each came from in the original text.
public struct WrappedLine: Hashable, Sendable {
    /// What one or two columns of the line show: one cell cluster (or an expanded tab) and its source position.
    public struct Glyph: Hashable, Sendable {
        /// Unicode-scalar offset of the glyph's first scalar from the start of the wrapped text.
        public var offset: Int
        /// Scalars of the source the glyph stands for (a base plus its combining marks, or one tab).
        public var scalarCount: Int
        /// What the glyph shows (a tab shows as spaces up to the next tab stop).
        public var text: String
        public var width: Int

        /// The scalar offsets of the source this glyph shows.
        public var range: Range<Int> { offset..<offset + scalarCount }
    }

    public var glyphs: [Glyph]
    /// Unicode-scalar offsets of the source text this line shows. Spaces swallowed at a line break belong to no
    /// line; an empty line has an empty range where it starts.
    public var range: Range<Int>

    /// The line's text as shown.
    public var text: String { glyphs.map(\.text).joined() }
    /// Columns the line takes.
    public var width: Int { glyphs.reduce(0) { $0 + $1.width } }

    /// The column at which the glyph holding scalar `offset` starts; the line's width for an offset past its end.
    public func column(ofOffset offset: Int) -> Int {
        var column = 0
        for glyph in glyphs {
            if offset < glyph.offset + glyph.scalarCount { return column }
            column += glyph.width
        }
        return column
    }
}

/// Wraps text to a width for display: by words, breaking words longer than the width, keeping paragraph breaks
/// (`\n`, `\r\n`), expanding tabs. Each line knows which Unicode-scalar offsets it shows, so coded spans given as
/// scalar offsets can be highlighted and a selection cursor placed.
public enum TextWrap {
    /// Wraps `text` into lines at most `width` columns wide (a width below 1 is taken as 1; a wide character in a
    /// one-column line sits alone on its line and is clipped by the Screen). Empty text gives one empty line.
    public static func wrap(_ text: String, width: Int, tabWidth: Int = 4) -> [WrappedLine] {
        var wrapper = Wrapper(width: max(1, width), tabWidth: max(1, tabWidth))
        for token in tokens(of: text) { wrapper.add(token) }
        wrapper.finishLine(wrapped: false)
        return wrapper.lines
    }

    /// The line and column showing scalar `offset`: the last line starting at or before it. An offset inside
    /// spaces swallowed by a line break sits at the end of the line before.
    public static func position(ofOffset offset: Int, in lines: [WrappedLine]) -> Position {
        guard !lines.isEmpty else { return Position(row: 0, column: 0) }
        let row = (lines.lastIndex { $0.range.lowerBound <= offset }) ?? 0
        return Position(row: row, column: lines[row].column(ofOffset: offset))
    }

    enum Token {
        case word([WrappedLine.Glyph], width: Int)
        case space(WrappedLine.Glyph, isTab: Bool)
        case lineBreak(offset: Int, scalarCount: Int)
    }

    static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var word: [WrappedLine.Glyph] = []
        var wordWidth = 0
        var offset = 0
        var pendingCarriageReturn: Int?
        func endWord() {
            if !word.isEmpty { tokens.append(.word(word, width: wordWidth)) }
            word = []
            wordWidth = 0
        }
        func flushCarriageReturn() {
            if let start = pendingCarriageReturn { tokens.append(.lineBreak(offset: start, scalarCount: 1)) }
            pendingCarriageReturn = nil
        }
        var clusters = CellClusterIterator(text.unicodeScalars)
        while let cluster = clusters.next() {
            defer { offset += cluster.scalarCount }
            switch cluster.original {
            case "\r":
                endWord()
                flushCarriageReturn()
                pendingCarriageReturn = offset
            case "\n":
                endWord()
                if let start = pendingCarriageReturn {
                    tokens.append(.lineBreak(offset: start, scalarCount: 2))
                    pendingCarriageReturn = nil
                } else {
                    tokens.append(.lineBreak(offset: offset, scalarCount: 1))
                }
            case " ", "\t":
                endWord()
                flushCarriageReturn()
                let glyph = WrappedLine.Glyph(offset: offset, scalarCount: 1, text: " ", width: 1)
                tokens.append(.space(glyph, isTab: cluster.original == "\t"))
            default:
                flushCarriageReturn()
                var scalars = String.UnicodeScalarView()
                scalars.append(cluster.base)
                scalars.append(contentsOf: cluster.marks)
                word.append(
                    WrappedLine.Glyph(
                        offset: offset, scalarCount: cluster.scalarCount, text: String(scalars), width: cluster.width))
                wordWidth += cluster.width
            }
        }
        endWord()
        flushCarriageReturn()
        return tokens
    }

    private struct Wrapper {
        let width: Int
        let tabWidth: Int
        var lines: [WrappedLine] = []
        var glyphs: [WrappedLine.Glyph] = []
        var lineWidth = 0
        /// Where the current line starts when it shows nothing yet.
        var lineStart = 0
        /// Whether the current line continues a wrapped one (its leading spaces are swallowed).
        var isContinuation = false

        mutating func add(_ token: Token) {
            switch token {
            case .lineBreak(let offset, let scalarCount):
                finishLine(wrapped: false)
                lineStart = offset + scalarCount
            case .space(var glyph, let isTab):
                if isContinuation && glyphs.isEmpty { return }
                if isTab {
                    // A tab at the start of a line narrower than a tab stop shrinks rather than leaving an empty line.
                    glyph.width = min(tabWidth - lineWidth % tabWidth, glyphs.isEmpty ? width : tabWidth)
                    glyph.text = String(repeating: " ", count: glyph.width)
                }
                if lineWidth + glyph.width > width {
                    finishLine(wrapped: true)
                } else {
                    append(glyph)
                }
            case .word(let word, let wordWidth):
                if lineWidth + wordWidth > width && !glyphs.isEmpty {
                    finishLine(wrapped: true)
                }
                if wordWidth <= width - lineWidth {
                    word.forEach { append($0) }
                    return
                }
                for glyph in word {
                    if lineWidth + glyph.width > width && !glyphs.isEmpty { finishLine(wrapped: true) }
                    append(glyph)
                }
            }
        }

        mutating func append(_ glyph: WrappedLine.Glyph) {
            if glyphs.isEmpty { lineStart = glyph.offset }
            glyphs.append(glyph)
            lineWidth += glyph.width
        }

        /// Ends the current line; at a wrap, trailing spaces are dropped so the line ends with its last word.
        mutating func finishLine(wrapped: Bool) {
            if wrapped {
                while let last = glyphs.last, last.text.allSatisfy({ $0 == " " }) { glyphs.removeLast() }
            }
            let range =
                glyphs.isEmpty ? lineStart..<lineStart : glyphs[0].offset..<(glyphs[glyphs.count - 1].range.upperBound)
            lines.append(WrappedLine(glyphs: glyphs, range: range))
            lineStart = range.upperBound
            glyphs = []
            lineWidth = 0
            isContinuation = wrapped
        }
    }
}

extension Screen {
    /// Draws a wrapped line at `row`, `column`, clipped to `maxWidth`; `style` picks each glyph's style from the
    /// source offsets it shows, which is how coded spans and the selection are highlighted.
    public mutating func write(
        _ line: WrappedLine, row: Int, column: Int, maxWidth: Int? = nil, style: (WrappedLine.Glyph) -> Style
    ) {
        let limit = maxWidth.map { column + $0 } ?? size.columns
        var x = column
        for glyph in line.glyphs where x < limit {
            x += write(glyph.text, row: row, column: x, style: style(glyph), maxWidth: limit - x)
        }
    }
}
