import TerminalUI
import ThematicCore

/// Where a code's disagreements go: a title line, the list of excerpts in a frame, the selected excerpt's text in a
/// frame under it, and the status line. Under 10 rows the text goes and the list takes the room; at 0×0 nothing.
struct DisagreementLayout: Equatable {
    var title: Rect
    var list: Rect
    var text: Rect
    var status: Rect

    init(size: Size) {
        let whole = Rect(size: size)
        let bands = whole.splitRows([.fixed(size.rows >= 4 ? 1 : 0), .rest(), .fixed(1)])
        title = bands[0]
        status = bands[2]
        if size.rows >= 10 {
            let parts = bands[1].splitRows([.percent(40, minimum: 4), .rest()])
            list = parts[0]
            text = parts[1]
        } else {
            list = bands[1]
            text = Rect(row: 0, column: 0, rows: 0, columns: 0)
        }
    }

    var listBody: Rect { list.rows >= 3 && list.columns >= 3 ? list.inset(by: 1) : list }
    var textBody: Rect { text.rows >= 3 && text.columns >= 3 ? text.inset(by: 1) : text }
}

/// Draws a code's disagreements: which excerpts, who applied the code and who did not, and the selected excerpt's
/// text wrapped to the frame.
enum DisagreementsView {
    static func render(_ state: AgreementScreenState, _ list: DisagreementList, on screen: inout Screen) {
        let row = state.table.rows[list.row]
        let frame = ExcerptListFrame(
            title: "\(list.entries.count) excerpt\(list.entries.count == 1 ? "" : "s") where "
                + "\(state.table.coders.joined(separator: ", ")) disagree on \(row.code) \(row.name)",
            listTitle: "Disagreements on \(row.code) (\(list.entries.count))",
            count: list.entries.count, selected: list.selected, offset: list.offset,
            selection: state.selectedDisagreement.map { entry in
                (place(state, entry.excerptID), { textLines(state, width: $0) })
            },
            textScroll: list.textScroll,
            status: StatusBar(
                left: state.message
                    ?? "\(row.code) · \(ExcerptListFrame.position(list.selected, of: list.entries.count))",
                right: "Enter opens · Esc back · ? keys"))
        frame.draw(on: &screen, size: state.size) { listRow(state, list.entries[$0]) }
    }

    /// A line of the list: the excerpt, its section, who applied the code and who finished without it.
    static func listRow(_ state: AgreementScreenState, _ entry: AgreementTable.Disagreement) -> String {
        let section = state.study.corpus.excerpt(entry.excerptID)?.sectionAndPage() ?? ""
        return "\(entry.excerptID)  \(section)  " + stances(entry)
    }

    /// "applied by asha · not by ben" (and who has not finished it, when anybody).
    static func stances(_ entry: AgreementTable.Disagreement) -> String {
        var parts = [
            "applied by \(entry.applied.joined(separator: ", "))", "not by \(entry.without.joined(separator: ", "))",
        ]
        if !entry.notFinished.isEmpty { parts.append("not finished by \(entry.notFinished.joined(separator: ", "))") }
        return parts.joined(separator: " · ")
    }

    /// "R01-003 · Review title · Section".
    static func place(_ state: AgreementScreenState, _ excerptID: String) -> String {
        let review = state.study.corpus.review(containing: excerptID)
        let section = state.study.corpus.excerpt(excerptID)?.sectionAndPage() ?? ""
        return [excerptID, review?.title ?? "", section].filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// The selected excerpt's frame: who stands where, then the text wrapped to `width`.
    static func textLines(_ state: AgreementScreenState, width: Int) -> [String] {
        guard let entry = state.selectedDisagreement, width > 0 else { return [] }
        let text = state.study.corpus.excerpt(entry.excerptID)?.text ?? ""
        return TextWrap.wrap(stances(entry), width: width).map(\.text) + [""]
            + TextWrap.wrap(text, width: width).map(\.text)
    }
}
