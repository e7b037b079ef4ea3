/// One change a lead makes to a codebook between coding rounds.
///
/// Applied with `Codebook.applying(_:by:at:note:)` (the codebook alone) or `CodebookEditor` (a study: the codebook,
/// every coder's file and the consensus together).
public enum CodebookEdit: Sendable, Equatable {
    /// A new code or category; `position` among its siblings (nil: last).
    case add(Code, position: Int? = nil)
    /// New values for some fields of a code (a nil value clears an optional field).
    case edit(String, [CodeField: String?])
    /// Under another parent (nil: top level), at `position` among the new siblings (nil: last). Children come along.
    case move(String, parent: String?, position: Int? = nil)
    /// To `position` among its current siblings.
    case reorder(String, position: Int)
    /// A new name; the id, and so every coding, stays.
    case rename(String, to: String)
    /// Every coding of the first code becomes the second; the first is kept as merged into the second.
    case merge(String, into: String)
    /// The first code is retired and its codings reassigned: excerpt id -> the codes (of `into`) it gets instead.
    case split(String, into: [String], assignment: [String: [String]])
    /// Kept for history, no longer offered to coders.
    case retire(String)
    /// A new group of codes (it may start empty), after the others.
    case addGroup(CodeGroup)
    /// The group goes; its codes stay as they are.
    case deleteGroup(String)
    /// Codes join a group, after its members, in the order given.
    case addToGroup([String], group: String)
    /// Codes leave a group.
    case removeFromGroup([String], group: String)
    /// Reverts the latest change not yet undone, recorded as a change of its own.
    case undo
}

/// The fields of a code that `CodebookEdit.edit` changes.
public enum CodeField: String, Sendable, CaseIterable, Comparable {
    case name, brief, full, whenToUse, whenNotToUse, example, colour, hotkey

    public static func < (lhs: CodeField, rhs: CodeField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public func value(of code: Code) -> String? {
        switch self {
        case .name: code.name
        case .brief: code.brief
        case .full: code.full
        case .whenToUse: code.whenToUse
        case .whenNotToUse: code.whenNotToUse
        case .example: code.example
        case .colour: code.colour
        case .hotkey: code.hotkey
        }
    }

    /// Sets the field (nil clears it; a name is never cleared).
    public func set(_ value: String?, on code: inout Code) {
        switch self {
        case .name: code.name = value ?? code.name
        case .brief: code.brief = value
        case .full: code.full = value
        case .whenToUse: code.whenToUse = value
        case .whenNotToUse: code.whenNotToUse = value
        case .example: code.example = value
        case .colour: code.colour = value
        case .hotkey: code.hotkey = value
        }
    }
}

/// Why an edit was refused, phrased for the lead. Nothing was written.
public struct CodebookEditError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
