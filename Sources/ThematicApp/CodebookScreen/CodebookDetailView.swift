import TerminalUI
import ThematicCore

/// The right pane: everything about the code under the cursor (id, name, status, the groups it belongs to, every
/// structured field, colour, hotkey), how often each coder and the consensus applied it, and its own history.
enum CodebookDetailView {
    /// One paragraph of the pane: a label drawn bold, then its text.
    struct Paragraph {
        var label: String
        var text: String
        var style: Style = .plain
    }

    /// One screen row: a wrapped piece of a paragraph, with how many of the paragraph's scalars are its label.
    struct Row {
        var line: WrappedLine
        var labelScalars: Int
        var style: Style
    }

    static func paragraphs(_ state: CodebookScreenState) -> [Paragraph] {
        guard let code = state.cursorCode else {
            return [Paragraph(label: "", text: "The codebook has no code yet: a adds one, A a category.")]
        }
        let byID = state.codes
        var result = [Paragraph(label: "\(code.id) ", text: code.name, style: CodebookScreenView.bold)]
        let kind = code.codable ? "code" : "category (groups codes, not applied itself)"
        let status: String
        switch code.status {
        case .active: status = "active \(kind)"
        case .retired: status = "retired \(kind): kept for history, no longer offered to coders"
        case .merged(let target): status = "merged into \(target)" + (byID[target].map { " (\($0.name))" } ?? "")
        }
        result.append(Paragraph(label: "Status: ", text: status))
        result.append(
            Paragraph(
                label: "Under: ",
                text: code.parent.map { parent in parent + (byID[parent].map { " \($0.name)" } ?? "") }
                    ?? "the top level"))
        if !state.codebook.groups.isEmpty {
            let groups = state.codebook.groups(of: code.id).map(\.name)
            result.append(
                Paragraph(
                    label: "Groups: ", text: groups.isEmpty ? "(none)" : groups.joined(separator: ", "),
                    style: groups.isEmpty ? CodebookScreenView.dim : .plain))
        }
        let inherited =
            code.colour == nil ? state.codebook.ancestors(of: code.id).first { byID[$0]?.colour != nil } : nil
        let colour =
            code.colour ?? inherited.flatMap { id in byID[id]?.colour.map { "\($0) (from \(id))" } } ?? "(none)"
        result.append(Paragraph(label: "Colour: ", text: colour + " · Hotkey: " + (code.hotkey ?? "(none)")))
        result.append(Paragraph(label: "", text: ""))
        for field in [CodeField.brief, .full, .whenToUse, .whenNotToUse, .example] {
            let value = field.value(of: code)
            result.append(
                Paragraph(
                    label: field.label.prefix(1).uppercased() + field.label.dropFirst() + ": ", text: value ?? "(none)",
                    style: value == nil ? CodebookScreenView.dim : .plain))
        }
        result.append(Paragraph(label: "", text: ""))
        result += usage(code, in: state)
        let history = state.codebook.history.filter { $0.codes.contains(code.id) }
        result.append(Paragraph(label: "", text: ""))
        result.append(
            Paragraph(
                label: "History of \(code.id): ", text: history.isEmpty ? "no change since the codebook was made" : ""))
        for change in history.reversed() { result.append(CodebookHistoryView.paragraph(change)) }
        return result
    }

    /// Finished excerpts per coder and consensus decisions applying the code; "never used" when it is offered and
    /// nobody applied it. A category counts the codes under it.
    static func usage(_ code: Code, in state: CodebookScreenState) -> [Paragraph] {
        let usage = state.usage
        guard code.codable else {
            let under = state.descendants(of: code.id).filter(\.codable)
            let total = under.reduce(0) { $0 + usage.total($1.id) }
            return [
                Paragraph(
                    label: "Usage: ",
                    text:
                        "the \(under.count) code\(under.count == 1 ? "" : "s") under it applied \(total) time\(total == 1 ? "" : "s") in all"
                )
            ]
        }
        let counts =
            usage.coders.map { "\($0) \(usage.count(code.id, coder: $0))" } + [
                "consensus \(usage.consensus[code.id] ?? 0)", "total \(usage.total(code.id))",
            ]
        var result = [Paragraph(label: "Usage (finished excerpts): ", text: counts.joined(separator: " · "))]
        if usage.total(code.id) == 0 && code.status == .active {
            result.append(
                Paragraph(
                    label: "", text: "Never used: no coder and no consensus decision has applied it",
                    style: CodebookScreenView.warning))
        }
        return result
    }

    /// The pane's rows at `width`, every paragraph wrapped.
    static func lines(_ state: CodebookScreenState, width: Int) -> [Row] {
        paragraphs(state).flatMap { paragraph in
            let labelScalars = paragraph.label.unicodeScalars.count
            return TextWrap.wrap(paragraph.label + paragraph.text, width: max(1, width)).map {
                Row(line: $0, labelScalars: labelScalars, style: paragraph.style)
            }
        }
    }

    static func draw(_ state: CodebookScreenState, in rect: Rect, on screen: inout Screen) {
        let body = Box(title: "Detail").draw(in: rect, on: &screen)
        guard !body.isEmpty else { return }
        for (index, row) in lines(state, width: body.columns).dropFirst(state.detailScroll).prefix(body.rows)
            .enumerated()
        {
            screen.write(row.line, row: body.row + index, column: body.column, maxWidth: body.columns) { glyph in
                glyph.offset < row.labelScalars ? row.style.adding(.bold) : row.style
            }
        }
    }
}
