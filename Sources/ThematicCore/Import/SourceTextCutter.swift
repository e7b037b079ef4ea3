/// Cuts a text that other tools have already coded by character positions (a REFI-QDA source) into excerpts, by
/// the unit and lengths of `SplitOptions`, without changing a character: every excerpt is a stretch of the source,
/// so a position in the source is a position in an excerpt.
///
/// A paragraph is a line (every QDA tool ends a paragraph with a line break). A short line that reads like a heading
/// names the section of the excerpts under it, unless a coder selected part of it: coded text is never left out of
/// the excerpts. Line breaks inside an excerpt (joined short paragraphs, a whole section) are written as "\n"; a
/// "\r" before "\n" is dropped, and `Cut.local` accounts for it.
struct SourceTextCutter {
    /// One excerpt: `start..<end` of the source, in Unicode scalars.
    struct Cut: Sendable, Equatable {
        var section: String
        var start: Int
        var end: Int
        var text: String
        /// Source positions of the "\r"s dropped from `text`, in order.
        var droppedReturns: [Int]

        /// Where source position `position` (within `start...end`) falls in `text`.
        func local(_ position: Int) -> Int {
            var low = 0, high = droppedReturns.count
            while low < high {
                let middle = (low + high) / 2
                if droppedReturns[middle] < position { low = middle + 1 } else { high = middle }
            }
            return position - start - low
        }
    }

    var options: SplitOptions
    /// Source ranges coders selected; a line they touch is never taken for a heading.
    var selected: [Range<Int>]

    func cut(_ text: String) -> [Cut] {
        let scalars = Array(text.unicodeScalars)
        let lines = Self.lines(scalars)
        let coded = CodedLines(selected)
        var pieces: [(section: String, range: Range<Int>)] = []
        var section = ""
        var sectionPieces: [Range<Int>] = []
        func closeSection() {
            pieces += units(sectionPieces, scalars: scalars).map { (section, $0) }
            sectionPieces = []
        }
        for (index, line) in lines.enumerated() {
            let shape = LineShape(String(String.UnicodeScalarView(scalars[line])))
            let next = lines.dropFirst(index + 1).first.map { LineShape(String(String.UnicodeScalarView(scalars[$0]))) }
            if shape.couldBeHeading, let next, !next.couldBeHeading, !coded.touches(line) {
                closeSection()
                section = shape.text
            } else {
                sectionPieces.append(line)
            }
        }
        closeSection()
        return pieces.map { Self.excerpt($0.range, section: $0.section, in: scalars) }
    }

    /// The paragraphs (or sentence groups, or the whole section) of one section, short ones joined, long ones cut.
    private func units(_ paragraphs: [Range<Int>], scalars: [Unicode.Scalar]) -> [Range<Int>] {
        guard let first = paragraphs.first, let last = paragraphs.last else { return [] }
        var units: [Range<Int>]
        switch options.unit {
        case .paragraphs: units = paragraphs
        case .headings: units = [first.lowerBound..<last.upperBound]
        case .sentences(let count):
            units = paragraphs.flatMap { paragraph in
                let sentences = Self.sentences(in: paragraph, scalars: scalars)
                return stride(from: 0, to: sentences.count, by: max(1, count)).map {
                    sentences[$0].lowerBound..<sentences[min(sentences.count, $0 + max(1, count)) - 1].upperBound
                }
            }
        }
        units = joinShort(units)
        guard let maximum = options.maximumLength, maximum > 0 else { return units }
        return units.flatMap { cutLong($0, maximum: maximum, scalars: scalars) }
    }

    private func joinShort(_ units: [Range<Int>]) -> [Range<Int>] {
        guard options.minimumLength > 0 else { return units }
        var result: [Range<Int>] = []
        var pending: Range<Int>?
        for unit in units {
            let joined = pending.map { $0.lowerBound..<unit.upperBound } ?? unit
            if joined.count < options.minimumLength {
                pending = joined
            } else {
                result.append(joined)
                pending = nil
            }
        }
        if let pending { result.append(result.popLast().map { $0.lowerBound..<pending.upperBound } ?? pending) }
        return result
    }

