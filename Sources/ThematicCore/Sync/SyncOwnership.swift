/// Whose each changed file of a study is, so that `thematic sync --as NAME` commits only NAME's work.
///
/// A coder's files are theirs. The codebook is the lead's who made the new revisions (each history entry's `by`),
/// and so are the coder files a merge or split of theirs rewrote. The consensus belongs to the lead of the decisions
/// that changed (each decision's `lead`). identifiers.json and assignments.json are the person's when every new
/// entry carries their name in `by`; an assignment made without `--by` names nobody, so it is nobody's to sync.
/// A review file is the person's when their new anonymisation decisions redacted text in it. Anything else a study
/// holds (study.json, .gitignore) records no author: it is left to be committed by hand.
public struct SyncOwnership: Sendable, Equatable {
    /// Study-relative paths to commit.
    public var mine: [String] = []
    /// Study-relative paths someone else changed here, refused.
    public var others: [String] = []
    /// Files that are not part of a study (notes, exports) and empty journals of others: neither committed nor refused.
    public var notStudyFiles: [String] = []

    /// `emptyFiles`: changed paths that are empty files. An empty journal holds no action (a codebook change opens
    /// every coder's journal to lock it), so another coder's is left alone rather than refused or committed.
    public init(
        changed paths: [String], person: String, changes: StudyChanges, corpus: Corpus, emptyFiles: Set<String> = []
    ) {
        let ownCodebook = !changes.codebookEntries.isEmpty && changes.codebookEntries.allSatisfy { $0.by == person }
        let rewrittenCoders = Set(
            changes.codebookEntries.filter { $0.by == person }.flatMap { $0.codings?.coders.keys.map { $0 } ?? [] })
        let rewroteConsensus = changes.codebookEntries.contains {
            $0.by == person && !($0.codings?.consensus.isEmpty ?? true)
        }
        let redactedReviews = Set(
            changes.identifierDecisions.filter { decision in
                guard decision.by == person, case .redacted = decision.action else { return false }
                return true
            }.map { corpus.review(containing: $0.excerptID)?.id ?? $0.excerptID })

        // A study's .gitignore keeps these out of git; a study without one must not be refused for them.
        for path in paths.sorted() where !path.hasSuffix(".lock") && !path.hasSuffix(".tmp") {
            let owned: Bool
            if let coder = Self.coder(ofFile: path), coder != person, path.hasSuffix(".journal"),
                emptyFiles.contains(path)
            {
                notStudyFiles.append(path)
                continue
            } else if let coder = Self.coder(ofFile: path) {
                owned = coder == person || rewrittenCoders.contains(coder)
            } else if path == StudyFolder.codebookFile {
                owned = ownCodebook
            } else if path == StudyFolder.consensusFile {
                let decided = changes.consensusDecisions.values
                owned = rewroteConsensus || (!decided.isEmpty && decided.allSatisfy { $0.lead == person })
            } else if path == IdentifierRegister.file {
                let who = changes.identifierDecisions.map(\.by) + changes.allowedTerms.map(\.by)
                owned = !who.isEmpty && who.allSatisfy { $0 == person }
            } else if path == StudyFolder.assignmentsFile {
                owned = !changes.assignments.isEmpty && changes.assignments.allSatisfy { $0.by == person }
            } else if path.hasPrefix(StudyFolder.corpusFolder + "/"), path.hasSuffix(".json") {
                let review = String(path.dropFirst(StudyFolder.corpusFolder.count + 1).dropLast(5))
                owned = redactedReviews.contains(review)
            } else if path == StudyFolder.manifestFile || path == StudyFolder.gitignoreFile
                || path.hasPrefix(StudyFolder.codingsFolder + "/")
            {
                owned = false
            } else {
                notStudyFiles.append(path)
                continue
            }
            if owned { mine.append(path) } else { others.append(path) }
        }
    }

    /// The coder whose snapshot or journal this is (`codings/ben.json` → ben).
    static func coder(ofFile path: String) -> String? {
        let folder = StudyFolder.codingsFolder + "/"
        guard path.hasPrefix(folder) else { return nil }
        let name = path.dropFirst(folder.count)
        guard !name.contains("/") else { return nil }
        for suffix in [".json", ".journal"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return nil
    }
}
