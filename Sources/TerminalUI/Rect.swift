/// A terminal size in rows and columns.
public struct Size: Hashable, Sendable {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }
}

/// A rectangle of cells; its size is never negative, so a Rect shrunk past nothing is simply empty.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int

    public init(row: Int, column: Int, rows: Int, columns: Int) {
        self.row = row
        self.column = column
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }

    public init(size: Size) {
        self.init(row: 0, column: 0, rows: size.rows, columns: size.columns)
    }

    public var size: Size { Size(rows: rows, columns: columns) }
    public var isEmpty: Bool { rows == 0 || columns == 0 }
    /// The row just below the rectangle.
    public var bottom: Int { row + rows }
    /// The column just right of the rectangle.
    public var right: Int { column + columns }

    public func contains(row: Int, column: Int) -> Bool {
        row >= self.row && row < bottom && column >= self.column && column < right
    }

    /// The part of this rectangle inside `other`.
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(column, other.column)
        return Rect(
            row: top, column: left, rows: min(bottom, other.bottom) - top, columns: min(right, other.right) - left)
    }

    /// This rectangle shrunk by the given margins; empty when the margins meet.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let rows = max(0, self.rows - top - bottom)
        let columns = max(0, self.columns - left - right)
        return Rect(
            row: row + min(top, self.rows), column: column + min(left, self.columns), rows: rows, columns: columns)
    }

    /// This rectangle shrunk by `margin` on every side.
    public func inset(by margin: Int) -> Rect {
        inset(top: margin, left: margin, bottom: margin, right: margin)
    }

    /// A rectangle of at most `size`, centred in this one.
    public func centred(_ size: Size) -> Rect {
        let rows = min(max(0, size.rows), self.rows)
        let columns = min(max(0, size.columns), self.columns)
        return Rect(
            row: row + (self.rows - rows) / 2, column: column + (self.columns - columns) / 2, rows: rows,
            columns: columns)
    }

    /// Cuts the rectangle into bands stacked top to bottom, one per entry of `sizes`.
    public func splitRows(_ sizes: [LayoutSize]) -> [Rect] {
        var top = row
        return LayoutSize.resolve(sizes, total: rows).map { height in
            defer { top += height }
            return Rect(row: top, column: column, rows: height, columns: columns)
        }
    }

    /// Cuts the rectangle into columns side by side, left to right, one per entry of `sizes`.
    public func splitColumns(_ sizes: [LayoutSize]) -> [Rect] {
        var left = column
        return LayoutSize.resolve(sizes, total: columns).map { width in
            defer { left += width }
            return Rect(row: row, column: left, rows: rows, columns: width)
        }
    }
}

/// How much of a split one part asks for.
///
/// Fixed and percentage parts are sized first, then the parts marked `rest` share what is left equally. Minimums are
/// kept while there is room; when the parts ask for more than there is, the last parts give way first, down to zero.
public enum LayoutSize: Hashable, Sendable {
    case fixed(Int)
    /// A share of the whole, never less than `minimum`.
    case percent(Int, minimum: Int = 0)
    /// An equal share of whatever the fixed and percentage parts leave, never less than `minimum`.
    case rest(minimum: Int = 0)

    static func resolve(_ sizes: [LayoutSize], total: Int) -> [Int] {
        let total = max(0, total)
        var wanted = sizes.map { size -> Int in
            switch size {
            case .fixed(let count): max(0, count)
            case .percent(let percent, let minimum): max(max(0, minimum), total * max(0, percent) / 100)
            case .rest: 0
            }
        }
        let restIndices = sizes.indices.filter { if case .rest = sizes[$0] { true } else { false } }
        if !restIndices.isEmpty {
            let left = max(0, total - wanted.reduce(0, +))
            let share = left / restIndices.count
            var remainder = left % restIndices.count
            for index in restIndices {
                guard case .rest(let minimum) = sizes[index] else { continue }
                wanted[index] = max(max(0, minimum), share + (remainder > 0 ? 1 : 0))
                remainder -= 1
            }
        }
        var available = total
        return wanted.map { size in
            let granted = min(size, available)
            available -= granted
            return granted
        }
    }
}
