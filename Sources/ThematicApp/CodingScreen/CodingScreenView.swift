import TerminalUI
import ThematicCore

/// Draws the coding screen for a state: a pure function, so tests read the frame back as text.
public enum CodingScreenView {
    static let title = Style(attributes: .bold)
    static let dim = Style(attributes: .dim)

    public static func render(_ state: CodingScreenState) -> Screen {
        var screen = Screen(size: state.size)
        let layout = state.layout
        if layout.listSharesCodesColumn && state.focus == .list {
            drawList(state, in: layout.list, on: &screen)
        } else if !layout.isCompact {
            if !layout.listSharesCodesColumn { drawList(state, in: layout.list, on: &screen) }
            drawTree(state, in: layout.tree, on: &screen)
            drawDefinition(state, in: layout.definition, on: &screen)
        }
        ExcerptTextView.draw(state, in: layout.text, on: &screen)
        drawRecent(state, in: layout.recent, on: &screen)
        drawBanner(state, in: layout.banner, on: &screen)
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
        let codes = listCodes(state, entry)
        return listHead(state, entry) + (codes.isEmpty ? "" : " " + codes)
    }

    static func listHead(_ state: CodingScreenState, _ entry: ExcerptEntry) -> String {
        let decision = state.decisions[entry.id]
        let mark = decision == nil ? " " : decision!.finished ? "✓" : "·"
        return "\(mark) \(entry.reviewID) \(entry.position)/\(entry.reviewLength) \(entry.section)"
    }

    /// What a list row says of the excerpt's codes: how many, or with `C` their ids in codebook order; a finished
    /// excerpt with none says so, one not coded yet nothing.
    static func listCodes(_ state: CodingScreenState, _ entry: ExcerptEntry) -> String {
        guard let decision = state.decisions[entry.id] else { return "" }
        guard !decision.codes.isEmpty else { return decision.finished ? (state.listShowsCodeIDs ? "none" : "0") : "" }
        guard state.listShowsCodeIDs else { return "\(decision.codes.count)" }
        return decision.codes.keys.sorted {
            (state.tree.node($0)?.index ?? .max, $0) < (state.tree.node($1)?.index ?? .max, $1)
        }
        .joined(separator: " ")
    }

    static func drawList(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        let label =
            state.filter.label.map { "Excerpts: \($0) (\(state.visible.count))" } ?? "Excerpts (\(state.visible.count))"
        let body = Box(title: label, style: frameStyle(state.focus == .list)).draw(in: rect, on: &screen)
        let list = ScrollingList(count: state.visible.count, selected: state.listSelection, offset: state.listOffset)
        _ = list.draw(in: body, on: &screen) { row in
            let entry = state.entries[state.visible[row]]
            let codes = listCodes(state, entry)
            guard !codes.isEmpty else { return listHead(state, entry) }
            // Keep the codes visible at the right edge, cutting the section instead (and the codes, past half the row).
            let shown = DisplayWidth.truncate(codes, toWidth: max(1, body.columns / 2))
            let head = listHead(state, entry)
            return DisplayWidth.truncate(head, toWidth: max(0, body.columns - DisplayWidth.of(shown) - 1)) + " " + shown
        }
    }

    // MARK: Codebook tree

    static func treeRow(_ state: CodingScreenState, _ row: CodeTree.Row, applied: Set<String>) -> String {
        let entry = row.item
        let indent = String(repeating: " ", count: state.indent(of: row) * 2)
        let fold = row.hasChildren ? (row.isExpanded ? "▾ " : "▸ ") : ""
        let box = entry.code.codable ? (applied.contains(entry.code.id) ? "[x] " : "[ ] ") : ""
        let key = entry.hotkey.map { "\($0.notation) " } ?? entry.number.map { "\($0) " } ?? ""
        return indent + fold + box + key + entry.code.id + " " + entry.code.name
    }

    /// The lines of the row under the tree cursor: the whole name, wrapped under the code's id, leaving room for
    /// the usage count at the right of the first line. One line when the tree is hidden.
    static func cursorRowLines(_ state: CodingScreenState) -> [String] {
        let body = state.layout.treeBody
        let rows = state.treeRows
        guard !body.isEmpty, let selected = state.codeCursor.selection, rows.indices.contains(selected) else {
            return [""]
        }
        return rowLines(state, rows[selected], applied: appliedCodes(state), width: body.columns, wrapped: true)
    }

    static func appliedCodes(_ state: CodingScreenState) -> Set<String> {
        Set(state.currentDecision?.codes.keys.map { $0 } ?? [])
    }

    private static func usageCount(_ state: CodingScreenState, _ row: CodeTree.Row) -> String {
        row.item.code.codable ? " \(state.usage[row.id] ?? 0)" : ""
    }

    private static func rowLines(
        _ state: CodingScreenState, _ row: CodeTree.Row, applied: Set<String>, width: Int, wrapped: Bool
    ) -> [String] {
        let text = treeRow(state, row, applied: applied)
        let room = max(1, width - DisplayWidth.of(usageCount(state, row)))
        guard wrapped else { return [DisplayWidth.truncate(text, toWidth: room)] }
        let name = DisplayWidth.of(text) - DisplayWidth.of(row.item.code.name)
        let lines = text.wrapped(toWidth: room, hangingIndent: name)
        return lines.map { DisplayWidth.truncate($0, toWidth: room) }
    }

