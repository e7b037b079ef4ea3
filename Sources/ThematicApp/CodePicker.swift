import ThematicCore
import TerminalUI

/// The lead's own choice of codes for one excerpt: a checklist over the codebook, narrowed by typing, toggled with
/// Space. Codes kept from the starting point keep their spans; a code taken here applies to the whole excerpt.
public struct CodePicker: Sendable, Equatable {
    public let excerptID: String
    public private(set) var chosen: [String: AppliedCode]
    public private(set) var filter = TextField()
    /// The codable code under the cursor, if any row matches.
    public private(set) var cursor: String?
    /// Index of the first row shown.
    public private(set) var offset = 0

    public init(excerptID: String, starting chosen: [String: AppliedCode], tree: CodeTree) {
        self.excerptID = excerptID
        self.chosen = chosen
        cursor = rows(in: tree).first { $0.item.code.codable }?.id
    }

    /// The codebook rows matching the filter: codes and the categories above them.
    public func rows(in tree: CodeTree) -> [CodeTree.Row] { tree.rows(collapsed: [], filter: filter.text) }

    /// Moves the cursor to the next (or previous) codable row, skipping categories.
    mutating func move(_ step: Int, in tree: CodeTree) {
        let codable = rows(in: tree).filter { $0.item.code.codable }.map(\.id)
        guard !codable.isEmpty else { return }
        let index = cursor.flatMap { codable.firstIndex(of: $0) } ?? (step > 0 ? -1 : codable.count)
        cursor = codable[min(max(0, index + step), codable.count - 1)]
    }

    /// Takes or drops the code under the cursor; returns what happened, for the status line.
    mutating func toggle() -> String? {
        guard let id = cursor else { return nil }
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
        guard filter.handle(key) else { return false }
        let codable = rows(in: tree).filter { $0.item.code.codable }.map(\.id)
        let exact = filter.text.trimmed.lowercased()
        cursor = codable.first { $0.lowercased() == exact } ?? cursor.flatMap { codable.contains($0) ? $0 : nil } ?? codable.first
        offset = 0
        return true
    }

    mutating func keepCursorVisible(in tree: CodeTree, rows height: Int) {
        let rows = rows(in: tree)
        let selected = rows.firstIndex { $0.id == cursor }
        offset = ScrollingList(count: rows.count, selected: selected, offset: offset).scrolled(toShowSelectionIn: max(1, height)).offset
    }
}
