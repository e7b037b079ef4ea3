import TerminalUI
import ThematicCore

/// The codebook's history in words: revision, when, who, what, and why.
enum CodebookHistoryView {
    static func paragraph(_ change: CodebookChange) -> CodebookDetailView.Paragraph {
        CodebookDetailView.Paragraph(
            label: "r\(change.revision) \(change.at) \(change.by): ",
            text: change.summary + (change.note.map { " (why: \($0))" } ?? ""))
    }

    /// Rows the history overlay shows on a screen of `size` (its frame takes one above and one below).
    static func visibleRows(_ size: Size) -> Int { max(1, size.rows - 2) }

    /// Every change, newest first, wrapped to the overlay's width; a change's later lines are indented.
    static func lines(_ state: CodebookScreenState) -> [String] {
        let width = max(8, state.size.columns - 6)
        return state.codebook.history.reversed().flatMap { change -> [String] in
            let paragraph = paragraph(change)
            return TextWrap.wrap(paragraph.label + paragraph.text, width: width - 4).enumerated().map { index, line in
                (index == 0 ? "" : "    ") + line.text
            }
        }
    }
}
