import TerminalUI

/// Where each line of the agreement table screen goes for a terminal size. From the top: a title, the overall
/// figures, the colour legend, the column headings, the pooled row, the codes (the only part that scrolls), the
/// selected code's detail line and the status line. As the terminal gets shorter the lines go in the reverse of
/// their use (legend first, the codes and the status line last); at 0×0 every rect is simply empty.
struct AgreementLayout: Equatable {
    var title: Rect
    var overall: Rect
    var legend: Rect
    var header: Rect
    var pooled: Rect
    var body: Rect
    var detail: Rect
    var status: Rect

    init(size: Size) {
        let rows = max(0, size.rows), width = max(0, size.columns)
        func line(_ row: Int) -> Rect { Rect(row: row, column: 0, rows: 1, columns: width) }
        let none = Rect(row: 0, column: 0, rows: 0, columns: 0)
        // Each optional line and the height from which it is shown.
        let has = (
            title: rows >= 7, overall: rows >= 9, legend: rows >= 11, header: rows >= 3, pooled: rows >= 5,
            detail: rows >= 4
        )
        var top = 0
        func take(_ shown: Bool) -> Rect {
            guard shown else { return none }
            defer { top += 1 }
            return line(top)
        }
        title = take(has.title)
        overall = take(has.overall)
        legend = take(has.legend)
        header = take(has.header)
        pooled = take(has.pooled)
        status = rows >= 1 ? line(rows - 1) : none
        detail = has.detail ? line(rows - 2) : none
        let bottom = rows - (rows >= 1 ? 1 : 0) - (has.detail ? 1 : 0)
        body = Rect(row: top, column: 0, rows: bottom - top, columns: width)
    }
}

/// Which columns of the table are on screen and where, for a width and a horizontal scroll: the code and name
/// columns stay at the left (the name shrinks, and goes when there is no room), the other columns scroll sideways
/// from `firstScrolled`, and a column is only ever shown whole.
struct AgreementColumnLayout: Equatable {
    struct Placed: Equatable {
        var column: AgreementColumn
        var x: Int
        var width: Int
    }

    static let gap = 2
    /// The name column is never wider than this, and not shown narrower than `minimumName`.
    static let widestName = 36
    static let minimumName = 6

    var placed: [Placed]
    /// Columns scrolled out of view on the left, and left out on the right.
    var hiddenLeft: Int
    var hiddenRight: Int

    init(table: AgreementTable, columns: [AgreementColumn], width: Int, firstScrolled: Int) {
        let widths = Dictionary(columns.map { ($0, Self.naturalWidth($0, in: table)) }, uniquingKeysWith: { a, _ in a })
        let scrolled = columns.filter { !$0.isFrozen }
        let codeWidth = min(widths[.code] ?? 0, max(0, width))
        let scrolledWidth = scrolled.reduce(0) { $0 + Self.gap + widths[$1]! }
        let room = width - codeWidth - Self.gap
        let wantedName = min(widths[.name] ?? 0, Self.widestName)
        var nameWidth = min(wantedName, max(0, room - scrolledWidth))
        if nameWidth < min(wantedName, 12) { nameWidth = min(wantedName, max(0, room / 4)) }
        if nameWidth < Self.minimumName { nameWidth = 0 }

        placed = [Placed(column: .code, x: 0, width: codeWidth)]
        var x = codeWidth
        if nameWidth > 0 {
            placed.append(Placed(column: .name, x: x + Self.gap, width: nameWidth))
            x += Self.gap + nameWidth
        }
        let first = min(max(0, firstScrolled), max(0, scrolled.count - 1))
        hiddenLeft = first
        hiddenRight = 0
        for (index, column) in scrolled.enumerated().dropFirst(first) {
            let columnWidth = widths[column]!
            if x + Self.gap + columnWidth > width {
                hiddenRight = scrolled.count - index
                break
            }
            placed.append(Placed(column: column, x: x + Self.gap, width: columnWidth))
            x += Self.gap + columnWidth
        }
    }

    /// Whether scrolling right would show another column.
    var canScrollRight: Bool { hiddenRight > 0 }

    /// The width a column needs for its heading (plus the sort arrow) and every cell, pooled row included.
    static func naturalWidth(_ column: AgreementColumn, in table: AgreementTable) -> Int {
        let rows = table.rows + [table.pooled]
        let cells = rows.map { DisplayWidth.of(column.text($0, in: table)) }.max() ?? 0
        // A read figure carries a one-column mark after it (~ tentative, ! unreliable).
        return max(DisplayWidth.of(column.title(in: table)) + 1, cells + (column.isRead ? 1 : 0))
    }
}
