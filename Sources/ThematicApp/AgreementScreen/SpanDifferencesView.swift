import TerminalUI
import ThematicCore

/// Draws the excerpts where one code's spans differ, in the look of a code's disagreements: a title, the list of
/// excerpts (most characters marked by only one coder first) in a frame, and under it each coder's spans of the
/// selected excerpt.
enum SpanDifferencesView {
    static func render(_ state: AgreementScreenState, _ list: SpanDifferenceList, code: String, on screen: inout Screen)
    {
        let name = state.study.codebook.code(code)?.name ?? ""
        let frame = ExcerptListFrame(
            title: "\(list.entries.count) excerpt\(list.entries.count == 1 ? "" : "s") where "
                + "\(state.table.coders.joined(separator: ", ")) marked \(code) \(name) on different characters",
            listTitle: "Differing spans of \(code) (\(list.entries.count))",
            count: list.entries.count, selected: list.selected, offset: list.offset,
            selection: list.selectedEntry.map { entry in
                (DisagreementsView.place(state, entry.excerptID), { spanLines(state, list, width: $0) })
            },
            textScroll: list.textScroll,
            status: StatusBar(
                left: state.message ?? "\(code) · \(ExcerptListFrame.position(list.selected, of: list.entries.count))",
                right: "Enter opens · Esc back · ? keys"))
        frame.draw(on: &screen, size: state.size) { listRow(state, list.entries[$0]) }
    }

    /// `R1-2  Findings  · 23 characters marked by one coder only`.
    static func listRow(_ state: AgreementScreenState, _ entry: SpanDifference) -> String {
        let section = state.study.corpus.excerpt(entry.excerptID)?.sectionAndPage() ?? ""
        let characters = entry.charactersOnlyOneMarked
        return
            "\(entry.excerptID)  \(section)  · \(characters) character\(characters == 1 ? "" : "s") marked by one coder only"
    }

    /// The selected excerpt's frame: each coder's marked words, wrapped to `width`; a span longer than about two
    /// lines is elided in the middle.
    static func spanLines(_ state: AgreementScreenState, _ list: SpanDifferenceList, width: Int) -> [String] {
        guard let entry = list.selectedEntry, width > 0 else { return [] }
        let text = state.study.corpus.excerpt(entry.excerptID)?.text ?? ""
        let coders = state.spans?.agreement.coders ?? state.table.coders
        return zip(coders, entry.spans).flatMap { coder, spans in
            let marked =
                spans.isEmpty
                ? "marked nothing"
                : spans.map { elidedQuote($0, of: text, limit: max(20, 2 * width - 10)) }.joined(separator: " ")
            return TextWrap.wrap("\(coder): \(marked)", width: width).map(\.text)
        }
    }
}
