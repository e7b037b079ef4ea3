import TerminalUI

/// A screen's help overlay as state: hidden, or shown from a line on. j/k and the arrows scroll a line, Space and
/// PgDn/PgUp a page, any other key closes it.
public struct HelpScroll: Equatable, Sendable {
    /// Nil when the help is hidden; otherwise its first shown line.
    public private(set) var offset: Int?

    public init() {}

    public var isShown: Bool { offset != nil }

    /// Shows the help from its first line.
    mutating func show() {
        offset = 0
    }

    /// Scrolls or closes the help of `table` for `key`, on a screen of `size`.
    mutating func handle<Context, Action>(_ key: Key, of table: KeyTable<Context, Action>, size: Size) {
        let from = offset ?? 0
        let last = max(0, table.helpLines.count - 1), page = max(1, size.rows - 4)
        switch key {
        case .character("j"), .down: offset = min(from + 1, last)
        case .character("k"), .up: offset = max(0, from - 1)
        case .pageDown, .character(" "): offset = min(from + page, last)
        case .pageUp: offset = max(0, from - page)
        default: offset = nil
        }
    }

    /// The status line's answer to a key bound to nothing where it was pressed.
    static func unbound(_ key: Key) -> String {
        "\(key.notation) does nothing here; ? shows the keys"
    }
}
