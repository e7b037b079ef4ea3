import TerminalUI

extension KeyTable {
    /// Where a help overlay showing `helpLines` from `offset` goes after `key`: j/k (or the arrows) scroll a line,
    /// Space and the page keys a page of `page` lines; any other key closes it (nil).
    func helpOffset(after key: Key, from offset: Int, page: Int) -> Int? {
        let last = max(0, helpLines.count - 1)
        switch key {
        case .character("j"), .down: return min(offset + 1, last)
        case .character("k"), .up: return max(0, offset - 1)
        case .pageDown, .character(" "): return min(offset + max(1, page), last)
        case .pageUp: return max(0, offset - max(1, page))
        default: return nil
        }
    }
}
