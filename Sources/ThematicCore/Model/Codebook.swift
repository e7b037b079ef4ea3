/// A tree of codes (themes) with the structured definitions coders apply them by, a revision number that every
/// change increments, and the history of those changes.
public struct Codebook: Sendable, Equatable {
    public var title: String
    public var description: String?
    /// Where the codebook comes from (a citation), when it was not written for this study.
    public var source: String?
    public var revision: Int
    /// Depth-first tree order: each code is followed by its children, in their order.
    public var codes: [Code]
    /// Named sets of codes that cut across the tree (a code belongs to any number of them), in their order.
    public var groups: [CodeGroup]
    public var history: [CodebookChange]

    public init(
        title: String, description: String? = nil, source: String? = nil, revision: Int = 1,
        codes: [Code] = [], groups: [CodeGroup] = [], history: [CodebookChange] = []
    ) {
        self.title = title
        self.description = description
        self.source = source
        self.revision = revision
        self.codes = codes
        self.groups = groups
        self.history = history
    }

    public func code(_ id: String) -> Code? { codes.first { $0.id == id } }

    /// Codes by id, for lookups in loops.
    public var codesByID: [String: Code] {
        Dictionary(codes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func children(of id: String?) -> [Code] { codes.filter { $0.parent == id } }

    /// Number of ancestors: 0 for a top-level code.
    public func depth(of id: String) -> Int { ancestors(of: id).count }

    /// Parent, grandparent, ... up to the top level (stops on a cycle rather than looping).
    public func ancestors(of id: String) -> [String] { Self.ancestors(of: id, in: codesByID) }

    /// `ancestors(of:)` with the codes by id at hand: for a caller that asks for every code's, which would otherwise
    /// index the codebook once per code.
    public static func ancestors(of id: String, in byID: [String: Code]) -> [String] {
        var chain: [String] = []
        var current = byID[id]?.parent
        while let parent = current, !chain.contains(parent), parent != id {
            chain.append(parent)
            current = byID[parent]?.parent
        }
        return chain
    }

    /// Codes a coder may apply now: active and codable.
    public var applicableCodes: [Code] { codes.filter { $0.status == .active && $0.codable } }

    public func group(_ id: String) -> CodeGroup? { groups.first { $0.id == id } }

    /// The groups `codeID` belongs to, in the codebook's order of groups.
    public func groups(of codeID: String) -> [CodeGroup] { groups.filter { $0.codes.contains(codeID) } }
}

/// A named set of codes from anywhere in the tree, such as "Risk factors" (REFI-QDA calls it a set, ATLAS.ti a code
/// group, MAXQDA a code set). Membership says nothing about the codes' place in the tree or their codings.
public struct CodeGroup: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var description: String?
    /// Member code ids, in order, each once.
    public var codes: [String]
    /// The REFI-QDA GUID another tool gave the group (normalised); nil for Thematic's own, whose GUIDs are derived.
    public var guid: String?

    public init(id: String, name: String, description: String? = nil, codes: [String] = [], guid: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.codes = codes
        self.guid = guid
    }
}

/// One theme of a codebook. The id never changes, through renames and moves.
public struct Code: Sendable, Equatable, Identifiable {
    public enum Status: Sendable, Equatable {
        case active
        /// Kept for history, no longer offered to coders.
        case retired
        /// Merged into another code; old codings were moved to it.
        case merged(into: String)
    }

    public var id: String
    public var name: String
    public var parent: String?
    public var status: Status
    /// False for categories that only group other codes.
    public var codable: Bool
    /// The structured definition (MacQueen et al. 1998).
    public var brief: String?
    public var full: String?
    public var whenToUse: String?
    public var whenNotToUse: String?
    public var example: String?
    /// `#rrggbb`; children without one inherit their parent's.
    public var colour: String?
    /// A single key that toggles the code in the coding screen.
    public var hotkey: String?
    /// Provenance of the definition, e.g. "LiPP A3 grid, stage C" or "unverified: ...".
    public var source: String?
    /// The REFI-QDA GUID another tool gave the code (normalised), kept so that its exports still name the same code;
    /// nil for Thematic's own codes, whose GUIDs are derived from the study and the id.
    public var guid: String?

    public init(
        id: String, name: String, parent: String? = nil, status: Status = .active, codable: Bool = true,
        brief: String? = nil, full: String? = nil, whenToUse: String? = nil, whenNotToUse: String? = nil,
        example: String? = nil, colour: String? = nil, hotkey: String? = nil, source: String? = nil, guid: String? = nil
    ) {
        self.id = id
        self.name = name
        self.parent = parent
        self.status = status
        self.codable = codable
        self.brief = brief
        self.full = full
        self.whenToUse = whenToUse
        self.whenNotToUse = whenNotToUse
        self.example = example
        self.colour = colour
        self.hotkey = hotkey
        self.source = source
        self.guid = guid
    }
}

/// One entry of a codebook's history: what changed, who changed it, when, and why.
public struct CodebookChange: Sendable, Equatable {
    public var revision: Int
    public var at: String
    public var by: String
    public var action: Action
    public var codes: [String]
    public var note: String?
    /// For a merge or split: what it did to each coding, so that undo can put them back.
    public var codings: RewrittenCodings?
    /// For a change that altered the groups: every group as it was before, so that undo can put them back. Undo is
    /// last-in-first-out (every later change is undone first), so restoring the whole list is exact.
    public var groupsBefore: [CodeGroup]?

    public init(
        revision: Int, at: String, by: String, action: Action, codes: [String] = [],
        note: String? = nil, codings: RewrittenCodings? = nil, groupsBefore: [CodeGroup]? = nil
    ) {
        self.revision = revision
        self.at = at
        self.by = by
        self.action = action
        self.codes = codes
        self.note = note
        self.codings = codings
        self.groupsBefore = groupsBefore
    }
}

/// What a merge or split did to the codings, excerpt by excerpt: the codes it involved (the merged or split code and
/// its targets) before and after, in each coder's file, and each consensus decision it changed.
public struct RewrittenCodings: Sendable, Equatable {
    /// The involved codes of one record (a code absent: not applied).
    public struct Codes: Sendable, Equatable {
        public var before: [String: AppliedCode]
        public var after: [String: AppliedCode]

        public init(before: [String: AppliedCode], after: [String: AppliedCode]) {
            self.before = before
            self.after = after
        }
    }

    /// A whole consensus decision (its codes and the coders' codes it records).
    public struct Decision: Sendable, Equatable {
        public var before: ConsensusDecision
        public var after: ConsensusDecision

        public init(before: ConsensusDecision, after: ConsensusDecision) {
            self.before = before
            self.after = after
        }
    }

    /// Coder -> excerpt -> codes.
    public var coders: [String: [String: Codes]]
    /// Excerpt -> decision.
    public var consensus: [String: Decision]

    public init(coders: [String: [String: Codes]] = [:], consensus: [String: Decision] = [:]) {
        self.coders = coders
        self.consensus = consensus
    }
}
