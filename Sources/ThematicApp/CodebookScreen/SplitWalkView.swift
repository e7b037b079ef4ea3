import TerminalUI
import ThematicCore

/// The split, one excerpt at a time: where the excerpt sits, who applied the old code, the whole text wrapped with
/// the old code's spans highlighted, and the numbered parts with the ones this excerpt has ticked.
enum SplitWalkView {
    /// The box's inside for a state (the screen's main area less the frame).
    static func body(in state: CodebookScreenState) -> Rect { state.layout.main.inset(by: 1) }

    /// Rows for the parts: a heading and one per part, never more than the box holds.
    static func partRows(_ walk: SplitWalk, body: Rect) -> Int { min(walk.parts.count + 1, body.rows) }

    /// Rows for the two heading lines, once the parts have theirs.
    static func headingRows(_ walk: SplitWalk, body: Rect) -> Int { min(2, body.rows - partRows(walk, body: body)) }

    /// Rows left for the excerpt's text, between the headings and the parts (a blank row each side when there is room).
    static func textRows(_ walk: SplitWalk, in state: CodebookScreenState) -> Int {
        let body = body(in: state)
        return max(0, body.rows - partRows(walk, body: body) - headingRows(walk, body: body) - 2)
    }

    static func textLines(_ walk: SplitWalk, in state: CodebookScreenState) -> [WrappedLine] {
        guard let item = walk.currentItem else { return [] }
        return TextWrap.wrap(
            state.study.corpus.excerpt(item.excerptID)?.text ?? "(this excerpt is not in the corpus)",
            width: max(1, body(in: state).columns))
    }

    /// Where the excerpt sits, and who applied the old code to it (with how many spans, when narrowed).
    static func headings(_ walk: SplitWalk, in state: CodebookScreenState) -> [String] {
        guard let item = walk.currentItem else { return [] }
        let study = state.study
        let review = study.corpus.review(containing: item.excerptID)
        let section = study.corpus.excerpt(item.excerptID)?.section ?? ""
        let place = [review.map { "\($0.id) \($0.title)" }, section.isEmpty ? nil : section, item.excerptID].compactMap
        { $0 }.joined(separator: " · ")
        let appliers = item.appliedBy.map { who -> String in
            let spans = spans(of: walk.code, on: item.excerptID, by: who, in: study).count
            return spans == 0 ? who : "\(who) (\(spans) span\(spans == 1 ? "" : "s"))"
        }
        let parts = walk.currentParts
        return [
            place,
            "coded \(walk.code) by \(appliers.joined(separator: ", ")) · "
                + (parts.isEmpty ? "NO PART YET" : "gets \(parts.joined(separator: ", "))"),
        ]
    }

    static func spans(of code: String, on excerpt: String, by who: String, in study: Study) -> [TextSpan] {
        let applied =
            who == "consensus"
            ? study.consensus.excerpts[excerpt]?.codes[code] : study.codings[who]?.excerpts[excerpt]?.codes[code]
        return applied?.spans ?? []
    }

    static func draw(_ walk: SplitWalk, in state: CodebookScreenState, rect: Rect, on screen: inout Screen) {
        let position = walk.items.isEmpty ? "no excerpt" : "excerpt \(walk.current + 1) of \(walk.items.count)"
        let name = state.codes[walk.code].map { " \($0.name)" } ?? ""
        let title = "Split \(walk.code) · \(position) · \(walk.assignedCount) of \(walk.items.count) assigned ·\(name)"
        let body = Box(title: title, style: CodebookScreenView.bold).draw(in: rect, on: &screen)
        guard !body.isEmpty else { return }
        var row = body.row
        let parts = walk.currentParts
        for (index, heading) in headings(walk, in: state).prefix(headingRows(walk, body: body)).enumerated() {
            let style = index == 1 && parts.isEmpty ? CodebookScreenView.warning : CodebookScreenView.dim
            screen.write(
                DisplayWidth.truncate(heading, toWidth: body.columns), row: row, column: body.column, style: style,
                maxWidth: body.columns)
            row += 1
        }
        let textRows = textRows(walk, in: state)
        if textRows > 0, let item = walk.currentItem {
            row += 1
            let highlighted = item.appliedBy.flatMap {
                spans(of: walk.code, on: item.excerptID, by: $0, in: state.study)
            }
            .filter { $0.end > $0.start }
            let highlight = Style(
                foreground: CodebookScreenView.colour(of: walk.code, in: state) ?? .default,
                attributes: [.bold, .underline])
            for line in textLines(walk, in: state).dropFirst(walk.scroll).prefix(textRows) {
                screen.write(line, row: row, column: body.column, maxWidth: body.columns) { glyph in
                    highlighted.contains { ($0.start..<$0.end).overlaps(glyph.range) } ? highlight : .plain
                }
                row += 1
            }
        }
        let partsTop = body.bottom - partRows(walk, body: body)
        let lines =
            ["Parts (1-\(walk.parts.count) give or take one):"]
            + walk.parts.enumerated().map { index, part in
                "\(index + 1) [\(parts.contains(part.id) ? "x" : " ")] \(part.id) \(part.name)"
                    + (state.codes[part.id] == nil ? " (new)" : "")
            }
        for (index, line) in lines.prefix(partRows(walk, body: body)).enumerated() {
            let style = index == 0 ? CodebookScreenView.bold : .plain
            screen.write(
                DisplayWidth.truncate(line, toWidth: body.columns), row: partsTop + index, column: body.column,
                style: style, maxWidth: body.columns)
        }
    }
}
