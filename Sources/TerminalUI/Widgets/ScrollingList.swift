/// A vertical list of rows, `count` long, scrolled so the selected row stays visible. The app keeps the list
/// (count, selection, scroll offset) in its state; drawing takes the row texts from a closure so a list of
/// thousands of excerpts costs only the rows on screen.
public struct ScrollingList: Hashable, Sendable {
    public var count: Int
    public var selected: Int?
    /// Index of the first visible row.
    public var offset: Int

    public init(count: Int, selected: Int? = nil, offset: Int = 0) {
        self.count = max(0, count)
        self.selected = selected
        self.offset = max(0, offset)
    }

    /// The list scrolled as little as possible so the selected row is one of `height` visible rows, and so no
    /// empty space is left below the last row when the list is longer than the view.
    public func scrolled(toShowSelectionIn height: Int) -> ScrollingList {
        var list = self
        let height = max(1, height)
        var offset = min(self.offset, max(0, count - height))
        if let selected {
            if selected < offset { offset = selected }
            if selected >= offset + height { offset = selected - height + 1 }
        }
        list.offset = max(0, offset)
        return list
    }

    /// Draws the visible rows into `rect` and returns the list as drawn (its offset adjusted to show the
    /// selection). The selected row is filled across the whole width in `selectedStyle`.
    @discardableResult
    public func draw(
        in rect: Rect, on screen: inout Screen, style: Style = .plain,
        selectedStyle: Style = Style(attributes: .reverse),
        row text: (Int) -> String
    ) -> ScrollingList {
        let list = scrolled(toShowSelectionIn: rect.rows)
        guard !rect.isEmpty else { return list }
        for line in 0..<rect.rows {
            let index = list.offset + line
            guard index < count else { break }
            let rowStyle = index == selected ? selectedStyle : style
            let rowRect = Rect(row: rect.row + line, column: rect.column, rows: 1, columns: rect.columns)
            screen.fill(rowRect, style: rowStyle)
            let shown = DisplayWidth.truncate(text(index), toWidth: rect.columns)
            screen.write(shown, row: rowRect.row, column: rect.column, style: rowStyle, maxWidth: rect.columns)
        }
        return list
    }
}
