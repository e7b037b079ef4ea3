import TerminalUI
import ThematicCore

/// The centre pane: the excerpt wrapped to the pane, coded spans highlighted, the word cursor and selection shown,
/// then the applied codes and memos.
enum ExcerptTextView {
    /// One line of the pane: a wrapped line of the excerpt or a line about its coding.
    enum Line {
        case text(WrappedLine)
        case info(String, Style)
    }

    static func width(for state: CodingScreenState) -> Int { max(1, state.layout.textBody.columns) }

    static func wrapped(for state: CodingScreenState) -> [WrappedLine] {
        TextWrap.wrap(state.currentExcerpt?.text ?? "", width: width(for: state))
    }

    /// The text's lines and the lines about its coding: after the text, or before it when the layout puts the
    /// applied codes first.
    static func lines(for state: CodingScreenState) -> [Line] {
        let text = wrapped(for: state).map(Line.text)
        let coding = codingLines(for: state)
        return state.layout.appliedCodesFirst
            ? coding + [.info("", .plain)] + text : text + [.info("", .plain)] + coding
    }

    /// How many lines come before the excerpt's first line.
    static func textStart(for state: CodingScreenState) -> Int {
        state.layout.appliedCodesFirst ? codingLines(for: state).count + 1 : 0
    }

    /// The coding's state, then each applied code with its memo, then the excerpt's memo.
    static func codingLines(for state: CodingScreenState) -> [Line] {
        var lines: [Line] = []
        let decision = state.currentDecision
        let status =
            decision == nil
            ? "not coded yet"
            : decision!.finished
                ? (decision!.codes.isEmpty ? "finished: no code applies" : "finished") : "not finished"
        lines.append(.info("— \(status) —", Style(attributes: .dim)))
        for id in decision?.codeIDs ?? [] {
            let applied = decision!.codes[id]!
            let entry = state.tree.entry(id)
            let name = entry?.code.name ?? state.codebook.code(id)?.name ?? "(not in the codebook)"
            let scope =
                applied.spans.isEmpty ? "" : " [\(applied.spans.count) span\(applied.spans.count == 1 ? "" : "s")]"
            for line in TextWrap.wrap("\(id) \(name)\(scope)", width: width(for: state)) {
                lines.append(.info(line.text, Style(foreground: entry?.colour ?? .default, attributes: .bold)))
            }
            if let memo = applied.memo {
                for line in TextWrap.wrap("  memo: \(memo)", width: width(for: state)) {
                    lines.append(.info(line.text, .plain))
                }
            }
        }
        if let memo = decision?.memo {
            for line in TextWrap.wrap("Memo: \(memo)", width: width(for: state)) {
                lines.append(.info(line.text, .plain))
            }
        }
        return lines
    }

    static func draw(_ state: CodingScreenState, in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        var title = "(no excerpt)"
        if let entry = state.currentEntry {
            let place = state.currentExcerpt?.sectionAndPage() ?? entry.section
            title = "\(entry.reviewID) · \(place) · \(entry.position) of \(entry.reviewLength) · \(entry.id)"
        }
        let body: Rect
        if rect.rows >= 3 && rect.columns >= 3 {
            body = Box(title: title, style: CodingScreenView.frameStyle(state.focus == .text || state.layout.isCompact))
                .draw(in: rect, on: &screen)
        } else {
            body = rect
        }
        let all = lines(for: state)
        let scroll = min(state.textScroll, max(0, all.count - body.rows))
        let spans = coloredSpans(state)
        let focused = state.focus == .text || state.layout.isCompact
        let words = ExcerptWords(state.currentExcerpt?.text ?? "").words
        let cursorWord = focused && words.indices.contains(state.wordCursor) ? words[state.wordCursor] : nil
        // The selection stays shown when another pane has the keys: applying a code there applies it to the selection.
        let selection = state.selectionAnchor != nil ? state.selectedSpan.map { $0.start..<$0.end } : nil
        let matches = searchMatches(state)
        for (index, line) in all.dropFirst(scroll).prefix(body.rows).enumerated() {
            let row = body.row + index
            switch line {
            case .text(let wrapped):
                screen.write(wrapped, row: row, column: body.column, maxWidth: body.columns) { glyph in
                    var style = Style.plain
                    if let colour = spans.first(where: { $0.range.overlaps(glyph.range) })?.colour {
                        style = Style(foreground: colour, attributes: .underline)
                    }
                    if matches.contains(where: { $0.overlaps(glyph.range) }) {
                        style = Style(
                            foreground: searchMatch.foreground, background: searchMatch.background,
                            attributes: style.attributes.union(searchMatch.attributes))
                    }
                    if let selection, selection.overlaps(glyph.range) { style = style.adding(.reverse) }
                    if let cursorWord, cursorWord.overlaps(glyph.range) { style = style.adding([.reverse, .bold]) }
                    return style
                }
            case .info(let text, let style):
                _ = screen.write(text, row: row, column: body.column, style: style, maxWidth: body.columns)
            }
        }
    }

    /// How the text searched for (`s`) shows in the excerpt: bold, on yellow where there is colour.
    static let searchMatch = Style(foreground: .basic(.black), background: .basic(.yellow), attributes: .bold)

    /// Where the text the list is filtered by (`s`) occurs in the excerpt, as scalar ranges.
    static func searchMatches(_ state: CodingScreenState) -> [Range<Int>] {
        guard case .search(let needle) = state.filter, let text = state.currentExcerpt?.text else { return [] }
        return TextMatches.ranges(of: needle, in: text)
    }

    /// The spans of codes narrowed to part of the excerpt, with the colour to show them in.
    static func coloredSpans(_ state: CodingScreenState) -> [(range: Range<Int>, colour: Color)] {
        guard let decision = state.currentDecision else { return [] }
        var result: [(range: Range<Int>, colour: Color)] = []
        for id in decision.codeIDs {
            let colour = state.tree.entry(id)?.colour ?? .basic(.yellow)
            for span in decision.codes[id]!.spans where span.end > span.start {
                result.append((span.start..<span.end, colour))
            }
        }
        return result
    }
}
