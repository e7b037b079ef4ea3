import ThematicCore

/// A stretch of one coder's span of a code: marked by the other coders too, or by this coder only.
struct SpanPiece: Equatable {
    var range: Range<Int>
    var onlyThisCoder: Bool

    /// `span` cut where the other coders' spans of the same code (`others`, in any order, overlapping or not) begin
    /// and end: what the reconcile screen sets apart for a code applied by every coder to different spans.
    static func pieces(of span: TextSpan, others: [TextSpan]) -> [SpanPiece] {
        var covered: [Range<Int>] = []
        for other in others.sorted() where other.start < other.end {
            if let last = covered.last, other.start <= last.upperBound {
                covered[covered.count - 1] = last.lowerBound..<max(last.upperBound, other.end)
            } else {
                covered.append(other.start..<other.end)
            }
        }
        var pieces: [SpanPiece] = []
        var cursor = span.start
        for range in covered where range.upperBound > cursor {
            guard range.lowerBound < span.end else { break }
            if range.lowerBound > cursor {
                pieces.append(SpanPiece(range: cursor..<range.lowerBound, onlyThisCoder: true))
            }
            let end = min(range.upperBound, span.end)
            pieces.append(SpanPiece(range: max(cursor, range.lowerBound)..<end, onlyThisCoder: false))
            cursor = end
        }
        if cursor < span.end { pieces.append(SpanPiece(range: cursor..<span.end, onlyThisCoder: true)) }
        return pieces
    }
}
