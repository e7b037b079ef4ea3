/// A framed box of text centred over whatever is on the screen, such as the help overlay.
public struct Dialog: Sendable {
    public var title: String
    public var lines: [String]
    public var style: Style

    public init(title: String, lines: [String], style: Style = .plain) {
        self.title = title
        self.lines = lines
        self.style = style
    }

    /// Draws the dialog centred on `screen`, as large as its text (plus a frame and a column of padding each
    /// side) or the screen, whichever is smaller. Lines that do not fit are cut; returns the dialog's rectangle.
    @discardableResult
    public func draw(on screen: inout Screen) -> Rect {
        let textWidth = max(DisplayWidth.of(title) + 2, lines.map { DisplayWidth.of($0) }.max() ?? 0)
        let rect = screen.bounds.centred(Size(rows: lines.count + 2, columns: textWidth + 4))
        screen.fill(rect, style: style)
        let inside = Box(title: title, style: style).draw(in: rect, on: &screen).inset(left: 1, right: 1)
        for (index, line) in lines.prefix(inside.rows).enumerated() {
            screen.write(
                DisplayWidth.truncate(line, toWidth: inside.columns), row: inside.row + index, column: inside.column,
                style: style, maxWidth: inside.columns)
        }
        return rect
    }
}