    static func drawTree(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        let rows = state.treeRows
        let title = state.codeFilter.isEmpty ? "Codes" : "Codes matching \"\(state.codeFilter)\""
        let body = Box(title: title, style: frameStyle(state.focus == .codes)).draw(in: rect, on: &screen)
        guard !body.isEmpty else { return }
        let applied = appliedCodes(state)
        let selected = state.codeCursor.selection
        let cursorLines = cursorRowLines(state).count
        let list = ScrollingList(count: rows.count, selected: selected, offset: state.treeOffset).scrolled(
            toShowSelectionIn: body.rows - cursorLines + 1)
        var y = body.row
        for index in list.offset..<rows.count where y < body.bottom {
            let row = rows[index]
            let count = usageCount(state, row)
            let countWidth = DisplayWidth.of(count)
            var style = Style(foreground: row.item.colour ?? .default)
            if applied.contains(row.id) { style = style.adding(.bold) }
            if !row.item.code.codable { style = style.adding(.underline) }
            if index == selected { style = style.adding(.reverse) }
            let lines = rowLines(state, row, applied: applied, width: body.columns, wrapped: index == selected)
            for (number, line) in lines.enumerated() where y < body.bottom {
                screen.fill(
                    Rect(row: y, column: body.column, rows: 1, columns: body.columns),
                    style: index == selected ? style : .plain)
                _ = screen.write(line, row: y, column: body.column, style: style, maxWidth: body.columns)
                if number == 0 {
                    _ = screen.write(
                        count, row: y, column: body.right - countWidth, style: index == selected ? style : dim,
                        maxWidth: countWidth)
                }
                y += 1
            }
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

    /// The definition of the code under the tree cursor, wrapped to the definition panel.
    static func definitionWrapped(_ state: CodingScreenState) -> [(String, Style)] {
        let width = state.layout.definitionBody.columns
        guard width > 0, let id = state.treeCursor, let code = state.tree.entry(id)?.code else { return [] }
        return definitionLines(code).flatMap { text, style in
            TextWrap.wrap(text, width: width).map { ($0.text, style) }
        }
    }

    static func definitionLineCount(_ state: CodingScreenState) -> Int { definitionWrapped(state).count }

    static func drawDefinition(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        let lines = definitionWrapped(state)
        let rows = max(0, rect.rows - 2)
        let first = min(state.definitionScroll, max(0, lines.count - rows))
        // When it does not fit, the title says which lines are shown and how to see the rest.
        let title =
            lines.count > rows && rows > 0
            ? "Definition \(first + 1)-\(first + rows) of \(lines.count) · J/K" : "Definition"
        let body = Box(title: title).draw(in: rect, on: &screen)
        guard !body.isEmpty else { return }
        for (index, (text, style)) in lines.dropFirst(first).prefix(body.rows).enumerated() {
            _ = screen.write(text, row: body.row + index, column: body.column, style: style, maxWidth: body.columns)
        }
    }

    // MARK: Recent codes

    /// `Recent  F1 C6  F2 D2  F3 A1`: the codes F1 to F9 apply, those on the excerpt in bold.
    static func drawRecent(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        guard !state.recent.slots.isEmpty else {
            screen.write(
                "Recent codes (F1-F9): none yet; each code you apply joins this row", row: rect.row,
                column: rect.column, style: dim, maxWidth: rect.columns)
            return
        }
        let applied = state.currentDecision?.codes ?? [:]
        var column =
            rect.column
            + screen.write("Recent", row: rect.row, column: rect.column, style: title, maxWidth: rect.columns)
        for (place, id) in state.recent.slots.enumerated() where column < rect.right {
            column += screen.write(
                "  F\(place + 1) ", row: rect.row, column: column, style: dim, maxWidth: rect.right - column)
            let style = applied[id] == nil ? Style.plain : Style(attributes: [.bold, .reverse])
            column += screen.write(
                id, row: rect.row, column: column, style: style, maxWidth: max(0, rect.right - column))
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
        if let selection = state.selectionSummary { parts.insert(selection, at: 0) }
        if let message = state.message { parts.insert(message, at: 0) }
        if let error = state.saveError { parts.insert("the last action was not saved: \(error)", at: 0) }
        return parts.joined(separator: " · ")
    }

    /// The right of the status line, never cut: the save state, a code number being typed, the help key.
    public static func statusRight(_ state: CodingScreenState) -> String {
        let save = state.saveError == nil ? "saved" : "NOT SAVED"
        return (state.typedNumber.isEmpty ? "" : "#\(state.typedNumber) · ") + save + " · ? keys"
    }

    /// The codebook-revision notice, wrapped over the rows the layout gives it.
    static func drawBanner(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        let style = Style(attributes: .bold)
        for (index, line) in state.revisionBanner.prefix(rect.rows).enumerated() {
            _ = screen.write(line, row: rect.row + index, column: rect.column, style: style, maxWidth: rect.columns)
        }
    }

    static func drawStatus(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        if let pending = state.pendingRemoval {
            StatusBar(left: pending.question, style: Style(attributes: [.reverse, .bold])).draw(in: rect, on: &screen)
            return
        }
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
