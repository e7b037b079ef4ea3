import TerminalUI

/// The frame a code's excerpt lists share (its disagreements, its differing spans): a title line, the excerpts in a
/// box, the selected excerpt's lines in a box under it, and the status line, laid out by `DisagreementLayout`.
struct ExcerptListFrame {
    var title: String
    var listTitle: String
    var count: Int
    var selected: Int
    var offset: Int
    /// The selected excerpt's box title and its lines for a width; nil when nothing is selected.
    var selection: (place: String, lines: (Int) -> [String])?
    var textScroll: Int
    var status: StatusBar

    func draw(on screen: inout Screen, size: Size, row: (Int) -> String) {
        let layout = DisagreementLayout(size: size)
        screen.write(
            DisplayWidth.truncate(title, toWidth: layout.title.columns), row: layout.title.row, column: 0,
            style: AgreementScreenView.bold, maxWidth: layout.title.columns)
        let body = Box(title: listTitle, style: AgreementScreenView.bold).draw(in: layout.list, on: &screen)
        let drawn = ScrollingList(count: count, selected: selected, offset: offset).draw(
            in: body, on: &screen, row: row)
        if body != layout.list {
            ScrollMark.draw(onFrame: layout.list, count: count, offset: drawn.offset, shown: body.rows, on: &screen)
        }
        if let selection, !layout.text.isEmpty {
            let textBody = Box(title: selection.place).draw(in: layout.text, on: &screen)
            let lines = selection.lines(textBody.columns)
            for (index, line) in lines.dropFirst(textScroll).prefix(textBody.rows).enumerated() {
                screen.write(line, row: textBody.row + index, column: textBody.column, maxWidth: textBody.columns)
            }
            if textBody != layout.text {
                ScrollMark.draw(
                    onFrame: layout.text, count: lines.count, offset: textScroll, shown: textBody.rows, on: &screen)
            }
        }
        status.draw(in: layout.status, on: &screen)
    }

    /// "excerpt 3 of 12", or "no excerpt".
    static func position(_ selected: Int, of count: Int) -> String {
        count == 0 ? "no excerpt" : "excerpt \(selected + 1) of \(count)"
    }
}
