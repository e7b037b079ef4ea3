/// One excerpt to reconcile: its text, each coder's codes and spans, the definitions involved, and the decision.
public struct ReconciliationItem: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case undecided
        case decided
        /// Decided, but a compared coder's codes changed since: the decision stands until the lead decides again.
        case stale([CoderChange])

        public var isStale: Bool {
            if case .stale = self { return true }
            return false
        }
    }

    /// How one compared coder's codes for the excerpt changed since the decision.
    public struct CoderChange: Sendable, Equatable, CustomStringConvertible {
        public var coder: String
        /// The coder's code ids when the lead decided.
        public var then: [String]
        /// Now; nil when the coder no longer has the excerpt finished.
        public var now: [String]?

        public var description: String {
            "\(coder) had \(CoderChange.list(then)), now \(now.map(CoderChange.list) ?? "not finished")"
        }

        static func list(_ codes: [String]) -> String { codes.isEmpty ? "no code" : codes.joined(separator: ", ") }
    }

    /// One coder's finished coding of the excerpt.
    public struct CoderCoding: Sendable, Equatable {
        public var coder: String
        public var coding: ExcerptCoding
        /// Applied code ids in codebook order.
        public var codes: [String]
    }

    public let excerpt: Excerpt
    public let reviewID: String
    public let reviewTitle: String
    /// Each chosen coder who finished the excerpt, in coder order.
    public let codings: [CoderCoding]
    /// Applied by every one of those coders (codebook order).
    public let agreedCodes: [String]
    /// Applied by some but not all of them: the disagreement (codebook order).
    public let disputedCodes: [String]
    /// Agreed codes that the coders narrowed to different spans.
    public let codesWithDifferentSpans: [String]
    /// Every code any of them applied, or the decision holds, with its definition (codebook order).
    public let definitions: [Code]
    public let decision: ConsensusDecision?
    public let state: State

    /// True when two or more coders finished the excerpt and their code sets differ.
    public var isDisagreement: Bool { codings.count >= 2 && !disputedCodes.isEmpty }

    func isInScope(_ scope: Reconciliation.Scope) -> Bool {
        switch scope {
        case .disagreements: isDisagreement
        case .doubleCoded: codings.count >= 2
        }
    }

    /// Nil when the excerpt has neither a coding by one of `coders` nor a decision.
    init?(excerptID: String, study: Study, coders: [String], context: ItemContext) {
        guard let excerpt = study.corpus.excerpt(excerptID), let review = study.corpus.review(containing: excerptID)
        else { return nil }
        let codings = coders.compactMap { coder -> CoderCoding? in
            guard let record = study.codings[coder]?.excerpts[excerptID], record.finished else { return nil }
            return CoderCoding(coder: coder, coding: record, codes: context.ordered(record.codes.keys))
        }
        let decision = study.consensus.excerpts[excerptID]
        guard !codings.isEmpty || decision != nil else { return nil }
        self.excerpt = excerpt
        self.reviewID = review.id
        self.reviewTitle = review.title
        self.codings = codings
        let applied = codings.reduce(into: Set<String>()) { $0.formUnion($1.codes) }
        let agreed = applied.filter { code in codings.allSatisfy { $0.coding.codes[code] != nil } }
        agreedCodes = context.ordered(agreed)
        disputedCodes = context.ordered(applied.subtracting(agreed))
        codesWithDifferentSpans = agreedCodes.filter { code in
            Set(codings.map { Set($0.coding.codes[code]!.spans) }).count > 1
        }
        definitions = context.ordered(applied.union(decision.map { Array($0.codes.keys) } ?? [])).compactMap {
            context.codesByID[$0]
        }
        self.decision = decision
        if let decision {
            let changes = decision.changes(in: study, excerptID: excerptID)
            state = changes.isEmpty ? .decided : .stale(changes)
        } else {
            state = .undecided
        }
    }
}

extension ConsensusDecision {
    /// How the compared coders' codes changed since this decision was made, on excerpt `excerptID` of `study`.
    func changes(in study: Study, excerptID: String) -> [ReconciliationItem.CoderChange] {
        comparedCoders.compactMap { coder in
            let then = (coderCodes[coder] ?? []).sorted(by: ConsensusDecision.codeOrder)
            let record = study.codings[coder]?.excerpts[excerptID]
            let now = record.flatMap { $0.finished ? $0.codeIDs : nil }
            return now == then ? nil : ReconciliationItem.CoderChange(coder: coder, then: then, now: now)
        }
    }

    /// The order `coderCodes` are stored in: by UTF-8 bytes, as `ExcerptCoding.codeIDs`.
    static func codeOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
