/// The lead's reconciled coding, with the provenance of every decision.
public struct Consensus: Sendable, Equatable {
    public var excerpts: [String: ConsensusDecision]

    public init(excerpts: [String: ConsensusDecision] = [:]) {
        self.excerpts = excerpts
    }
}

/// How the lead settled one excerpt, and on what it was based.
public struct ConsensusDecision: Sendable, Equatable {
    public enum Basis: Sendable, Equatable {
        /// One coder's codes were accepted as they were.
        case coder(String)
        case union
        case intersection
        /// The lead chose the codes freely.
        case edited
    }

    public var codes: [String: AppliedCode]
    public var basis: Basis
    public var comparedCoders: [String]
    /// Each compared coder's code ids at the time of the decision, so later changes can be detected.
    public var coderCodes: [String: [String]]
    public var lead: String
    public var at: String
    public var note: String?
    public var codebookRevision: Int

    public init(
        codes: [String: AppliedCode], basis: Basis, comparedCoders: [String], coderCodes: [String: [String]],
        lead: String, at: String, note: String? = nil, codebookRevision: Int
    ) {
        self.codes = codes
        self.basis = basis
        self.comparedCoders = comparedCoders
        self.coderCodes = coderCodes
        self.lead = lead
        self.at = at
        self.note = note
        self.codebookRevision = codebookRevision
    }
}
