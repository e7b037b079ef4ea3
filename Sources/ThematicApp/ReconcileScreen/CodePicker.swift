import TerminalUI
import ThematicCore

/// The lead's own choice of codes for one excerpt: a checklist over the codebook, narrowed by typing, toggled with
/// Space. Codes kept from the starting point keep their spans; a code taken here applies to the whole excerpt.
public struct CodePicker: Sendable, Equatable {
    public let excerptID: String
    public private(set) var chosen: [String: AppliedCode]
    /// The codebook rows matching the filter (indices into the tree's nodes), the codable code under the cursor if any
    /// row matches, and the filter typed.
    public private(set) var list: ListCursor<TextField>

    public init(excerptID: String, starting chosen: [String: AppliedCode], tree: CodeTree) {
        self.excerptID = excerptID
        self.chosen = chosen
        list = ListCursor(filter: TextField(), visible: [], current: nil)
        list.relist(rows(in: tree).map(\.index))
        list.current = list.nearestItem(step: 1) { tree.nodes[$0].item.code.codable }
    }

    public var filter: TextField { list.filter }
    /// Index of the first row shown.
    public var offset: Int { list.offset }
    public func cursor(in tree: CodeTree) -> String? { list.current.map { tree.nodes[$0].id } }

    /// The codebook rows matching the filter: codes and the categories above them.
    public func rows(in tree: CodeTree) -> [CodeTree.Row] { tree.rows(collapsed: [], filter: filter.text) }

    /// Moves the cursor to the next (or previous) codable row, skipping categories.
    mutating func move(_ step: Int, in tree: CodeTree) {
        if let target = list.nearestItem(step: step, where: { tree.nodes[$0].item.code.codable }) {
            list.current = target
        }
    }

    /// Takes or drops the code under the cursor; returns what happened, for the status line.
    mutating func toggle(in tree: CodeTree) -> String? {
        guard let id = cursor(in: tree) else { return nil }
        if chosen[id] == nil {
            chosen[id] = AppliedCode()
            return "took \(id)"
        }
        chosen[id] = nil
        return "dropped \(id)"
    }

    /// Edits the filter with a typed key (false for keys a text field does not take); the cursor goes to the code
    /// whose id is the filter, else stays where it was while that code still matches, else goes to the first match.
    mutating func edit(with key: Key, in tree: CodeTree) -> Bool {
        var filter = self.filter
        guard filter.handle(key) else { return false }
        let rows = tree.rows(collapsed: [], filter: filter.text)
        let codable = rows.filter(\.item.code.codable)
        let exact = filter.text.trimmed.lowercased()
        let previous = list.current
        list.list(rows.map(\.index), for: filter)
        list.current =
            (codable.first { $0.id.lowercased() == exact } ?? codable.first { $0.index == previous } ?? codable.first)?
            .index
        return true
    }

    mutating func keepCursorVisible(rows height: Int) { list.settle(height: height) }
}
