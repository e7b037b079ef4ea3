import TerminalUI
import ThematicCore

/// Draws the coding screen for a state: a pure function, so tests read the frame back as text.
public enum CodingScreenView {
    static let title = Style(attributes: .bold)
    static let dim = Style(attributes: .dim)

    public static func render(_ state: CodingScreenState) -> Screen {
        var screen = Screen(size: state.size)
        let layout = state.layout
        if !layout.isCompact {
            drawList(state, in: layout.list, on: &screen)
            drawTree(state, in: layout.tree, on: &screen)
            drawDefinition(state, in: layout.definition, on: &screen)
        }
        ExcerptTextView.draw(state, in: layout.text, on: &screen)
        drawStatus(state, in: layout.status, on: &screen)
        if let overlay = state.overlay {
            if case .heatMap(let matrix) = overlay.kind {
                HeatMapView.draw(overlay, matrix: matrix, on: &screen)
            } else {
                Dialog(title: overlay.title, lines: overlay.shownLines).draw(on: &screen)
            }
        }
        if let prompt = state.prompt, prompt.isMemo {
            let title = prompt == .excerptMemo ? "Memo on \(state.currentEntry?.id ?? "the excerpt")" : prompt.title
            LongFieldEditor.draw(state.field, title: title, on: &screen)
        }
        HelpOverlay.draw(state.help, of: CodingKeymap.table, on: &screen)
        return screen
    }

    static func frameStyle(_ focused: Bool) -> Style { focused ? Style(attributes: .bold) : .plain }

    // MARK: Excerpt list

    static func listRow(_ state: CodingScreenState, _ entry: ExcerptEntry) -> String {
        let decision = state.decisions[entry.id]
        let mark = decision == nil ? " " : decision!.finished ? "✓" : "·"
        let codes = decision.map { $0.codes.isEmpty ? ($0.finished ? " 0" : "") : " \($0.codes.count)" } ?? ""
        return "\(mark) \(entry.reviewID) \(entry.position)/\(entry.reviewLength) \(entry.section)\(codes)"
    }

    static func drawList(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        let label =
            state.filter.label.map { "Excerpts: \($0) (\(state.visible.count))" } ?? "Excerpts (\(state.visible.count))"
        let body = Box(title: label, style: frameStyle(state.focus == .list)).draw(in: rect, on: &screen)
        let list = ScrollingList(count: state.visible.count, selected: state.listSelection, offset: state.listOffset)
        _ = list.draw(in: body, on: &screen) { row in
            let entry = state.entries[state.visible[row]]
            let text = listRow(state, entry)
            guard let count = text.split(separator: " ").last, Int(count) != nil, state.decisions[entry.id] != nil
            else { return text }
            // Keep the number of codes visible at the right edge, cutting the section instead.
            let head = String(text.dropLast(count.count + 1))
            return DisplayWidth.truncate(head, toWidth: max(0, body.columns - count.count - 1)) + " " + count
        }
    }

    // MARK: Codebook tree

    static func treeRow(_ state: CodingScreenState, _ row: CodeTree.Row, applied: Set<String>) -> String {
        let entry = row.item
        let indent = String(repeating: " ", count: row.depth * 2)
        let fold = row.hasChildren ? (row.isExpanded ? "▾ " : "▸ ") : ""
        let box = entry.code.codable ? (applied.contains(entry.code.id) ? "[x] " : "[ ] ") : ""
        let key = entry.hotkey.map { "\($0.notation) " } ?? entry.number.map { "\($0) " } ?? ""
        return indent + fold + box + key + entry.code.id + " " + entry.code.name
    }

