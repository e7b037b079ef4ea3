import Agreement
import TerminalUI
import ThematicCore

/// Draws the agreement screen for a state: a pure function, so tests read the frame back as text.
public enum AgreementScreenView {
    static let bold = Style(attributes: .bold)
    static let dim = Style(attributes: .dim)

    public static func render(_ state: AgreementScreenState) -> Screen {
        var screen = Screen(size: state.size)
        if let list = state.disagreements {
            DisagreementsView.render(state, list, on: &screen)
        } else if state.spansShown, let spans = state.spans {
            if let list = spans.differences {
                SpanDifferencesView.render(state, list, code: spans.agreement.perCode[list.row].code, on: &screen)
            } else {
                SpanTableView.render(state, spans, on: &screen)
            }
        } else {
            drawTable(state, on: &screen)
        }
        if let choice = state.coderChoice {
            let coders = choice.candidates.enumerated().map { index, candidate in
                (index == choice.cursor ? "▸ " : "  ") + (choice.ticked.contains(candidate.name) ? "[x] " : "[ ] ")
                    + "\(candidate.name)  \(candidate.finished) finished"
            }
            // Under the two lines of instructions, as many coders as fit, the cursor's among them.
            let room = max(1, AgreementScreenState.dialogRows(state.size) - 2)
            let first = max(0, choice.cursor - room + 1)
            let rect = Dialog(
                title: "Coders to compare",
                lines: ["Space ticks, Enter compares the ticked coders, Esc cancels", ""] + coders.dropFirst(first)
            ).draw(on: &screen)
            ScrollMark.draw(
                onFrame: rect, count: coders.count, offset: first, shown: min(room, rect.rows - 4), on: &screen)
        }
        if let dialog = state.excerptDialog {
            let all = dialog.lines(width: state.dialogTextWidth)
            let rect = Dialog(title: dialog.title + " (Esc closes)", lines: Array(all.dropFirst(dialog.offset)))
                .draw(on: &screen)
            ScrollMark.draw(onFrame: rect, count: all.count, offset: dialog.offset, shown: rect.rows - 2, on: &screen)
        }
        HelpOverlay.draw(state.help, of: AgreementKeymap.table, on: &screen)
        return screen
    }

    // MARK: The table

    static func drawTable(_ state: AgreementScreenState, on screen: inout Screen) {
        let layout = state.layout
        let table = state.table
        let columns = state.columnLayout
        writeLine(titleText(state), in: layout.title, style: bold, on: &screen)
        writeLine(overallText(table), in: layout.overall, style: .plain, on: &screen)
        writeLine(legendText, in: layout.legend, style: dim, on: &screen)
        if !layout.header.isEmpty {
            for placed in columns.placed {
                let isSort = placed.column == state.sort.column
                let title = placed.column.title(in: table) + (isSort ? (state.sort.descending ? "▼" : "▲") : "")
                let style = isSort ? Style(attributes: [.bold, .underline]) : bold
                screen.write(
                    fit(title, placed.width, right: !placed.column.isFrozen), row: layout.header.row, column: placed.x,
                    style: style, maxWidth: placed.width)
            }
        }
        if !layout.pooled.isEmpty {
            drawRow(table.pooled, in: table, columns: columns, row: layout.pooled.row, base: bold, on: &screen)
        }
        for line in 0..<layout.body.rows {
            let position = state.offset + line
            guard position < state.order.count else { break }
            let y = layout.body.row + line
            let isSelected = position == state.selected
            if isSelected {
                screen.fill(
                    Rect(row: y, column: 0, rows: 1, columns: layout.body.columns), style: Style(attributes: .reverse))
            }
            drawRow(
                table.rows[state.order[position]], in: table, columns: columns, row: y,
                base: isSelected ? Style(attributes: .reverse) : .plain, on: &screen)
        }
        if state.order.isEmpty, !layout.body.isEmpty {
            writeLine("no codes to compare in this selection", in: layout.body, style: dim, on: &screen)
        }
        writeLine(detailText(state), in: layout.detail, style: .plain, on: &screen)
        let rows = ScrollMark.text(count: state.order.count, offset: state.offset, shown: layout.body.rows)
        let scroll =
            (columns.hiddenLeft > 0 ? "◂ " : "") + (columns.canScrollRight ? "▸ " : "")
            + (rows.isEmpty ? "" : rows + " ")
        StatusBar(left: state.message ?? statusText(state), right: scroll + "? keys")
            .draw(in: layout.status, on: &screen)
    }

