/// A frame of Unicode box-drawing lines around a rectangle, with an optional title set into the top border.
public struct Box: Sendable {
    public var title: String?
    public var style: Style
    public var titleStyle: Style

    public init(title: String? = nil, style: Style = .plain, titleStyle: Style? = nil) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle ?? style.adding(.bold)
    }

    /// Draws the frame on the edge of `rect` and returns the rectangle inside it. A rect too small for a frame
    /// (fewer than 2 rows or columns) is left as it is and returned whole.
    @discardableResult
    public func draw(in rect: Rect, on screen: inout Screen) -> Rect {
        guard rect.rows >= 2, rect.columns >= 2 else { return rect }
        let top = rect.row
        let bottom = rect.bottom - 1
        let left = rect.column
        let right = rect.right - 1
        let horizontal = String(repeating: "─", count: rect.columns - 2)
        screen.write("┌" + horizontal + "┐", row: top, column: left, style: style)
        screen.write("└" + horizontal + "┘", row: bottom, column: left, style: style)
        for row in (top + 1)..<bottom {
            screen.write("│", row: row, column: left, style: style)
            screen.write("│", row: row, column: right, style: style)
        }
        if let title, rect.columns > 4 {
            let shown = DisplayWidth.truncate(title, toWidth: rect.columns - 4)
            screen.write(" " + shown + " ", row: top, column: left + 1, style: titleStyle, maxWidth: rect.columns - 2)
        }
        return rect.inset(by: 1)
    }
}