    static func drawTree(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        let rows = state.treeRows
        let title = state.codeFilter.isEmpty ? "Codes" : "Codes matching \"\(state.codeFilter)\""
        let body = Box(title: title, style: frameStyle(state.focus == .codes)).draw(in: rect, on: &screen)
        guard !body.isEmpty else { return }
        let applied = Set(state.currentDecision?.codes.keys.map { $0 } ?? [])
        let selected = state.codeCursor.selection
        let list = ScrollingList(count: rows.count, selected: selected, offset: state.treeOffset).scrolled(
            toShowSelectionIn: body.rows)
        for line in 0..<body.rows {
            let index = list.offset + line
            guard index < rows.count else { break }
            let row = rows[index]
            let count = row.item.code.codable ? " \(state.usage[row.id] ?? 0)" : ""
            let countWidth = DisplayWidth.of(count)
            let isApplied = applied.contains(row.id)
            var style = Style(foreground: row.item.colour ?? .default)
            if isApplied { style = style.adding(.bold) }
            if !row.item.code.codable { style = style.adding(.underline) }
            if index == selected { style = style.adding(.reverse) }
            let y = body.row + line
            screen.fill(
                Rect(row: y, column: body.column, rows: 1, columns: body.columns),
                style: index == selected ? style : .plain)
            let text = DisplayWidth.truncate(
                treeRow(state, row, applied: applied), toWidth: max(0, body.columns - countWidth))
            _ = screen.write(text, row: y, column: body.column, style: style, maxWidth: body.columns)
            _ = screen.write(
                count, row: y, column: body.right - countWidth, style: index == selected ? style : dim,
                maxWidth: countWidth)
        }
    }

    // MARK: Definition panel

    static func definitionLines(_ code: Code) -> [(String, Style)] {
        var lines: [(String, Style)] = [("\(code.id) \(code.name)", title)]
        let fields: [(String, String?)] = [
            ("Brief", code.brief), ("Definition", code.full), ("Use when", code.whenToUse),
            ("Do not use when", code.whenNotToUse), ("Example", code.example),
        ]
        for (label, value) in fields {
            if let value, !value.isEmpty { lines.append(("\(label): \(value)", .plain)) }
        }
        return lines
    }

    static func drawDefinition(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        let body = Box(title: "Definition").draw(in: rect, on: &screen)
        guard !body.isEmpty, let id = state.treeCursor, let code = state.tree.entry(id)?.code else { return }
        var row = body.row
        for (text, style) in definitionLines(code) {
            for line in TextWrap.wrap(text, width: body.columns) where row < body.bottom {
                screen.write(line, row: row, column: body.column, maxWidth: body.columns) { _ in style }
                row += 1
            }
        }
    }

    // MARK: Status line

    /// The left of the status line: what the last key did (or why a write failed), then where the coder is.
    public static func statusText(_ state: CodingScreenState) -> String {
        let position =
            (state.listSelection.map { $0 + 1 }).map { "\($0) of \(state.visible.count)" }
            ?? "\(state.current + 1) (not listed)"
        var parts = [
            state.coder, "excerpt \(position)", "\(state.finishedCount)/\(state.entries.count) finished",
            "codebook r\(state.codebook.revision)", state.studyTitle,
        ]
        if let message = state.message { parts.insert(message, at: 0) }
        if let error = state.saveError { parts.insert("the last action was not saved: \(error)", at: 0) }
        return parts.joined(separator: " · ")
    }

    /// The right of the status line, never cut: the save state, a code number being typed, the help key.
    public static func statusRight(_ state: CodingScreenState) -> String {
        let save = state.saveError == nil ? "saved" : "NOT SAVED"
        return (state.typedNumber.isEmpty ? "" : "#\(state.typedNumber) · ") + save + " · ? keys"
    }

    static func drawStatus(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        if let prompt = state.prompt, prompt.isMemo {
            let style = Style(attributes: state.memoQuestion == nil ? .reverse : [.reverse, .bold])
            StatusBar(left: state.memoStatus, right: "", style: style).draw(in: rect, on: &screen)
            return
        }
        if let prompt = state.prompt {
            let label = "\(prompt.title): "
            let used = screen.write(label, row: rect.row, column: rect.column, style: title, maxWidth: rect.columns)
            let field = Rect(row: rect.row, column: rect.column + used, rows: 1, columns: max(0, rect.columns - used))
            screen.cursor = state.field.draw(in: field, on: &screen)
            return
        }
        let style =
            state.saveError == nil
            ? Style(attributes: .reverse) : Style(foreground: .basic(.red), attributes: [.reverse, .bold])
        StatusBar(left: statusText(state), right: statusRight(state), style: style).draw(in: rect, on: &screen)
    }
}
