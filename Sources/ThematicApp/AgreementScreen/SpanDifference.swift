import Agreement
import ThematicCore

/// One excerpt where the coders marked a code on different characters, and where each of them marked it.
public struct SpanDifference: Equatable, Sendable {
    public let excerptID: String
    /// Characters of the excerpt that exactly one coder marked with the code: what ranks the list.
    public let charactersOnlyOneMarked: Int
    /// Per coder, in the continuum's order: their spans of the code (joined), as offsets into the excerpt's text.
    public let spans: [[TextSpan]]

    /// The excerpts where the spans of `code` (an index into `continuum.codes`) differ, the most characters marked by
    /// only one coder first; equal counts keep reading order.
    static func ranked(_ continuum: SpanContinuum, code: Int) -> [SpanDifference] {
        var byUnit: [Int: [[TextSpan]]] = [:]
        for (coder, marks) in continuum.marks.enumerated() {
            for mark in marks where mark.code == code {
                let unit = continuum.unit(at: mark.start)
                let start = continuum.unitStarts[unit]
                byUnit[unit, default: Array(repeating: [], count: continuum.coders.count)][coder]
                    .append(TextSpan(start: mark.start - start, end: mark.end - start))
            }
        }
        let differences = byUnit.keys.sorted().compactMap { unit -> SpanDifference? in
            let spans = byUnit[unit]!
            let only = charactersMarkedByExactlyOne(spans)
            return only == 0
                ? nil : SpanDifference(excerptID: continuum.unitIDs[unit], charactersOnlyOneMarked: only, spans: spans)
        }
        // A stable sort: equal counts stay in reading order.
        return differences.enumerated().sorted {
            ($1.element.charactersOnlyOneMarked, $0.offset) < ($0.element.charactersOnlyOneMarked, $1.offset)
        }
        .map(\.element)
    }

    /// Characters covered by exactly one coder's spans (each coder's spans do not overlap each other).
    static func charactersMarkedByExactlyOne(_ spans: [[TextSpan]]) -> Int {
        let edges = spans.flatMap { $0.flatMap { [($0.start, 1), ($0.end, -1)] } }.sorted { $0.0 < $1.0 }
        var covering = 0, previous = 0, count = 0
        for (position, change) in edges {
            if covering == 1 { count += position - previous }
            covering += change
            previous = position
        }
        return count
    }
}

/// The marked words of a span, «quoted», elided in the middle when longer than `limit` characters (cut between
/// words where the text has spaces).
func elidedQuote(_ span: TextSpan, of text: String, limit: Int = 60) -> String {
    let scalars = Array(text.unicodeScalars)
    let start = min(max(0, span.start), scalars.count), end = min(max(start, span.end), scalars.count)
    let marked = String(String.UnicodeScalarView(scalars[start..<end]))
    guard marked.count > limit else { return "«\(marked)»" }
    let half = max(1, (limit - 1) / 2)
    var head = marked.prefix(half), tail = marked.suffix(half)
    if let space = head.lastIndex(where: \.isWhitespace), space > head.startIndex { head = head[..<space] }
    if let space = tail.firstIndex(where: \.isWhitespace) { tail = tail[tail.index(after: space)...] }
    return "«\(String(head).trimmed) … \(String(tail).trimmed)»"
}
