/// A row and column on a Screen.
public struct Position: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// A rows x columns grid of Cells: what one frame shows. Views draw into it; a Terminal shows it; tests read it
/// back as text. Two Screens compare equal when every cell and the cursor match, which is how frames are diffed.
///
/// Writing never wraps and never goes outside the grid: text is clipped, a wide character that does not fit
/// becomes a space, and overwriting half of a wide character blanks its other half.
public struct Screen: Hashable, Sendable {
    public let size: Size
    /// Row-major cells, `size.rows * size.columns` of them.
    public private(set) var cells: [Cell]
    /// Where the terminal should show its cursor, or nil to hide it.
    public var cursor: Position?

    public init(size: Size, style: Style = .plain) {
        self.size = Size(rows: max(0, size.rows), columns: max(0, size.columns))
        self.cells = Array(repeating: .blank(style), count: self.size.rows * self.size.columns)
    }

    public init(rows: Int, columns: Int) {
        self.init(size: Size(rows: rows, columns: columns))
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// Writes `text` on `row` from `column`, using at most `maxWidth` columns (and never past the right edge).
    /// Returns the number of columns the text advanced, so the next piece can start at `column + result`.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, style: Style = .plain, maxWidth: Int? = nil)
        -> Int
    {
        guard row >= 0, row < size.rows else { return 0 }
        let limit = min(size.columns, maxWidth.map { column + max(0, $0) } ?? size.columns)
        var x = column
        var clusters = CellClusterIterator(text.unicodeScalars)
        while x < limit, let cluster = clusters.next() {
            if x < 0 {
                // Text that starts left of the screen: only a wide character straddling column 0 leaves a trace.
                if x + cluster.width > 0 { place(.blank(style), row: row, column: 0) }
                x += cluster.width
                continue
            }
            if x + cluster.width > limit {
                place(.blank(style), row: row, column: x)
                x += 1
                break
            }
            place(
                Cell(base: cluster.base, marks: cluster.marks, width: UInt8(cluster.width), style: style), row: row,
                column: x)
            x += cluster.width
        }
        return max(0, min(x, limit) - column)
    }

    /// Puts one cell at a position; a wide cell in the last column becomes a space. Positions outside are ignored.
    public mutating func put(_ cell: Cell, row: Int, column: Int) {
        guard row >= 0, row < size.rows, column >= 0, column < size.columns, !cell.isContinuation else { return }
        if cell.width == 2 && column + 1 >= size.columns {
            place(.blank(cell.style), row: row, column: column)
        } else {
            place(cell, row: row, column: column)
        }
    }

    /// Blanks every cell of `rect` (clipped to the screen) in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let blank = Cell.blank(style)
        for row in area.row..<area.bottom {
            for column in area.column..<area.right {
                place(blank, row: row, column: column)
            }
        }
    }

    /// Changes the style of every cell in `rect` without touching the characters (used to highlight a selected row).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.row..<area.bottom {
            for column in area.column..<area.right {
                change(&cells[row * size.columns + column].style)
            }
        }
    }

    /// The text shown on `row`, one character per column it covers: a wide character appears once and its
    /// continuation cell adds nothing, so the text is exactly as wide as the screen.
    public func text(row: Int) -> String {
        guard row >= 0, row < size.rows else { return "" }
        var scalars = String.UnicodeScalarView()
        let start = row * size.columns
        for cell in cells[start..<start + size.columns] where !cell.isContinuation {
            scalars.append(cell.base)
            scalars.append(contentsOf: cell.marks)
        }
        return String(scalars)
    }

    /// Every row's text, top to bottom.
    public var lines: [String] { (0..<size.rows).map { text(row: $0) } }

    /// Every row's text without trailing spaces, which keeps test expectations short.
    public var trimmedLines: [String] {
        lines.map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    /// Sets a cell, blanking the other half of any wide character it cuts through.
    private mutating func place(_ cell: Cell, row: Int, column: Int) {
        let columns = size.columns
        let index = row * columns + column
        if cells[index].isContinuation && column > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        if cells[index].width == 2 && column + 1 < columns {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
        if cell.width == 2 {
            if cells[index + 1].width == 2 && column + 2 < columns {
                cells[index + 2] = .blank(cells[index + 2].style)
            }
            cells[index + 1] = .continuation(cell.style)
        }
    }
}
