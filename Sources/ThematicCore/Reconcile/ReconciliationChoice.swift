/// What the lead decides for one excerpt.
public enum ReconciliationChoice: Sendable, Equatable {
    /// Take one coder's codes as they are (with their spans).
    case accept(coder: String)
    /// Every code any coder applied; a code's spans are the union of theirs (whole excerpt if anyone applied it whole).
    case union
    /// The codes every coder applied; a code's spans are where all of them overlap (whole excerpt if all applied it
    /// whole; the whole excerpt too when their spans do not overlap at all, since they agreed on the code).
    case intersection
    /// The lead's own codes.
    case edited([String: AppliedCode])

    /// The consensus codes this choice gives for `codings` (a screen previews a decision with it). Coders' memos stay
    /// theirs: the lead's note is the record.
    public func codes(from codings: [ReconciliationItem.CoderCoding], textLength: Int) -> [String: AppliedCode] {
        switch self {
        case .accept(let coder):
            let record = codings.first { $0.coder == coder }?.coding.codes ?? [:]
            return record.mapValues { AppliedCode(spans: $0.spans) }
        case .union:
            var spans: [String: [[TextSpan]]] = [:]
            for coding in codings {
                for (code, applied) in coding.coding.codes { spans[code, default: []].append(applied.spans) }
            }
            return spans.mapValues { all in
                all.contains { $0.isEmpty } ? AppliedCode() : AppliedCode(spans: TextSpan.merged(all.flatMap { $0 }))
            }
        case .intersection:
            guard let first = codings.first else { return [:] }
            var result: [String: AppliedCode] = [:]
            for code in first.coding.codes.keys where codings.allSatisfy({ $0.coding.codes[code] != nil }) {
                let whole = [TextSpan(start: 0, end: textLength)]
                let common = codings.reduce(whole) { overlap, coding in
                    let spans = coding.coding.codes[code]!.spans
                    return TextSpan.overlap(overlap, spans.isEmpty ? whole : TextSpan.merged(spans))
                }
                result[code] = common.isEmpty || common == whole ? AppliedCode() : AppliedCode(spans: common)
            }
            return result
        case .edited(let codes):
            return codes
        }
    }

    var basis: ConsensusDecision.Basis {
        switch self {
        case .accept(let coder): .coder(coder)
        case .union: .union
        case .intersection: .intersection
        case .edited: .edited
        }
    }
}

extension TextSpan {
    /// The parts two sorted, disjoint lists of spans have in common.
    static func overlap(_ a: [TextSpan], _ b: [TextSpan]) -> [TextSpan] {
        var result: [TextSpan] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let start = max(a[i].start, b[j].start), end = min(a[i].end, b[j].end)
            if start < end { result.append(TextSpan(start: start, end: end)) }
            if a[i].end < b[j].end { i += 1 } else { j += 1 }
        }
        return result
    }
}
