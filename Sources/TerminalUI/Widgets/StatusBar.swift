/// A one-row bar with text on the left (where am I, what happened) and on the right (hints, counts).
public struct StatusBar: Sendable {
    public var left: String
    public var right: String
    public var style: Style

    public init(left: String, right: String = "", style: Style = Style(attributes: .reverse)) {
        self.left = left
        self.right = right
        self.style = style
    }

    /// Fills the first row of `rect` with the bar. The right text is kept whole while it fits; the left text is cut
    /// with an ellipsis to make room for it.
    public func draw(in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        let width = rect.columns
        screen.fill(Rect(row: rect.row, column: rect.column, rows: 1, columns: width), style: style)
        let shownRight = DisplayWidth.truncate(right, toWidth: width)
        let rightWidth = DisplayWidth.of(shownRight)
        let leftRoom = rightWidth == 0 ? width : width - rightWidth - 1
        if leftRoom > 0 {
            screen.write(
                DisplayWidth.truncate(left, toWidth: leftRoom), row: rect.row, column: rect.column, style: style,
                maxWidth: leftRoom)
        }
        screen.write(shownRight, row: rect.row, column: rect.right - rightWidth, style: style, maxWidth: rightWidth)
    }
}
