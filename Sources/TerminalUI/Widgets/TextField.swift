/// A one-line text input: the text and a cursor counted in Characters, so editing never splits a grapheme
/// (an accented letter or an emoji is inserted, deleted and stepped over whole).
public struct TextField: Hashable, Sendable {
    public private(set) var text: String
    /// Characters before the cursor.
    public private(set) var cursor: Int

    public init(text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    public mutating func insert(_ string: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        let before = text.count
        text.insert(contentsOf: string, at: index)
        // A combining mark can merge into the character before the cursor, so count what was really added.
        cursor += text.count - before
    }

    /// Deletes the character before the cursor (Backspace).
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
        cursor -= 1
    }

    /// Deletes the character under the cursor (Delete).
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = text.count }

    /// Applies an editing key; returns false for keys a text field does not handle (Enter, Esc, ...) so the
    /// caller can act on them.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .backspace, .ctrl("h"): deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveToStart()
        case .end, .ctrl("e"): moveToEnd()
        case .ctrl("u"):
            text.removeSubrange(text.startIndex..<text.index(text.startIndex, offsetBy: cursor))
            cursor = 0
        default: return false
        }
        return true
    }

    /// Draws the field on the first row of `rect`, scrolled sideways so the cursor is visible, and returns the
    /// screen position of the cursor.
    @discardableResult
    public func draw(in rect: Rect, on screen: inout Screen, style: Style = .plain) -> Position {
        let origin = Position(row: rect.row, column: rect.column)
        guard !rect.isEmpty else { return origin }
        screen.fill(Rect(row: rect.row, column: rect.column, rows: 1, columns: rect.columns), style: style)
        var characters = Array(text)
        var before = characters[..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        var dropped = 0
        // Keep one column free after the text before the cursor, where the cursor sits.
        while before >= rect.columns, dropped < cursor {
            before -= DisplayWidth.of(characters[dropped])
            dropped += 1
        }
        characters.removeFirst(dropped)
        screen.write(String(characters), row: rect.row, column: rect.column, style: style, maxWidth: rect.columns)
        return Position(row: rect.row, column: rect.column + min(before, rect.columns - 1))
    }
}
