import TerminalUI
import ThematicCore

/// The coder's own memos (never another coder's: blind coding) as a list over the coding screen, one per line with
/// the excerpt, the code for a coding memo, the excerpt's first words and the memo; Enter jumps to the excerpt.
enum MemosView {
    static func overlay(in state: CodingScreenState) -> Overlay? {
        let own = Coding(coder: state.coder, excerpts: state.decisions)
        let memos = MemoIndex(corpus: state.corpus, codings: [own]).memos
        guard !memos.isEmpty else { return nil }
        return Overlay(
            kind: .memos, title: "Your \(memos.count) memo\(memos.count == 1 ? "" : "s") (Enter shows, Esc closes)",
            lines: memos.map(line), targets: memos.map(\.excerptID))
    }

    /// `R1-2 [C1] The school saw bruises. Nobody made… | memo: ask about the GP`
    static func line(_ memo: Memo) -> String {
        let code = memo.codeID.map { " [\($0)]" } ?? ""
        let text = memo.text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\(memo.excerptID)\(code) \(memo.firstWords) | memo: \(text)"
    }
}
