import TerminalUI
import ThematicCore

/// The right-hand pane of the reconcile screen as one scrolling column of lines: the excerpt with the coders' spans
/// marked, each coder's codes side by side (one under the other when the pane is too narrow), the consensus decision
/// or the one being made, and the definitions of the codes involved.
enum ReconcileDetailView {
    /// Text placed at a column of the pane, at most `width` columns wide.
    struct Segment {
        var column: Int
        var width: Int
        var text: String
        var style: Style
    }

    enum Line {
        /// A line of the excerpt: its glyphs know their offsets, so spans can be marked.
        case text(WrappedLine)
        case segments([Segment])
    }

    /// Below this many columns per coder, the coders' codes go one under the other.
    static let narrowestColumn = 14
    static let columnGap = 3
    static let dim = Style(attributes: .dim)
    static let bold = Style(attributes: .bold)
    static let warning = Style(foreground: .basic(.red), attributes: .bold)
    /// The characters of a `~` code's span that only this coder marked, also set apart by `[` `]` for readers
    /// without colour.
    static let onlyThisCoder = Style(attributes: [.bold, .underline])

    /// A line of a coder's column: runs of text, each in its own style.
    typealias ColumnLine = [(text: String, style: Style)]

    static func lines(for state: ReconcileState, width: Int) -> [Line] {
        guard let item = state.currentItem else {
            return wrapped(
                "Nothing to reconcile: no excerpt was finished by two or more of the coders compared with different codes.",
                width: width, style: dim)
        }
        var lines = TextWrap.wrap(item.excerpt.text, width: width).map(Line.text)
        lines.append(rule("Coders", width: width))
        lines += coderLines(item, state: state, width: width)
        let memos = memoLines(item, state: state, width: width)
        if !memos.isEmpty {
            lines.append(rule("Memos", width: width))
            lines += memos
        }
        lines.append(rule("Consensus", width: width))
        lines += consensusLines(item, state: state, width: width)
        if !item.definitions.isEmpty {
            lines.append(rule("Definitions", width: width))
            lines += definitionLines(item, state: state, width: width)
        }
        return lines
    }

    // MARK: Building blocks

    static func plain(_ text: String, _ style: Style = .plain, width: Int) -> Line {
        .segments([Segment(column: 0, width: width, text: text, style: style)])
    }

    /// `text` wrapped to `width`, continuation lines indented by `indent` columns.
    static func wrapped(_ text: String, width: Int, style: Style, indent: Int = 0) -> [Line] {
        wrappedText(text, width: width, indent: indent).map { plain($0, style, width: width) }
    }

    static func wrappedText(_ text: String, width: Int, indent: Int) -> [String] {
        let first = TextWrap.wrap(text, width: width)
        guard first.count > 1, indent > 0, width > indent + 1 else { return first.map(\.text) }
        let rest = String(String.UnicodeScalarView(Array(text.unicodeScalars)[first[0].range.upperBound...]))
        let pad = String(repeating: " ", count: indent)
        return [first[0].text] + TextWrap.wrap(rest.trimmed, width: width - indent).map { pad + $0.text }
    }

    static func rule(_ title: String, width: Int) -> Line {
        let head = "── \(title) "
        return plain(head + String(repeating: "─", count: max(0, width - DisplayWidth.of(head))), dim, width: width)
    }

    static func name(of id: String, in state: ReconcileState) -> String {
        state.tree.entry(id)?.code.name ?? state.codebook.code(id)?.name ?? "(not in the codebook)"
    }

    static func colour(of id: String, in state: ReconcileState) -> Color { state.tree.entry(id)?.colour ?? .default }

    /// "B3, C2" or "no code", in a stable order.
    static func codesText(_ ids: some Sequence<String>) -> String {
        let sorted = ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return sorted.isEmpty ? "no code" : sorted.joined(separator: ", ")
    }

    static func quote(_ span: TextSpan, of text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let start = min(max(0, span.start), scalars.count), end = min(max(start, span.end), scalars.count)
        return "«" + String(String.UnicodeScalarView(scalars[start..<end])) + "»"
    }

    // MARK: The coders side by side

