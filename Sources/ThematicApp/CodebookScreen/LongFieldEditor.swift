import TerminalUI

/// A long definition typed in a box over the screen: the field's whole text wrapped to the box, the cursor where
/// it is in the text, Up and Down moving it a wrapped line. The text is a `TextField`, so editing is the same as
/// on the status line.
enum LongFieldEditor {
    /// The box for a text of `lineCount` wrapped lines: as wide as the screen allows up to 100 columns, as tall as
    /// the text (plus a frame) up to the screen less a row above and below.
    static func box(in size: Size, lineCount: Int) -> Rect {
        let width = min(max(0, size.columns - 2), 100)
        return Rect(size: size).centred(Size(rows: min(lineCount + 2, max(0, size.rows - 2)), columns: width))
    }

    /// Columns the text wraps to inside the box (a frame and a column of padding each side).
    static func wrapWidth(in size: Size) -> Int { max(1, min(max(0, size.columns - 2), 100) - 4) }

    static func lines(_ field: TextField, in size: Size) -> [WrappedLine] {
        TextWrap.wrap(field.text, width: wrapWidth(in: size))
    }

    /// The cursor's place in the wrapped lines.
    static func cursorPosition(_ field: TextField, lines: [WrappedLine]) -> Position {
        TextWrap.position(ofOffset: scalarOffset(ofCharacter: field.cursor, in: field.text), in: lines)
    }

    /// The field with its cursor moved `step` wrapped lines, keeping its column as far as the line allows.
    static func moved(_ field: TextField, lines step: Int, in size: Size) -> TextField {
        let lines = self.lines(field, in: size)
        let position = cursorPosition(field, lines: lines)
        let row = position.row + step
        guard lines.indices.contains(row) else { return field }
        var offset = lines[row].range.upperBound
        var column = 0
        for glyph in lines[row].glyphs {
            if column + glyph.width > position.column {
                offset = glyph.offset
                break
            }
            column += glyph.width
        }
        var moved = field
        moved.moveToStart()
        for _ in 0..<characterIndex(ofScalarOffset: offset, in: field.text) { moved.moveRight() }
        return moved
    }

    static func scalarOffset(ofCharacter index: Int, in text: String) -> Int {
        text.prefix(index).unicodeScalars.count
    }

    static func characterIndex(ofScalarOffset offset: Int, in text: String) -> Int {
        var scalars = 0
        for (index, character) in text.enumerated() {
            if scalars >= offset { return index }
            scalars += character.unicodeScalars.count
        }
        return text.count
    }

    /// Draws the box with the text scrolled so the cursor's line shows, and places the screen's cursor.
    static func draw(_ field: TextField, title: String, on screen: inout Screen) {
        let lines = self.lines(field, in: screen.size)
        let rect = box(in: screen.size, lineCount: lines.count)
        guard !rect.isEmpty else { return }
        screen.fill(rect)
        let inside = Box(title: title).draw(in: rect, on: &screen).inset(left: 1, right: 1)
        guard !inside.isEmpty else { return }
        let cursor = cursorPosition(field, lines: lines)
        let scroll = max(0, cursor.row - inside.rows + 1)
        for (index, line) in lines.dropFirst(scroll).prefix(inside.rows).enumerated() {
            screen.write(line, row: inside.row + index, column: inside.column, maxWidth: inside.columns) { _ in .plain }
        }
        screen.cursor = Position(
            row: inside.row + cursor.row - scroll, column: inside.column + min(cursor.column, inside.columns - 1))
    }
}
