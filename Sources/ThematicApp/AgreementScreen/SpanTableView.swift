import Agreement
import TerminalUI

/// Draws the span view of the agreement screen: per code |uα, (k)uα, the share of marked characters every coder
/// marked and each coder's marked characters, the overall |uα, uα and cuα above, in the table's layout.
enum SpanTableView {
    static let figureWidth = 7
    static let gap = 2

    static func render(_ state: AgreementScreenState, _ view: SpanAgreementState, on screen: inout Screen) {
        let layout = state.layout
        let figures = view.agreement
        AgreementScreenView.writeLine(titleText(state), in: layout.title, style: AgreementScreenView.bold, on: &screen)
        AgreementScreenView.writeLine(overallText(figures), in: layout.overall, style: .plain, on: &screen)
        AgreementScreenView.writeLine(legendText, in: layout.legend, style: AgreementScreenView.dim, on: &screen)
        let columns = Columns(figures: figures, width: layout.body.columns)
        if !layout.header.isEmpty {
            let headings = ["code", "name", "|uα", "(k)uα", "shared"] + figures.coders
            for (index, heading) in headings.enumerated() {
                columns.write(
                    heading, column: index, row: layout.header.row, style: AgreementScreenView.bold, on: &screen)
            }
        }
        for line in 0..<layout.body.rows {
            let position = view.offset + line
            guard figures.perCode.indices.contains(position) else { break }
            let y = layout.body.row + line
            let base = position == view.selected ? Style(attributes: .reverse) : .plain
            if position == view.selected {
                screen.fill(Rect(row: y, column: 0, rows: 1, columns: layout.body.columns), style: base)
            }
            drawRow(
                figures.perCode[position], name: codeName(figures.perCode[position].code, state), columns: columns,
                row: y, base: base, on: &screen)
        }
        if figures.perCode.isEmpty, !layout.body.isEmpty {
            AgreementScreenView.writeLine(
                "no code was applied to an excerpt every coder finished", in: layout.body,
                style: AgreementScreenView.dim, on: &screen)
        }
        AgreementScreenView.writeLine(detailText(state, view), in: layout.detail, style: .plain, on: &screen)
        let position = figures.perCode.isEmpty ? "no code" : "code \(view.selected + 1) of \(figures.perCode.count)"
        StatusBar(
            left: state.message ?? "span view · \(position) · Enter lists where its spans differ · u excerpt figures",
            right: [
                ScrollMark.text(count: figures.perCode.count, offset: view.offset, shown: layout.body.rows), "? keys",
            ]
            .filter { !$0.isEmpty }.joined(separator: " ")
        )
        .draw(in: layout.status, on: &screen)
    }

    /// Where each column goes: code and name at the left (the name takes what the figures leave), the figures and
    /// each coder's marked characters right-aligned after them.
    struct Columns {
        var x: [Int] = []
        var widths: [Int] = []

        init(figures: SpanAgreement, width: Int) {
            let codeWidth = max(4, figures.perCode.map { DisplayWidth.of($0.code) }.max() ?? 0)
            let numbers = [figureWidth, figureWidth, figureWidth] + figures.coders.map { max(DisplayWidth.of($0), 6) }
            let nameWidth = min(36, max(0, width - codeWidth - numbers.reduce(0) { $0 + gap + $1 } - gap))
            var position = 0
            for columnWidth in [codeWidth, nameWidth] + numbers {
                x.append(position)
                widths.append(columnWidth)
                position += columnWidth + (columnWidth > 0 ? gap : 0)
            }
        }

        /// Writes `text` in column `index`: code and name left-aligned, the rest right-aligned.
        func write(_ text: String, column index: Int, row: Int, style: Style, on screen: inout Screen) {
            guard widths[index] > 0 else { return }
            screen.write(
                AgreementScreenView.fit(text, widths[index], right: index >= 2), row: row, column: x[index],
                style: style, maxWidth: widths[index])
        }
    }

    /// One code's line; |uα and (k)uα coloured and marked by their reading, n/a dimmed.
    static func drawRow(
        _ code: SpanAgreement.CodeFigures, name: String, columns: Columns, row y: Int, base: Style,
        on screen: inout Screen
    ) {
        columns.write(code.code, column: 0, row: y, style: base, on: &screen)
        columns.write(name, column: 1, row: y, style: base, on: &screen)
        for (index, statistic) in [code.binaryUAlphaK, code.uAlphaK].enumerated() {
            let reading = AlphaReading(statistic)
            var style = statistic.value == nil ? base.adding(.dim) : base
            if let colour = AgreementScreenView.colour(reading) { style.foreground = colour }
            columns.write(
                AgreementReport.threeDecimals(statistic) + AgreementScreenView.mark(reading), column: 2 + index, row: y,
                style: style, on: &screen)
        }
        columns.write(
            percent(code.sharedShare), column: 4, row: y,
            style: code.sharedShare.value == nil ? base.adding(.dim) : base, on: &screen)
        for (index, characters) in code.codedCharacters.enumerated() {
            columns.write(String(characters), column: 5 + index, row: y, style: base, on: &screen)
        }
    }

    /// "62.5%", or "n/a".
    static func percent(_ statistic: Statistic) -> String {
        guard let value = statistic.value else { return "n/a" }
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func codeName(_ code: String, _ state: AgreementScreenState) -> String {
        state.study.codebook.code(code)?.name ?? ""
    }

    // MARK: The lines around the table

    static func titleText(_ state: AgreementScreenState) -> String {
        ["Span agreement", state.study.manifest.title, "coders \(state.table.coders.joined(separator: ", "))"].joined(
            separator: " · ")
    }

    /// "12 excerpts every coder finished, 5400 characters · |uα 0.413 · uα 0.510 · cuα n/a (reason)".
    static func overallText(_ figures: SpanAgreement) -> String {
        func figure(_ name: String, _ statistic: Statistic) -> String {
            "\(name) " + (statistic.reason.map { "n/a (\($0))" } ?? AgreementReport.threeDecimals(statistic))
        }
        return
            "\(figures.units) excerpt\(figures.units == 1 ? "" : "s") every coder finished, \(figures.length) characters · "
            + [figure("|uα", figures.binaryUAlpha), figure("uα", figures.uAlpha), figure("cuα", figures.cuAlpha)]
            .joined(separator: " · ")
    }

    static let legendText =
        "Krippendorff 2016: |uα a code's marks against the unmarked text, (k)uα one code against the rest;"
        + " shared: characters every coder marked of those any coder marked; per coder: characters marked"

    /// The selected code: why a figure is n/a, each coder's marked characters, how to list where the spans differ.
    static func detailText(_ state: AgreementScreenState, _ view: SpanAgreementState) -> String {
        guard let code = view.selectedCode else { return "" }
        var parts = ["\(code.code) \(codeName(code.code, state))"]
        for (name, statistic) in [("|uα", code.binaryUAlphaK), ("(k)uα", code.uAlphaK), ("shared", code.sharedShare)] {
            if let reason = statistic.reason { parts.append("\(name) n/a: \(reason)") }
        }
        parts.append(
            zip(view.agreement.coders, code.codedCharacters).map { "\($0) \($1)" }.joined(separator: ", ")
                + " characters marked")
        parts.append("Enter lists where the spans differ")
        return parts.joined(separator: " · ")
    }
}