    static func coderLines(_ item: ReconciliationItem, state: ReconcileState, width: Int) -> [Line] {
        let coders = state.reconciliation.coders
        let columnWidth = (width - columnGap * (coders.count - 1)) / max(1, coders.count)
        var lines: [Line]
        if columnWidth >= narrowestColumn {
            let columns = coders.enumerated().map {
                column(for: $1, number: $0 + 1, item: item, state: state, width: columnWidth)
            }
            let height = columns.map(\.count).max() ?? 0
            lines = (0..<height).map { row in
                var segments: [Segment] = []
                for (index, column) in columns.enumerated() {
                    let x = index * (columnWidth + columnGap)
                    if index > 0 { segments.append(Segment(column: x - 2, width: 1, text: "│", style: dim)) }
                    if row < column.count { segments += runSegments(column[row], at: x, width: columnWidth) }
                }
                return .segments(segments)
            }
        } else {
            lines = coders.enumerated().flatMap { index, coder in
                column(for: coder, number: index + 1, item: item, state: state, width: width).map {
                    .segments(runSegments($0, at: 0, width: width))
                }
            }
        }
        if !item.disputedCodes.isEmpty || !item.codesWithDifferentSpans.isEmpty {
            lines += wrapped("* not applied by every coder   ~ same code, different spans", width: width, style: dim)
        }
        return lines
    }

    /// A column line's runs placed one after another from column `x`, none past `x + width`.
    static func runSegments(_ line: ColumnLine, at x: Int, width: Int) -> [Segment] {
        var segments: [Segment] = []
        var used = 0
        for run in line where used < width {
            segments.append(Segment(column: x + used, width: width - used, text: run.text, style: run.style))
            used += DisplayWidth.of(run.text)
        }
        return segments
    }

    /// One coder's column: a heading with the key that accepts their codes, then each code on one line (wrapped
    /// when it is the focused code) after a two-column gutter that marks disputed codes, and the text of its spans; for a `~` code, the characters only
    /// this coder marked are set apart.
    static func column(for coder: String, number: Int, item: ReconciliationItem, state: ReconcileState, width: Int)
        -> [ColumnLine]
    {
        var lines: [ColumnLine] = [
            [(DisplayWidth.truncate("\(number) \(coder)", toWidth: width), bold.adding(.underline))]
        ]
        guard let coding = item.codings.first(where: { $0.coder == coder }) else {
            return lines + [[("not finished", dim)]]
        }
        if coding.codes.isEmpty { lines.append([("no code applies", dim)]) }
        for id in coding.codes {
            let disputed = item.disputedCodes.contains(id)
            let mark = disputed ? "* " : item.codesWithDifferentSpans.contains(id) ? "~ " : "  "
            var style = Style(foreground: colour(of: id, in: state))
            if disputed { style = style.adding(.bold) }
            if id == state.focusedCode { style = style.adding(.reverse) }
            // One line per code, cut with …, so four coders side by side stay readable; the code under the cursor
            // (Tab) shows its whole name.
            let label = "\(id) \(name(of: id, in: state))"
            let shown =
                id == state.focusedCode
                ? TextWrap.wrap(label, width: max(1, width - 2)).map(\.text)
                : [DisplayWidth.truncate(label, toWidth: max(1, width - 2))]
            for (index, text) in shown.enumerated() {
                lines.append([((index == 0 ? mark : "  ") + text, style)])
            }
            if item.codesWithDifferentSpans.contains(id) {
                lines += differingSpanLines(of: id, by: coder, item: item)
            } else {
                for span in coding.coding.codes[id]?.spans ?? [] {
                    lines.append([
                        (DisplayWidth.truncate("  " + quote(span, of: item.excerpt.text), toWidth: width), dim)
                    ])
                }
            }
        }
        return lines
    }

