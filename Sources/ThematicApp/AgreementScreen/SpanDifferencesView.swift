import ThematicCore
import TerminalUI

/// Draws the excerpts where one code's spans differ, in the look of a code's disagreements: a title, the list of
/// excerpts (most characters marked by only one coder first) in a frame, and under it each coder's spans of the
/// selected excerpt.
enum SpanDifferencesView {
    static func render(_ state: AgreementScreenState, _ list: SpanDifferenceList, code: String, on screen: inout Screen) {
        let layout = DisagreementLayout(size: state.size)
        let name = state.study.codebook.code(code)?.name ?? ""
        let title = "\(list.entries.count) excerpt\(list.entries.count == 1 ? "" : "s") where "
            + "\(state.table.coders.joined(separator: ", ")) marked \(code) \(name) on different characters"
        screen.write(DisplayWidth.truncate(title, toWidth: layout.title.columns), row: layout.title.row, column: 0,
                     style: AgreementScreenView.bold, maxWidth: layout.title.columns)
        let body = Box(title: "Differing spans of \(code) (\(list.entries.count))", style: AgreementScreenView.bold)
            .draw(in: layout.list, on: &screen)
        ScrollingList(count: list.entries.count, selected: list.selected, offset: list.offset)
            .draw(in: body, on: &screen) { listRow(state, list.entries[$0]) }
        if let entry = list.selectedEntry, !layout.text.isEmpty {
            let textBody = Box(title: DisagreementsView.place(state, entry.excerptID)).draw(in: layout.text, on: &screen)
            for (index, line) in spanLines(state, list, width: textBody.columns).dropFirst(list.textScroll).prefix(textBody.rows).enumerated() {
                screen.write(line, row: textBody.row + index, column: textBody.column, maxWidth: textBody.columns)
            }
        }
        let position = list.entries.isEmpty ? "no excerpt" : "excerpt \(list.selected + 1) of \(list.entries.count)"
        StatusBar(left: state.message ?? "\(code) · \(position)", right: "Enter opens · Esc back · ? keys")
            .draw(in: layout.status, on: &screen)
    }

    /// `R1-2  Findings  · 23 characters marked by one coder only`.
    static func listRow(_ state: AgreementScreenState, _ entry: SpanDifference) -> String {
        let section = state.study.corpus.excerpt(entry.excerptID)?.sectionAndPage() ?? ""
        let characters = entry.charactersOnlyOneMarked
        return "\(entry.excerptID)  \(section)  · \(characters) character\(characters == 1 ? "" : "s") marked by one coder only"
    }

    /// The selected excerpt's frame: each coder's marked words, wrapped to `width`; a span longer than about two
    /// lines is elided in the middle.
    static func spanLines(_ state: AgreementScreenState, _ list: SpanDifferenceList, width: Int) -> [String] {
        guard let entry = list.selectedEntry, width > 0 else { return [] }
        let text = state.study.corpus.excerpt(entry.excerptID)?.text ?? ""
        let coders = state.spans?.agreement.coders ?? state.table.coders
        return zip(coders, entry.spans).flatMap { coder, spans in
            let marked = spans.isEmpty ? "marked nothing" : spans.map { elidedQuote($0, of: text, limit: max(20, 2 * width - 10)) }.joined(separator: " ")
            return TextWrap.wrap("\(coder): \(marked)", width: width).map(\.text)
        }
    }
}
