/// How a merge or a split changes the codes applied to one excerpt, in a coder's file or in the consensus.
enum CodingRewrite {
    /// `from` becomes `target`; when both were applied they become one application (nil: `from` was not applied).
    static func merging(_ codes: [String: AppliedCode], _ from: String, into target: String) -> [String: AppliedCode]? {
        guard let moved = codes[from] else { return nil }
        var result = codes
        result[from] = nil
        result[target] = result[target].map { combine($0, moved) } ?? moved
        return result
    }

    /// `from` becomes each of `parts` (keeping its spans and memo); nil when `from` was not applied.
    static func splitting(_ codes: [String: AppliedCode], _ from: String, into parts: [String]) -> [String:
        AppliedCode]?
    {
        guard let moved = codes[from] else { return nil }
        var result = codes
        result[from] = nil
        for part in parts { result[part] = result[part].map { combine($0, moved) } ?? moved }
        return result
    }

    /// Code ids as a consensus lists them per coder: renamed and without duplicates, order kept.
    static func replacing(_ ids: [String], _ from: String, with targets: [String]) -> [String] {
        guard ids.contains(from) else { return ids }
        var result: [String] = []
        for id in ids.flatMap({ $0 == from ? targets : [$0] }) where !result.contains(id) { result.append(id) }
        return result
    }

    /// One application covering both: the whole excerpt if either covered it, else the union of the spans;
    /// both memos kept.
    static func combine(_ kept: AppliedCode, _ moved: AppliedCode) -> AppliedCode {
        let spans = kept.spans.isEmpty || moved.spans.isEmpty ? [] : TextSpan.merged(kept.spans + moved.spans)
        var memos: [String] = []
        for memo in [kept.memo, moved.memo].compactMap({ $0 }) where !memos.contains(memo) { memos.append(memo) }
        return AppliedCode(spans: spans, memo: memos.isEmpty ? nil : memos.joined(separator: "\n\n"))
    }
}