    /// A `~` code's spans by one coder, each «quoted» with the characters no other coder marked in `[` `]` and
    /// the `onlyThisCoder` style; a code applied without spans reads "the whole excerpt".
    static func differingSpanLines(of id: String, by coder: String, item: ReconciliationItem) -> [ColumnLine] {
        let length = item.excerpt.text.unicodeScalars.count
        func spans(_ coding: ReconciliationItem.CoderCoding) -> [TextSpan] {
            let applied = coding.coding.codes[id]?.spans ?? []
            return applied.isEmpty ? [TextSpan(start: 0, end: length)] : applied
        }
        guard let own = item.codings.first(where: { $0.coder == coder }), own.coding.codes[id]?.spans.isEmpty == false
        else {
            return [[("  the whole excerpt", dim)]]
        }
        let others = item.codings.filter { $0.coder != coder }.flatMap(spans)
        let scalars = Array(item.excerpt.text.unicodeScalars)
        func text(_ range: Range<Int>) -> String {
            String(
                String.UnicodeScalarView(
                    scalars[min(range.lowerBound, scalars.count)..<min(range.upperBound, scalars.count)]))
        }
        return spans(own).map { span in
            var line: ColumnLine = [("  «", dim)]
            for piece in SpanPiece.pieces(of: span, others: others) {
                line.append(
                    piece.onlyThisCoder ? ("[" + text(piece.range) + "]", onlyThisCoder) : (text(piece.range), dim))
            }
            return line + [("»", dim)]
        }
    }

    // MARK: The coders' memos

    /// Each compared coder's memos on the excerpt, in the coders' order: the excerpt memo, then one per applied code,
    /// each labelled with the coder (and the code), so the lead sees why a coder decided as they did.
    static func memoLines(_ item: ReconciliationItem, state: ReconcileState, width: Int) -> [Line] {
        var lines: [Line] = []
        for coder in state.reconciliation.coders {
            guard let coding = item.codings.first(where: { $0.coder == coder })?.coding else { continue }
            if let memo = coding.memo, !memo.isEmpty {
                lines.append(
                    plain(DisplayWidth.truncate("\(coder) on the excerpt", toWidth: width), bold, width: width))
                lines += wrapped("  " + memo, width: width, style: .plain, indent: 2)
            }
            for id in coding.codeIDs {
                guard let memo = coding.codes[id]?.memo, !memo.isEmpty else { continue }
                lines.append(
                    .segments([
                        Segment(
                            column: 0, width: width, text: DisplayWidth.truncate("\(coder) on ", toWidth: width),
                            style: bold),
                        Segment(
                            column: DisplayWidth.of("\(coder) on "),
                            width: max(0, width - DisplayWidth.of("\(coder) on ")),
                            text: "\(id) \(name(of: id, in: state))",
                            style: Style(foreground: colour(of: id, in: state), attributes: .bold)),
                    ]))
                lines += wrapped("  " + memo, width: width, style: .plain, indent: 2)
            }
        }
        return lines
    }

    // MARK: The consensus

    static func choiceText(_ choice: ReconciliationChoice) -> String {
        switch choice {
        case .accept(let coder): "accept \(coder)'s codes"
        case .union: "union"
        case .intersection: "intersection"
        case .edited: "your own choice"
        }
    }

    static func consensusLines(_ item: ReconciliationItem, state: ReconcileState, width: Int) -> [Line] {
        var lines: [Line] = []
        if let refusal = state.refusal, refusal.excerptID == item.excerpt.id {
            lines += wrapped("Not recorded: " + refusal.reason, width: width, style: warning, indent: 2)
        }
        func codeList(_ ids: some Sequence<String>) {
            let ordered = ids.sorted {
                (state.tree.entry($0)?.number ?? .max, $0) < (state.tree.entry($1)?.number ?? .max, $1)
            }
            if ordered.isEmpty { lines += wrapped("  no code applies", width: width, style: .plain) }
            for id in ordered {
                lines += wrapped(
                    "  \(id) \(name(of: id, in: state))", width: width,
                    style: Style(foreground: colour(of: id, in: state)), indent: 4)
            }
        }
        switch state.mode {
        case .writingNote(let pending) where pending.excerptID == item.excerpt.id:
            lines += wrapped(
                "About to record (\(choiceText(pending.choice))\(pending.replacing ? ", replacing the decision below" : "")):",
                width: width, style: bold)
            codeList(pending.codes.keys)
            lines += wrapped(
                "Type a note in the status line (it may stay empty); Enter records, Esc cancels.", width: width,
                style: dim)
        case .confirmingReplace:
            lines += wrapped(
                "This excerpt is decided. Replace the decision below? y replaces it, n keeps it.", width: width,
                style: bold)
        default:
            break
        }
        guard let decision = item.decision else {
            let keys = state.reconciliation.coders.count == 1 ? "1" : "1-\(min(9, state.reconciliation.coders.count))"
            return lines
                + wrapped(
                    "Not decided yet. \(keys) accept a coder's codes, u union, i intersection, e choose the codes yourself.",
                    width: width, style: dim)
        }
        if case .stale(let changes) = item.state {
            lines += wrapped(
                "Stale: " + changes.map(\.description).joined(separator: "; ")
                    + ". The decision stands until you decide again.",
                width: width, style: warning, indent: 2)
        }
        lines += wrapped(
            "Decided: " + ReconciliationReport.decisionText(decision), width: width,
            style: item.state == .decided ? bold : .plain, indent: 2)
        codeList(decision.codes.keys)
        return lines
    }

