extension CodebookChange {
    /// What one change of a codebook did, with what it takes to describe it in words and to undo it. The codes it
    /// concerns are the change's `codes`: for a merge the code and its target, for a split the code and its parts.
    public enum Action: Sendable, Equatable {
        /// The codebook was made: with the study, or generated.
        case create
        /// Codes and groups were replaced by those of another codebook, read from `file`.
        case `import`(file: String, codes: Int, groups: Int)
        /// A new code or category under `parent` (nil: at the top level).
        case add(parent: String?)
        /// Some fields of a code took new values.
        case edit([CodeField: FieldChange])
        case rename(from: String, to: String)
        /// Under another parent, or to another position.
        case move(from: CodePlace, to: CodePlace)
        /// To another position among the same siblings.
        case reorder(from: CodePlace, to: CodePlace)
        /// `moved`: records rewritten per coder (and "consensus"), nil when only the codebook changed; `bothApplied`:
        /// records that had both codes, which the merge made one.
        case merge(moved: [String: Int]?, bothApplied: Int)
        /// `moved` as for a merge.
        case split(moved: [String: Int]?)
        case retire
        case addGroup(String)
        case deleteGroup(String)
        case addToGroup(String)
        case removeFromGroup(String)
        /// Reverted the change of `revision`, of kind `type` (an action's `type`). For a merge or split, `restored`
        /// counts the records put back and `keptAsCodedSince` names those ("coder:excerpt") changed since, left as
        /// coded.
        case undo(revision: Int, type: String, restored: [String: Int]?, keptAsCodedSince: [String])

        /// The name codebook.json and the history give this kind of change: "rename", "add-group".
        public var type: String {
            switch self {
            case .create: "create"
            case .import: "import"
            case .add: "add"
            case .edit: "edit"
            case .rename: "rename"
            case .move: "move"
            case .reorder: "reorder"
            case .merge: "merge"
            case .split: "split"
            case .retire: "retire"
            case .addGroup: "add-group"
            case .deleteGroup: "delete-group"
            case .addToGroup: "add-to-group"
            case .removeFromGroup: "remove-from-group"
            case .undo: "undo"
            }
        }
    }
}

/// One field's value before and after an edit (nil: the field was empty).
public struct FieldChange: Sendable, Equatable {
    public var from: String?
    public var to: String?

    public init(from: String?, to: String?) {
        self.from = from
        self.to = to
    }
}

/// Where a code sits in the tree: its parent (nil: the top level) and its position among its siblings, from 0.
public struct CodePlace: Sendable, Equatable {
    public var parent: String?
    public var position: Int

    public init(parent: String?, position: Int) {
        self.parent = parent
        self.position = position
    }
}
