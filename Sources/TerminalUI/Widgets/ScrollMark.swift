/// Marks that a list or a text has lines out of view: "▲ 3 more" above what shows, "▼ 12 more" below it.
public enum ScrollMark {
    /// "▲ 3 more", or nil when nothing is hidden above.
    public static func above(_ hidden: Int) -> String? { hidden > 0 ? "▲ \(hidden) more" : nil }

    /// "▼ 12 more", or nil when nothing is hidden below.
    public static func below(_ hidden: Int) -> String? { hidden > 0 ? "▼ \(hidden) more" : nil }

    /// Both marks of a list of `count` lines showing `shown` from `offset`, for a line with no frame to hold them
    /// (such as a status line): "▲ 3 more ▼ 12 more", or "" when everything shows.
    public static func text(count: Int, offset: Int, shown: Int) -> String {
        let hidden = hiddenCounts(count: count, offset: offset, shown: shown)
        return [above(hidden.above), below(hidden.below)].compactMap { $0 }.joined(separator: " ")
    }

    /// Lines before `offset` and after the `shown` lines from it.
    public static func hiddenCounts(count: Int, offset: Int, shown: Int) -> (above: Int, below: Int) {
        let offset = min(max(0, offset), max(0, count))
        return (offset, max(0, count - offset - max(0, shown)))
    }

    /// Sets the marks of a list of `count` lines showing `shown` from `offset` into the frame drawn on `frame`: the
    /// one above at the right end of its top border, the one below at the right end of its bottom border. `hint`
    /// follows each, e.g. ("PgUp", "PgDn").
    public static func draw(
        onFrame frame: Rect, count: Int, offset: Int, shown: Int, hint: (up: String, down: String)? = nil,
        style: Style = Style(attributes: .bold), on screen: inout Screen
    ) {
        guard frame.rows >= 2, frame.columns >= 6 else { return }
        let hidden = hiddenCounts(count: count, offset: offset, shown: shown)
        let marks = [
            (above(hidden.above), frame.row, hint?.up), (below(hidden.below), frame.bottom - 1, hint?.down),
        ]
        for case let (mark?, row, hint) in marks {
            let text = DisplayWidth.truncate(
                " " + mark + (hint.map { ": " + $0 } ?? "") + " ", toWidth: frame.columns - 2)
            screen.write(
                text, row: row, column: max(frame.column + 1, frame.right - 1 - DisplayWidth.of(text)), style: style,
                maxWidth: frame.columns - 2)
        }
    }
}