    // MARK: The definitions

    static func definitionLines(_ item: ReconciliationItem, state: ReconcileState, width: Int) -> [Line] {
        var lines: [Line] = []
        for code in item.definitions {
            if !lines.isEmpty { lines.append(plain("", width: width)) }
            var title = Style(foreground: colour(of: code.id, in: state), attributes: .bold)
            if code.id == state.focusedCode { title = title.adding(.reverse) }
            lines += wrapped("\(code.id) \(code.name)", width: width, style: title, indent: 2)
            let fields: [(String, String?)] = [
                ("Brief", code.brief), ("Use when", code.whenToUse), ("Do not use when", code.whenNotToUse),
            ]
            for case let (label, value?) in fields where !value.isEmpty {
                lines += wrapped("  \(label): \(value)", width: width, style: .plain, indent: 4)
            }
        }
        return lines
    }

    // MARK: Drawing

    static func draw(_ state: ReconcileState, in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        var title = "(no excerpt)"
        if let item = state.currentItem {
            let review =
                item.reviewTitle.contains(item.reviewID) ? item.reviewTitle : "\(item.reviewID) \(item.reviewTitle)"
            title = "\(item.excerpt.id) · \(review) · \(item.excerpt.sectionAndPage())"
        }
        let body = ReconcileLayout.framed(rect)
        if body != rect { Box(title: title, style: bold).draw(in: rect, on: &screen) }
        guard !body.isEmpty else { return }
        let all = lines(for: state, width: body.columns)
        let scroll = min(state.detailScroll, max(0, all.count - body.rows))
        let spans = markedSpans(state)
        for (index, line) in all.dropFirst(scroll).prefix(body.rows).enumerated() {
            let row = body.row + index
            switch line {
            case .text(let wrapped):
                screen.write(wrapped, row: row, column: body.column, maxWidth: body.columns) { glyph in
                    if spans.focused.contains(where: { $0.overlaps(glyph.range) }) {
                        return Style(attributes: [.reverse, .bold])
                    }
                    if spans.any.contains(where: { $0.overlaps(glyph.range) }) { return Style(attributes: .underline) }
                    return .plain
                }
            case .segments(let segments):
                for segment in segments where segment.column < body.columns {
                    screen.write(
                        segment.text, row: row, column: body.column + segment.column, style: segment.style,
                        maxWidth: min(segment.width, body.columns - segment.column))
                }
            }
        }
        if body != rect {
            ScrollMark.draw(
                onFrame: rect, count: all.count, offset: scroll, shown: body.rows, hint: ("PgUp", "PgDn"), on: &screen)
        }
    }

    /// Every coder's spans (underlined in the text) and those of the highlighted code (shown reversed).
    static func markedSpans(_ state: ReconcileState) -> (any: [Range<Int>], focused: [Range<Int>]) {
        guard let item = state.currentItem else { return ([], []) }
        var any: [Range<Int>] = [], focused: [Range<Int>] = []
        for coding in item.codings {
            for (id, applied) in coding.coding.codes {
                for span in applied.spans where span.end > span.start {
                    any.append(span.start..<span.end)
                    if id == state.focusedCode { focused.append(span.start..<span.end) }
                }
            }
        }
        return (any, focused)
    }
}
