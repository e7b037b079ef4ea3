import TerminalUI
import ThematicCore

/// Draws the reconcile screen for a state: a pure function, so tests read the frame back as text.
public enum ReconcileView {
    public static func render(_ state: ReconcileState) -> Screen {
        if state.agreementShown, let agreement = state.agreement { return AgreementScreenView.render(agreement) }
        var screen = Screen(size: state.size)
        let layout = state.layout
        if !layout.isCompact { drawQueue(state, in: layout.queue, on: &screen) }
        ReconcileDetailView.draw(state, in: layout.detail, on: &screen)
        if case .picking(let picker, _) = state.mode {
            drawPicker(picker, state: state, in: layout.detail, on: &screen)
        }
        drawStatus(state, in: layout.status, on: &screen)
        HelpOverlay.draw(state.help, of: ReconcileKeymap.table, on: &screen)
        return screen
    }

    // MARK: The queue

    /// `✓ R02-003 C2,D4`: decided (✓), still to decide (·) or stale (!), then the codes in dispute.
    static func queueRow(_ item: ReconciliationItem) -> String {
        switch item.state {
        case .undecided: "· \(item.excerpt.id) \(item.disputedCodes.joined(separator: ","))"
        case .decided: "✓ \(item.excerpt.id) \(item.disputedCodes.joined(separator: ","))"
        case .stale: "! \(item.excerpt.id) stale"
        }
    }

    static func drawQueue(_ state: ReconcileState, in rect: Rect, on screen: inout Screen) {
        let title =
            state.filter == .all ? "Queue (\(state.visible.count))" : "\(state.filter.label) (\(state.visible.count))"
        let body = Box(title: title).draw(in: rect, on: &screen)
        let list = ScrollingList(count: state.visible.count, selected: state.listSelection, offset: state.listOffset)
        let drawn = list.draw(in: body, on: &screen) { queueRow(state.items[state.visible[$0]]) }
        if body != rect {
            ScrollMark.draw(
                onFrame: rect, count: state.visible.count, offset: drawn.offset, shown: body.rows, on: &screen)
        }
        if state.visible.isEmpty {
            screen.write(
                "nothing listed; a shows all", row: body.row, column: body.column, style: ReconcileDetailView.dim,
                maxWidth: body.columns)
        }
    }

    // MARK: The code picker

    static func pickerRow(_ row: CodeTree.Row, picker: CodePicker) -> String {
        let code = row.item.code
        let indent = String(repeating: " ", count: row.depth * 2)
        let box = code.codable ? (picker.chosen[code.id] == nil ? "[ ] " : "[x] ") : ""
        return indent + box + code.id + " " + code.name
    }

    static func drawPicker(_ picker: CodePicker, state: ReconcileState, in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        screen.fill(rect)
        let title = "Codes for \(picker.excerptID): Space takes or drops, Enter goes on to the note, Esc cancels"
        let body = ReconcileLayout.framed(rect)
        if body != rect { Box(title: title, style: ReconcileDetailView.bold).draw(in: rect, on: &screen) }
        guard !body.isEmpty else { return }
        let label = "Filter: "
        let used = screen.write(
            label, row: body.row, column: body.column, style: ReconcileDetailView.dim, maxWidth: body.columns)
        screen.cursor = picker.filter.draw(
            in: Rect(row: body.row, column: body.column + used, rows: 1, columns: body.columns - used), on: &screen)
        var appliedBy: [String: [String]] = [:]
        for coding in state.currentItem?.codings ?? [] {
            for id in coding.codes { appliedBy[id, default: []].append(coding.coder) }
        }
        let rows = picker.rows(in: state.tree)
        let list = body.inset(top: 1, bottom: 1)
        for line in 0..<list.rows {
            let index = picker.offset + line
            guard index < rows.count else { break }
            let row = rows[index]
            var style = Style(foreground: row.item.colour ?? .default)
            if !row.item.code.codable { style = style.adding(.underline) }
            if picker.chosen[row.id] != nil { style = style.adding(.bold) }
            if row.index == picker.list.current { style = style.adding(.reverse) }
            let y = list.row + line
            let isCursor = row.index == picker.list.current
            if isCursor { screen.fill(Rect(row: y, column: list.column, rows: 1, columns: list.columns), style: style) }
            // Who applied the code stays visible at the right edge; the name is cut instead.
            let coders = appliedBy[row.id].map { " " + $0.joined(separator: " ") } ?? ""
            let codersWidth = min(DisplayWidth.of(coders), list.columns / 2)
            screen.write(
                DisplayWidth.truncate(pickerRow(row, picker: picker), toWidth: list.columns - codersWidth),
                row: y, column: list.column, style: style, maxWidth: list.columns - codersWidth)
            screen.write(
                DisplayWidth.truncate(coders, toWidth: codersWidth), row: y, column: list.right - codersWidth,
                style: isCursor ? style : ReconcileDetailView.dim, maxWidth: codersWidth)
        }
        if body != rect {
            ScrollMark.draw(onFrame: rect, count: rows.count, offset: picker.offset, shown: list.rows, on: &screen)
        }
        if rows.isEmpty && list.rows > 0 {
            screen.write(
                "no code matches \"\(picker.filter.text)\"", row: list.row, column: list.column,
                style: ReconcileDetailView.dim, maxWidth: list.columns)
        }
        if body.rows >= 2 {
            screen.write(
                DisplayWidth.truncate(
                    "Chosen: " + ReconcileDetailView.codesText(picker.chosen.keys), toWidth: body.columns),
                row: body.bottom - 1, column: body.column, style: ReconcileDetailView.bold, maxWidth: body.columns)
        }
    }

    // MARK: The status line

    /// Where the lead is and how far the queue has come, after what the last key did.
    public static func statusText(_ state: ReconcileState) -> String {
        var parts: [String] = []
        if let refusal = state.refusal { parts.append("\(refusal.excerptID) not recorded: \(refusal.reason)") }
        if let message = state.message { parts.append(message) }
        parts.append(state.progressText)
        if let item = state.currentItem {
            let position = state.listSelection.map { "\($0 + 1) of \(state.visible.count)" } ?? "not listed"
            parts.append("\(item.excerpt.id) (\(position))")
        }
        parts.append(state.lead)
        parts.append(state.studyTitle)
        return parts.joined(separator: " · ")
    }

    static func drawStatus(_ state: ReconcileState, in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        switch state.mode {
        case .writingNote(let pending):
            let label = "Note on \(pending.excerptID) (Enter records, Esc cancels): "
            let used = screen.write(
                label, row: rect.row, column: rect.column, style: ReconcileDetailView.bold, maxWidth: rect.columns)
            screen.cursor = state.field.draw(
                in: Rect(row: rect.row, column: rect.column + used, rows: 1, columns: rect.columns - used), on: &screen)
        case .confirmingReplace:
            let id = state.currentItem?.excerpt.id ?? ""
            StatusBar(
                left: "\(id) is already decided. Replace the decision? y/n",
                style: Style(attributes: [.reverse, .bold])
            ).draw(in: rect, on: &screen)
        default:
            let style =
                state.refusal == nil
                ? Style(attributes: .reverse) : Style(foreground: .basic(.red), attributes: [.reverse, .bold])
            StatusBar(
                left: statusText(state), right: (state.refusal == nil ? "" : "NOT RECORDED · ") + "? keys", style: style
            )
            .draw(in: rect, on: &screen)
        }
    }
}
