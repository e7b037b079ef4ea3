import TerminalUI

/// How keys move a help overlay: j/k and the arrows scroll a line, Space and PgDn/PgUp a page, any other key closes it.
enum HelpScrolling {
    /// The first line shown after `key`, or nil when the key closes the help.
    static func offset(after key: Key, from offset: Int, lines: Int, size: Size) -> Int? {
        let last = max(0, lines - 1), page = max(1, size.rows - 4)
        switch key {
        case .character("j"), .down: return min(offset + 1, last)
        case .character("k"), .up: return max(0, offset - 1)
        case .pageDown, .character(" "): return min(offset + page, last)
        case .pageUp: return max(0, offset - page)
        default: return nil
        }
    }
}
