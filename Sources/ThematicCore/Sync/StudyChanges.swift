/// What changed in a study between two readings of it (HEAD and the working folder, or before and after a pull),
/// in the terms a team talks in: excerpts finished, codebook revisions, consensus decisions.
public struct StudyChanges: Sendable {
    public struct CoderProgress: Sendable, Equatable {
        /// Excerpts finished now that were not finished before, in corpus order.
        public var newlyFinished: [String]
        /// Excerpts whose coding changed otherwise (recoded, reopened, started).
        public var otherwiseChanged: [String]
        public var isEmpty: Bool { newlyFinished.isEmpty && otherwiseChanged.isEmpty }
    }

    public var coders: [String: CoderProgress] = [:]
    public var codebookRevisions: (from: Int, to: Int)?
    /// History entries after the earlier revision.
    public var codebookEntries: [CodebookChange] = []
    /// Consensus decisions added or changed, by excerpt id.
    public var consensusDecisions: [String: ConsensusDecision] = [:]
    public var consensusRemoved: [String] = []
    /// Assignments added or changed.
    public var assignments: [Assignment] = []
    public var identifierDecisions: [IdentifierRegister.Decision] = []
    public var allowedTerms: [IdentifierRegister.AllowedTerm] = []
    /// Reviews whose file changed, added or removed.
    public var reviews: [String] = []

    /// Compares two readings; no earlier reading (a study new to the repository) counts as an empty study.
    public init(
        from before: Study?, to after: Study, identifiersBefore: IdentifierRegister = IdentifierRegister(),
        identifiersAfter: IdentifierRegister = IdentifierRegister()
    ) {
        let order = Dictionary(
            after.corpus.excerptIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func corpusOrder(_ ids: [String]) -> [String] {
            ids.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
        }
        for coder in Set(after.codings.keys).union(before.map { Array($0.codings.keys) } ?? []) {
            let old = before?.codings[coder]?.excerpts ?? [:]
            let new = after.codings[coder]?.excerpts ?? [:]
            var progress = CoderProgress(newlyFinished: [], otherwiseChanged: [])
            for id in Set(old.keys).union(new.keys) where old[id] != new[id] {
                if new[id]?.finished == true && old[id]?.finished != true {
                    progress.newlyFinished.append(id)
                } else {
                    progress.otherwiseChanged.append(id)
                }
            }
            progress.newlyFinished = corpusOrder(progress.newlyFinished)
            progress.otherwiseChanged = corpusOrder(progress.otherwiseChanged)
            if !progress.isEmpty { coders[coder] = progress }
        }
        let oldRevision = before?.codebook.revision ?? 0
        if after.codebook.revision != oldRevision || before?.codebook != after.codebook {
            codebookRevisions = (oldRevision, after.codebook.revision)
            codebookEntries = after.codebook.history.filter { $0.revision > oldRevision }
        }
        let oldDecisions = before?.consensus.excerpts ?? [:]
        for (id, decision) in after.consensus.excerpts where oldDecisions[id] != decision {
            consensusDecisions[id] = decision
        }
        consensusRemoved = corpusOrder(oldDecisions.keys.filter { after.consensus.excerpts[$0] == nil })
        let oldAssignments = before?.assignments.items ?? []
        assignments = after.assignments.items.filter { !oldAssignments.contains($0) }
        identifierDecisions = identifiersAfter.decisions.filter { !identifiersBefore.decisions.contains($0) }
        allowedTerms = identifiersAfter.allowedTerms.filter { !identifiersBefore.allowedTerms.contains($0) }
        let oldReviews = Dictionary(
            (before?.corpus.reviews ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newReviews = Dictionary(after.corpus.reviews.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        reviews = Set(oldReviews.keys).union(newReviews.keys).filter { oldReviews[$0] != newReviews[$0] }.sorted()
    }

    /// "revision 5 → 6 (merge C2 into C1)"; each change in its own words, without the counts of moved codings.
    public var codebookSummary: String? {
        guard let (from, to) = codebookRevisions else { return nil }
        let changes = codebookEntries.map {
            $0.summary.split(separator: ";", maxSplits: 1).first.map(String.init) ?? $0.summary
        }
        return "codebook revision \(from) → \(to)" + (changes.isEmpty ? "" : " (\(changes.joined(separator: ", ")))")
    }

    /// The reviews holding these excerpts, in corpus order: "R04, R05".
    static func reviews(of excerpts: [String], in corpus: Corpus) -> String {
        var seen: [String] = []
        for id in excerpts {
            let review = corpus.review(containing: id)?.id ?? "?"
            if !seen.contains(review) { seen.append(review) }
        }
        return seen.joined(separator: ", ")
    }

    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}
