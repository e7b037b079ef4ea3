import TerminalUI
import ThematicCore

/// Draws the codebook screen for a state: a pure function, so tests read the frame back as text.
public enum CodebookScreenView {
    static let bold = Style(attributes: .bold)
    static let dim = Style(attributes: .dim)
    static let warning = Style(foreground: .basic(.red), attributes: .bold)

    public static func render(_ state: CodebookScreenState) -> Screen {
        var screen = Screen(size: state.size)
        let layout = state.layout
        switch state.mode {
        case .splitting(let walk), .typing(.note(.split(let walk))):
            SplitWalkView.draw(walk, in: state, rect: layout.main, on: &screen)
        default:
            drawTree(state, in: layout.tree, on: &screen)
            CodebookDetailView.draw(state, in: layout.detail, on: &screen)
        }
        drawMessage(state, in: layout.message, on: &screen)
        drawStatus(state, in: layout.status, on: &screen)
        switch state.mode {
        case .choosingField(let id):
            if let code = state.codebook.code(id) {
                Dialog(title: "Edit which field of \(id)? (1-8, Esc cancels)", lines: fieldMenu(code)).draw(on: &screen)
            }
        case .typing(let prompt) where prompt.isLong:
            LongFieldEditor.draw(state.field, title: prompt.title + " (Enter keeps it, Esc cancels)", on: &screen)
        case .history(let offset):
            let lines = CodebookHistoryView.lines(state)
            Dialog(
                title:
                    "History: \(state.codebook.history.count) change\(state.codebook.history.count == 1 ? "" : "s"), newest first (j/k scroll, Esc closes)",
                lines: Array(lines.dropFirst(offset))
            ).draw(on: &screen)
        default:
            break
        }
        HelpOverlay.draw(state.help, of: CodebookKeymap.table, on: &screen)
        return screen
    }

    // MARK: The tree

    /// Right of a row: how often the code was applied in all, or "unused" for an offered code nobody applied.
    static func usageText(_ code: Code, in state: CodebookScreenState) -> (String, Style) {
        guard code.codable else { return ("", .plain) }
        let total = state.usage.total(code.id)
        if total == 0 && code.status == .active { return (" unused", warning) }
        return (" \(total)", dim)
    }

    /// `#rrggbb` of the code, or of its nearest ancestor that has one.
    static func colour(of id: String, in state: CodebookScreenState) -> Color? {
        var current: String? = id
        while let code = current.flatMap({ state.codes[$0] }) {
            if let hex = code.colour { return CodeTree.colour(hex: hex) }
            current = code.parent
        }
        return nil
    }

    /// A code's row text; a code no longer offered says so before its name, so a narrow tree still shows it.
    static func rowTitle(_ code: Code) -> String {
        let status = code.status == .active ? "" : "(\(code.status.description)) "
        return "\(code.id) \(status)\(code.name)"
    }

    static func drawTree(_ state: CodebookScreenState, in rect: Rect, on screen: inout Screen) {
        let title = "Revision \(state.codebook.revision) · \(state.codebook.title)"
        let body = Box(title: title, style: bold).draw(in: rect, on: &screen)
        guard !body.isEmpty else { return }
        let rows = state.rows
        let selected = rows.firstIndex { $0.id == state.cursor }
        let list = ScrollingList(count: rows.count, selected: selected, offset: state.treeOffset).scrolled(
            toShowSelectionIn: body.rows)
        var picked: String?
        if case .picking(let pick) = state.mode { picked = pick.code }
        for line in 0..<body.rows {
            let index = list.offset + line
            guard index < rows.count else { break }
            let row = rows[index]
            guard let code = state.codes[row.id] else { continue }
            var style = Style(foreground: colour(of: row.id, in: state) ?? .default)
            if !code.codable { style = style.adding(.bold) }
            if code.status != .active { style = Style(attributes: .dim) }
            if row.id == picked { style = style.adding(.underline) }
            if index == selected { style = style.adding(.reverse) }
            let (count, countStyle) = usageText(code, in: state)
            let countWidth = min(DisplayWidth.of(count), body.columns)
            let y = body.row + line
            screen.fill(
                Rect(row: y, column: body.column, rows: 1, columns: body.columns),
                style: index == selected ? style : .plain)
            let text = DisplayWidth.truncate(row.label(rowTitle(code)), toWidth: max(0, body.columns - countWidth))
            screen.write(text, row: y, column: body.column, style: style, maxWidth: body.columns)
            screen.write(
                count, row: y, column: body.right - countWidth, style: index == selected ? style : countStyle,
                maxWidth: countWidth)
        }
    }

    // MARK: Field menu

    static func fieldMenu(_ code: Code) -> [String] {
        CodeField.allCases.enumerated().map { index, field in
            let value =
                field.value(of: code).map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") } ?? "(none)"
            return "\(index + 1) \(field.label.padded(to: 16)) " + DisplayWidth.truncate(value, toWidth: 60)
        }
    }

    // MARK: Message and status line

    /// The last message wrapped to the screen's width (the layout gives it at most a third of the rows).
    static func messageLines(_ state: CodebookScreenState) -> [WrappedLine] {
        guard let message = state.message, !message.isEmpty, state.size.columns > 0 else { return [] }
        return TextWrap.wrap(message, width: state.size.columns)
    }

    static func drawMessage(_ state: CodebookScreenState, in rect: Rect, on screen: inout Screen) {
        for (index, line) in messageLines(state).prefix(rect.rows).enumerated() {
            screen.write(line, row: rect.row + index, column: rect.column, maxWidth: rect.columns) { _ in bold }
        }
    }

    /// The left of the status line: what the keys do now, or who is editing which revision of which study.
    public static func statusText(_ state: CodebookScreenState) -> String {
        switch state.mode {
        case .picking(let pick): return pick.instructions
        case .choosingField(let id): return "Edit which field of \(id)? 1-8 choose, Esc cancels"
        case .splitting(let walk):
            return
                "Split \(walk.code): 1-\(walk.parts.count) give or take a part · n/p move · ] next without a part · Enter applies · Esc abandons"
        case .typing(let prompt) where prompt.isLong:
            return "Enter keeps the text (then asks why), Esc cancels, Up/Down move a line"
        case .history: return "History: j/k scroll, Esc closes"
        default:
            return "\(state.editor) · codebook revision \(state.codebook.revision) · \(state.study.manifest.title)"
        }
    }

    static func drawStatus(_ state: CodebookScreenState, in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        if case .typing(let prompt) = state.mode, !prompt.isLong {
            let label = DisplayWidth.truncate(prompt.title, toWidth: max(0, rect.columns / 2))
            let used = screen.write(label, row: rect.row, column: rect.column, style: bold, maxWidth: rect.columns)
            let field = Rect(row: rect.row, column: rect.column + used, rows: 1, columns: max(0, rect.columns - used))
            screen.cursor = state.field.draw(in: field, on: &screen)
            return
        }
        StatusBar(left: statusText(state), right: "? keys").draw(in: rect, on: &screen)
    }
}
