import TerminalUI

/// Where the help overlay's parts go on a screen of a size: a box as tall as the screen and at most 100 columns
/// wide, the contents (one numbered entry per section) at its top, the keys' words wrapped to its width below, and
/// a line saying which keys do what at its foot.
struct HelpLayout {
    static let maximumColumns = 100

    let frame: Rect
    /// The contents, flowed over as many lines as the width needs: each entry's line, column and text.
    let contents: [(row: Int, column: Int, text: String)]
    let contentsRows: Int
    let body: Rect
    let footer: Rect
    let document: HelpDocument

    init<Context, Action>(_ table: KeyTable<Context, Action>, size: Size) {
        frame = Rect(size: size).centred(Size(rows: size.rows, columns: min(size.columns, Self.maximumColumns)))
        let inside = frame.inset(by: 1).inset(left: 1, right: 1)
        document = HelpDocument(table, width: inside.columns)
        var entries: [(row: Int, column: Int, text: String)] = []
        var row = 0, column = 0
        for (index, section) in document.sections.enumerated() {
            let text = DisplayWidth.truncate("\(index + 1) \(section.title)", toWidth: max(0, inside.columns))
            let width = DisplayWidth.of(text)
            if column > 0 && column + 2 + width > inside.columns {
                row += 1
                column = 0
            }
            if column > 0 { column += 2 }
            entries.append((row, column, text))
            column += width
        }
        contents = entries
        contentsRows = min(entries.isEmpty ? 0 : row + 1, max(0, inside.rows - 2))
        let parts = inside.splitRows([.fixed(contentsRows), .fixed(contentsRows > 0 ? 1 : 0), .rest(), .fixed(1)])
        body = parts[2]
        footer = parts[3]
    }
}

/// Draws a screen's keys over it, from the help's first shown line; nothing while the help is hidden.
enum HelpOverlay {
    static let title = "Keys: q or Esc closes"

    static func draw<Context, Action>(_ help: HelpScroll, of table: KeyTable<Context, Action>, on screen: inout Screen)
    {
        guard let offset = help.offset else { return }
        let layout = HelpLayout(table, size: screen.size)
        screen.fill(layout.frame)
        _ = Box(title: title).draw(in: layout.frame, on: &screen)
        let inside = layout.frame.inset(by: 1).inset(left: 1, right: 1)
        let current = layout.document.section(containing: offset)
        for (index, entry) in layout.contents.enumerated() where entry.row < layout.contentsRows {
            let style = index == current ? Style(attributes: [.reverse, .bold]) : .plain
            _ = screen.write(
                entry.text, row: inside.row + entry.row, column: inside.column + entry.column, style: style,
                maxWidth: inside.columns - entry.column)
        }
        if layout.contentsRows > 0 {
            let rule = String(repeating: "─", count: max(0, inside.columns))
            _ = screen.write(rule, row: inside.row + layout.contentsRows, column: inside.column, style: .plain)
        }
        let body = layout.body
        for (index, line) in layout.document.lines.dropFirst(offset).prefix(body.rows).enumerated() {
            var style = line.isHeading ? Style(attributes: .bold) : Style.plain
            if HelpDocument.contains(line.entry, help.search) {
                style = style.adding(.reverse)
            }
            _ = screen.write(
                line.text, row: body.row + index, column: body.column, style: style, maxWidth: body.columns)
        }
        drawFooter(help, sections: layout.document.sections.count, in: layout.footer, on: &screen)
    }

    /// The foot of the help: the search being typed, what the last key could not do, or which keys do what.
    static func footer(_ help: HelpScroll, sections: Int) -> String {
        if let query = help.query { return "Search the keys' words: \(query)" }
        if let notice = help.notice { return notice }
        let jump = sections > 1 ? " · 1-\(min(sections, 9)) section" : ""
        let again = help.search.isEmpty ? "" : " · n/N again"
        return "j/k PgDn/PgUp scroll\(jump) · / search\(again) · q Esc close"
    }

    private static func drawFooter(_ help: HelpScroll, sections: Int, in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        let text = footer(help, sections: sections)
        let used = screen.write(
            DisplayWidth.truncate(text, toWidth: rect.columns), row: rect.row, column: rect.column,
            style: Style(attributes: .dim), maxWidth: rect.columns)
        if help.query != nil {
            screen.cursor = Position(row: rect.row, column: min(rect.column + used, rect.right - 1))
        }
    }
}
