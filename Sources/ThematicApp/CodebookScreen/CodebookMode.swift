import ThematicCore

/// A change the lead has described and the codebook accepts, waiting for the "why" note before it is applied.
public enum PendingChange: Equatable, Sendable {
    /// One edit, with its words for the note prompt ("rename A1").
    case edit(CodebookEdit, words: String)
    /// A split whose every excerpt has its parts.
    case split(SplitWalk)

    var words: String {
        switch self {
        case .edit(_, let words): words
        case .split(let walk): "split \(walk.code) into \(walk.parts.map(\.id).joined(separator: ", "))"
        }
    }
}

/// A line the lead is typing, and what it is for.
public enum CodebookPrompt: Equatable, Sendable {
    /// The id of a new code or category, then its name; `position` among the siblings under `parent` (nil: last).
    case newID(parent: String?, position: Int?, category: Bool)
    case newName(id: String, parent: String?, position: Int?, category: Bool)
    case field(code: String, CodeField)
    case rename(code: String)
    /// The next part of a split: `ID=NAME` for a new code or an existing code's id; empty when done.
    case splitPart(code: String, parts: [Code])
    case note(PendingChange)

    var title: String {
        switch self {
        case .newID(let parent, _, let category):
            category ? "New category, id: " : "New code under \(parent ?? "the top level"), id: "
        case .newName(let id, _, _, _): "Name of \(id): "
        case .field(let code, let field):
            "\(field.label.prefix(1).uppercased() + field.label.dropFirst()) of \(code)" + (isLong ? "" : ": ")
        case .rename(let code): "New name of \(code): "
        case .splitPart(let code, let parts):
            "Split \(code), part \(parts.count + 1)"
                + (parts.isEmpty ? "" : " (after " + parts.map(\.id).joined(separator: ", ") + ")") + ": "
        case .note(let change): "Why \(change.words)? "
        }
    }

    /// Long definitions are typed in a box over the screen, wrapped, rather than on the status line.
    var isLong: Bool {
        guard case .field(_, let field) = self else { return false }
        return ![.name, .colour, .hotkey].contains(field)
    }
}

/// Choosing a code in the tree for a change that needs a second one.
public enum CodebookPick: Equatable, Sendable {
    case newParent(of: String)
    case mergeTarget(of: String)

    var code: String {
        switch self {
        case .newParent(let id), .mergeTarget(let id): id
        }
    }

    var instructions: String {
        switch self {
        case .newParent(let id):
            "Move \(id) under which code? Enter chooses the one under the cursor, t the top level, Esc cancels"
        case .mergeTarget(let id): "Merge \(id) into which code? Enter chooses the one under the cursor, Esc cancels"
        }
    }
}

/// What the keys are doing now.
public enum CodebookMode: Equatable, Sendable {
    case browsing
    case choosingField(code: String)
    case typing(CodebookPrompt)
    case picking(CodebookPick)
    case splitting(SplitWalk)
    /// The whole history over the screen, scrolled to `offset`.
    case history(offset: Int)
}

/// What the driver does after a key: apply a change through `CodebookEditor`, or leave.
public enum CodebookEffect: Equatable, Sendable {
    case apply(CodebookEdit, note: String?)
    case split(String, into: [Code], assignment: [String: [String]], note: String?)
    case quit
}
