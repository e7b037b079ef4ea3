extension SpanContinuum {
    /// Each coder's marks of one code as ranges of the continuum: sorted, non-empty, never overlapping.
    ///
    /// Marks that overlap are joined (built from data they already are); touching marks stay apart, as the
    /// published examples keep them. Empty marks cover no character and are left out.
    func codeRanges(_ code: Int) -> [[Range<Int>]] {
        marks.map { coderMarks in Self.disjointRanges(coderMarks.lazy.filter { $0.code == code }) }
    }

    /// `codeRanges` of every code, indexed `[code][coder]`, from one pass over the marks: the per-code statistics
    /// of a whole codebook then sweep only their own marks.
    func rangesByCode() -> [[[Range<Int>]]] {
        var byCode = [[[Range<Int>]]](repeating: [[Range<Int>]](repeating: [], count: coders.count), count: codes.count)
        for (coder, coderMarks) in marks.enumerated() {
            for mark in coderMarks where byCode.indices.contains(mark.code) {
                Self.append(mark, to: &byCode[mark.code][coder])
            }
        }
        return byCode
    }

    private static func disjointRanges(_ marks: some Sequence<Mark>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for mark in marks { append(mark, to: &ranges) }
        return ranges
    }

    /// Appends a mark that starts no earlier than the last range, joining the two if they overlap.
    private static func append(_ mark: Mark, to ranges: inout [Range<Int>]) {
        guard mark.end > mark.start else { return }
        if let last = ranges.last, mark.start < last.upperBound {
            ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, mark.end)
        } else {
            ranges.append(mark.start..<mark.end)
        }
    }
}
