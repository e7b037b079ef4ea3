/// A line of a PDF page where poppler put it (points from the page's top left), while the page's lines are turned
/// into `SourceLine`s.
struct PageLine: Sendable, Equatable {
    var text: String
    var top: Double
    var bottom: Double
    var left: Double
    var right: Double

    var height: Double { max(1, bottom - top) }

    /// The line with `next` when `next` goes on along the same baseline, to the right: a hanging paragraph number
    /// and its text ("3.4" + "A strategy…"), words poppler split at a wide justified gap (one line again), or the
    /// next cell of a table row (" | " between cells, where the gap is wider than one and a half line heights).
    func joined(with next: PageLine) -> PageLine? {
        guard abs(next.top - top) < height * 0.3, next.left > right else { return nil }
        let separator = LineShape.isLoneMarker(text) || next.left - right < height * 1.5 ? " " : " | "
        return PageLine(
            text: text + separator + next.text, top: top, bottom: max(bottom, next.bottom), left: left,
            right: next.right)
    }

    /// A page's lines in reading order, with a blank line where a paragraph ends: where the step down to a line is
    /// over a third more than the page's usual line pitch, where the text moves up (the next column), or where a
    /// line after a finished sentence starts further in than the line before it (a first-line indent) or back at
    /// the margin after an indented passage (the text after a list).
    /// A paragraph number or list marker that poppler read out of order is put in front of the text on its
    /// baseline first.
    static func sourceLines(_ lines: [PageLine], page: Int) -> [SourceLine] {
        let lines = attachingMarkers(lines)
        let pitches = zip(lines, lines.dropFirst()).map { $1.top - $0.top }.filter { $0 > 0 }.sorted()
        let usual = pitches.isEmpty ? 0 : pitches[pitches.count / 2]
        var result: [SourceLine] = []
        var previousOpened = true
        for (position, line) in lines.enumerated() {
            var opens = position == 0
            if position > 0 {
                let previous = lines[position - 1]
                let pitch = line.top - previous.top
                let step = line.left - previous.left
                let movesIn = step > previous.height * 0.8 && step < previous.height * 6
                let movesOut = step < -previous.height * 0.8 && !previousOpened
                // The line's shape only where its position already suggests a new paragraph: most lines keep their
                // margin.
                let previousShape = movesIn || movesOut ? LineShape(previous.text) : nil
                // A numbered or bulleted line's own next lines are indented by design (a hanging indent).
                let indented =
                    movesIn && previousShape.map { $0.endsSentence && $0.number == nil && !$0.isBullet } == true
                    && !LineShape.isLoneMarker(line.text)
                // Back to the margin after an indented passage (a list item's last line, a quotation) that finished
                // its sentence: the next paragraph. Not after a paragraph's own first line, which a first-line indent
                // sets further in.
                let outdented = movesOut && previousShape?.endsSentence == true
                if pitch > usual * 1.35 || pitch < -previous.height / 2 || (pitch > 0 && (indented || outdented)) {
                    result.append(SourceLine("", page: page))
                    opens = true
                }
            }
            result.append(SourceLine(line.text, page: page))
            previousOpened = opens
        }
        return result
    }

    /// Each lone paragraph number or list marker joined to the line that starts to its right on the same baseline,
    /// wherever poppler placed that line on the page.
    private static func attachingMarkers(_ lines: [PageLine]) -> [PageLine] {
        var lines = lines
        var index = 0
        while index < lines.count {
            let marker = lines[index]
            if LineShape.isLoneMarker(marker.text),
                let target = lines.indices.first(where: {
                    $0 != index && abs(lines[$0].top - marker.top) < marker.height * 0.3
                        && lines[$0].left > marker.right
                })
            {
                lines[target] = PageLine(
                    text: marker.text + " " + lines[target].text, top: lines[target].top, bottom: lines[target].bottom,
                    left: marker.left, right: lines[target].right)
                lines.remove(at: index)
                continue
            }
            index += 1
        }
        return lines
    }
}