    /// One row's cells; kappa, alpha and AC1 coloured and marked by their reading, n/a dimmed.
    static func drawRow(
        _ row: AgreementTable.Row, in table: AgreementTable, columns: AgreementColumnLayout, row y: Int,
        base: Style, on screen: inout Screen
    ) {
        for placed in columns.placed {
            let column = placed.column
            var text = column.text(row, in: table)
            var style = base
            if let statistic = column.statistic(row, in: table) {
                if statistic.value == nil { style = style.adding(.dim) }
                if column.isRead {
                    let reading = AlphaReading(statistic)
                    text += mark(reading)
                    if let colour = colour(reading) { style.foreground = colour }
                }
            }
            screen.write(
                fit(text, placed.width, right: !column.isFrozen), row: y, column: placed.x, style: style,
                maxWidth: placed.width)
        }
    }

    /// The one-column mark after a read figure, so the reading survives without colour (NO_COLOR, monochrome).
    static func mark(_ reading: AlphaReading) -> String {
        switch reading {
        case .tentative: "~"
        case .unreliable: "!"
        case .reliable, .undefined: " "
        }
    }

    static func colour(_ reading: AlphaReading) -> Color? {
        switch reading {
        case .reliable: .basic(.green)
        case .tentative: .basic(.yellow)
        case .unreliable: .basic(.red)
        case .undefined: nil
        }
    }

    /// `text` cut to `width` columns and padded to exactly that, on the left when `right` aligns it right.
    static func fit(_ text: String, _ width: Int, right: Bool) -> String {
        let shown = DisplayWidth.truncate(text, toWidth: max(0, width))
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(shown)))
        return right ? fill + shown : shown + fill
    }

    static func writeLine(_ text: String, in rect: Rect, style: Style, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        screen.write(
            DisplayWidth.truncate(text, toWidth: rect.columns), row: rect.row, column: rect.column, style: style,
            maxWidth: rect.columns)
    }

    // MARK: The lines around the table

    /// "Agreement · study · coders asha, ben · 207 excerpts, 204 pairable" and what the selection narrowed.
    static func titleText(_ state: AgreementScreenState) -> String {
        let table = state.table
        var parts = [
            "Agreement", state.study.manifest.title, "coders \(table.coders.joined(separator: ", "))",
            "\(table.data.unitIDs.count) excerpts, \(table.pairableExcerpts) pairable",
        ]
        if let level = state.selection.level { parts.append("codes rolled up to level \(level)") }
        if let reviews = state.selection.reviews { parts.append("reviews \(reviews.joined(separator: ", "))") }
        if state.selection.onlyFinishedByAll { parts.append("only excerpts every coder finished") }
        return parts.joined(separator: " · ")
    }

    static func overallText(_ table: AgreementTable) -> String {
        let sets = table.setValued
        func alpha(_ statistic: Statistic) -> String {
            statistic.value == nil ? "n/a (\(statistic.reason!))" : AgreementReport.threeDecimals(statistic)
        }
        let excerpts = table.excerptsInDisagreement
        return
            "Overall alpha on each coder's set of codes: MASI \(alpha(sets.alphaMASI)), Jaccard \(alpha(sets.alphaJaccard))"
            + " · \(excerpts) excerpt\(excerpts == 1 ? "" : "s") with a disagreement"
    }

    /// The reading convention the colours follow, in the words `thematic agree` prints under its table.
    static let legendText: String = {
        let reading = AgreementReport.conventions.first { $0.key == "reading" }?.text ?? ""
        return "Marks: ~ tentative, ! unreliable. Kappa, alpha and AC1 are coloured by the reading: \(reading)"
    }()

    /// The selected code: its reading, why a figure is n/a, what Fleiss' kappa counts, its disagreements.
    static func detailText(_ state: AgreementScreenState) -> String {
        guard let index = state.selectedRow else { return "" }
        let table = state.table
        let row = table.rows[index]
        var parts = ["\(row.code) \(row.name)"]
        let figures: [AgreementColumn] = [.percentAgreement, .kappa, .alpha, .ac1]
        for column in figures {
            if let reason = column.statistic(row, in: table)?.reason {
                parts.append("\(column.title(in: table)) n/a: \(reason)")
            }
        }
        let alpha = row.agreement.krippendorffAlpha
        if alpha.value != nil {
            parts.append("alpha \(AgreementReport.threeDecimals(alpha)) \(AlphaReading(alpha).rawValue)")
        }
        if !table.usesCohenKappa {
            parts.append("Fleiss k on the \(row.agreement.unitsComplete) excerpts every coder finished")
        }
        parts.append(
            row.disagreements == 0
                ? "no disagreement"
                : "\(row.disagreements) disagreement\(row.disagreements == 1 ? "" : "s"): Enter lists them")
        return parts.joined(separator: " · ")
    }

    static func statusText(_ state: AgreementScreenState) -> String {
        let direction = state.sort.descending ? "descending" : "ascending"
        let position = state.order.isEmpty ? "no code" : "code \(state.selected + 1) of \(state.order.count)"
        let text =
            "sorted by \(state.sort.column.title(in: state.table)), \(direction) · \(position) · Enter lists its disagreements · c chooses coders · u spans"
        return state.person.map { "\(text) · \($0)" } ?? text
    }
}
