/// What a lead has to reconcile for a set of coders: the queue of excerpts, each with every coder's codes and spans,
/// the definitions involved and the consensus decision so far. A value computed from a study; a reconcile screen
/// or report shows it, and `ReconciliationSession` records decisions.
///
/// A disagreement is an excerpt finished by two or more of the chosen coders whose sets of codes differ. Spans do
/// not make a disagreement (the unit of agreement is the excerpt, so these are exactly the disagreements
/// `thematic agree` counts); codes applied by every coder to different spans are listed on the item.
public struct Reconciliation: Sendable {
    public enum Scope: Sendable, Equatable {
        /// Excerpts where the coders' code sets differ.
        case disagreements
        /// Every excerpt two or more of the coders finished, agreed or not.
        case doubleCoded
    }

    public struct SelectionError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The coders compared, in a stable order.
    public let coders: [String]
    public let scope: Scope
    /// In reading order; also holds every excerpt whose decision went stale, even when it is no longer in scope.
    public private(set) var items: [ReconciliationItem]

    /// Compares `coders` (default: the study's design, `ComparedCoders`; at least two).
    public init(study: Study, coders chosen: [String]? = nil, scope: Scope = .disagreements) throws(SelectionError) {
        let coders = chosen ?? ComparedCoders(designOf: study).coders
        for coder in coders where study.codings[coder] == nil {
            throw SelectionError(
                description:
                    "no coder named \"\(coder)\" in this study (coders: \(study.coders.joined(separator: ", ")))")
        }
        guard Set(coders).count >= 2 else {
            throw SelectionError(
                description:
                    "reconciling needs at least two coders who have finished excerpts; this selection has \(coders.count) (\(coders.joined(separator: ", ")))"
            )
        }
        let compared = Array(Set(coders)).sorted()
        self.coders = compared
        self.scope = scope
        let context = ItemContext(study: study)
        items = study.corpus.excerptIDs.compactMap { excerptID in
            guard let item = ReconciliationItem(excerptID: excerptID, study: study, coders: compared, context: context)
            else { return nil }
            return item.isInScope(scope) || item.state.isStale ? item : nil
        }
    }

    /// Progress through the queue.
    public struct Progress: Sendable, Equatable {
        public var total: Int
        public var decided: Int
        public var stale: Int
        public var undecided: Int { total - decided - stale }
    }

    public var progress: Progress {
        Progress(
            total: items.count, decided: items.filter { $0.state == .decided }.count,
            stale: items.filter { $0.state.isStale }.count)
    }

    /// Where a session resumes: the first excerpt in reading order still to decide (undecided, or decided and stale).
    public var resumePoint: ReconciliationItem? { items.first { $0.state != .decided } }

    /// The next excerpt still to decide after `excerptID` in reading order, wrapping round to the start.
    public func nextToDecide(after excerptID: String) -> ReconciliationItem? {
        guard let index = items.firstIndex(where: { $0.excerpt.id == excerptID }) else { return resumePoint }
        return (items[(index + 1)...] + items[..<index]).first { $0.state != .decided }
    }

    public func item(_ excerptID: String) -> ReconciliationItem? { items.first { $0.excerpt.id == excerptID } }

    /// Decisions whose coders changed their codes since; never overwritten silently.
    public var staleItems: [ReconciliationItem] { items.filter { $0.state.isStale } }

    /// Code id -> number of excerpts in the queue where some but not all of the coders applied it.
    public var disagreementsPerCode: [String: Int] {
        items.reduce(into: [:]) { counts, item in
            for code in item.disputedCodes { counts[code, default: 0] += 1 }
        }
    }

    /// Replaces one item after a decision (its state and decision changed; the rest of the queue did not).
    mutating func refresh(_ excerptID: String, study: Study) {
        guard let index = items.firstIndex(where: { $0.excerpt.id == excerptID }),
            let item = ReconciliationItem(
                excerptID: excerptID, study: study, coders: coders, context: ItemContext(study: study))
        else { return }
        items[index] = item
    }
}

/// Lookups shared by every item of one study.
struct ItemContext {
    let codesByID: [String: Code]
    let codebookOrder: [String: Int]

    init(study: Study) {
        codesByID = study.codebook.codesByID
        codebookOrder = Dictionary(
            study.codebook.codes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Codes in codebook order (unknown ids last, by id).
    func ordered(_ ids: some Sequence<String>) -> [String] {
        ids.sorted { (codebookOrder[$0] ?? .max, $0) < (codebookOrder[$1] ?? .max, $1) }
    }
}