    /// A unit longer than `maximum` in pieces: whole sentences where they fit, a long sentence at spaces.
    private func cutLong(_ unit: Range<Int>, maximum: Int, scalars: [Unicode.Scalar]) -> [Range<Int>] {
        guard unit.count > maximum else { return [unit] }
        var pieces: [Range<Int>] = []
        var current: Range<Int>?
        let parts = Self.lines(scalars, in: unit).flatMap { Self.sentences(in: $0, scalars: scalars) }.flatMap {
            Self.atSpaces($0, maximum: maximum, scalars: scalars)
        }
        for part in parts {
            if let open = current, part.upperBound - open.lowerBound > maximum {
                pieces.append(open)
                current = part
            } else {
                current = (current?.lowerBound ?? part.lowerBound)..<part.upperBound
            }
        }
        if let current { pieces.append(current) }
        return pieces
    }

    private static func atSpaces(_ sentence: Range<Int>, maximum: Int, scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = sentence.lowerBound
        while sentence.upperBound - start > maximum {
            let limit = start + maximum
            let space = (start + 1...limit).last { scalars[$0] == " " } ?? limit
            pieces.append(start..<space)
            start = space
            while start < sentence.upperBound, scalars[start] == " " { start += 1 }
        }
        if start < sentence.upperBound { pieces.append(start..<sentence.upperBound) }
        return pieces
    }

    /// The sentences of a paragraph, as trimmed ranges.
    private static func sentences(in paragraph: Range<Int>, scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = paragraph.lowerBound
        for end in ExcerptSplitter.sentenceEnds(scalars, in: paragraph) + [paragraph.upperBound] {
            if let trimmed = trim(start..<end, scalars: scalars) { result.append(trimmed) }
            start = end
        }
        return result
    }

    /// The non-blank lines of `scalars` (or of a range of it), each trimmed of surrounding spaces.
    static func lines(_ scalars: [Unicode.Scalar], in range: Range<Int>? = nil) -> [Range<Int>] {
        let range = range ?? 0..<scalars.count
        var lines: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where isLineBreak(scalars[index]) {
            if let line = trim(start..<index, scalars: scalars) { lines.append(line) }
            start = index + 1
        }
        if let line = trim(start..<range.upperBound, scalars: scalars) { lines.append(line) }
        return lines
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{0B}"
            || scalar == "\u{0C}"
    }

    private static func trim(_ range: Range<Int>, scalars: [Unicode.Scalar]) -> Range<Int>? {
        var start = range.lowerBound, end = range.upperBound
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return start < end ? start..<end : nil
    }

    private static func excerpt(_ range: Range<Int>, section: String, in scalars: [Unicode.Scalar]) -> Cut {
        var text = String.UnicodeScalarView()
        var dropped: [Int] = []
        for index in range {
            let scalar = scalars[index]
            if scalar == "\r", index + 1 < range.upperBound, scalars[index + 1] == "\n" {
                dropped.append(index)
            } else {
                text.append(isLineBreak(scalar) ? "\n" : scalar)
            }
        }
        return Cut(
            section: section, start: range.lowerBound, end: range.upperBound, text: String(text),
            droppedReturns: dropped)
    }
}

/// Which lines coders selected part of, answered by binary search over the selections sorted by start.
private struct CodedLines {
    let starts: [Int]
    /// The furthest end among the selections up to each index.
    let reach: [Int]

    init(_ selections: [Range<Int>]) {
        let sorted = selections.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        starts = sorted.map(\.lowerBound)
        var furthest = Int.min
        reach = sorted.map {
            furthest = max(furthest, $0.upperBound)
            return furthest
        }
    }

    func touches(_ line: Range<Int>) -> Bool {
        // The selections starting before the line's end; one of them reaching past its start overlaps it.
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < line.upperBound { low = middle + 1 } else { high = middle }
        }
        return low > 0 && reach[low - 1] > line.lowerBound
    }
}
