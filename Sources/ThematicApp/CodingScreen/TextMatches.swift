/// Finds a searched text in an excerpt as the excerpt search does (ignoring case), as Unicode-scalar ranges of the
/// excerpt, for highlighting.
enum TextMatches {
    /// Every non-overlapping occurrence of `needle` in `text`, ignoring case, in order.
    static func ranges(of needle: String, in text: String) -> [Range<Int>] {
        let wanted = Array(needle.lowercased().unicodeScalars)
        guard !wanted.isEmpty else { return [] }
        // Lowercasing may turn one scalar into several: each lowered scalar remembers the source scalar it came from.
        var lowered: [Unicode.Scalar] = []
        var source: [Int] = []
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            for lower in String(scalar).lowercased().unicodeScalars {
                lowered.append(lower)
                source.append(offset)
            }
        }
        var result: [Range<Int>] = []
        var start = 0
        while start + wanted.count <= lowered.count {
            if lowered[start..<start + wanted.count].elementsEqual(wanted) {
                result.append(source[start]..<source[start + wanted.count - 1] + 1)
                start += wanted.count
            } else {
                start += 1
            }
        }
        return result
    }
}
