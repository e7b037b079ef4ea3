import TerminalUI
import ThematicCore

/// A box over the coding screen that lists what the coder asked for (a code's excerpts, the heat map, the
/// anonymisation findings, the coder's memos); Enter jumps to the excerpt of the selected line where lines name one,
/// Esc closes.
public struct Overlay: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case codeExcerpts(codeID: String)
        /// Reviews against top-level categories, counted from the coder's finished excerpts.
        case heatMap(Matrix)
        /// One reference (`excerpt@offset`) per line, for deciding about the selected finding.
        case findings(references: [String])
        /// The coder's own memos, one per line.
        case memos
    }

    public var kind: Kind
    public var title: String
    public var lines: [String]
    /// The excerpt each line jumps to; empty when the overlay only shows (the heat map scrolls instead).
    public var targets: [String]
    public var selected = 0
    /// The first line shown.
    public var offset = 0

    /// Lines the box can show on a screen of `size` (a frame and a row of margin above and below).
    static func visibleRows(_ size: Size) -> Int { max(1, size.rows - 4) }

    /// The lines as the box shows them: from the offset, the selected one marked.
    var shownLines: [String] {
        guard !targets.isEmpty else { return Array(lines.dropFirst(offset)) }
        return lines.indices.dropFirst(offset).map { ($0 == selected ? "▸ " : "  ") + lines[$0] }
    }

    mutating func move(_ step: Int, rows: Int) {
        if targets.isEmpty {
            offset = min(max(0, offset + step), max(0, lines.count - rows))
            return
        }
        selected = min(max(0, selected + step), lines.count - 1)
        offset =
            ScrollingList(count: lines.count, selected: selected, offset: offset).scrolled(toShowSelectionIn: rows)
            .offset
    }
}

extension CodingScreenState {
    /// Keys while an overlay is open: j/k (and n/p) move, Enter jumps to the selected excerpt, Esc closes.
    mutating func handleOverlay(_ key: Key) {
        guard var open = overlay else { return }
        // The heat map keeps its header line in place.
        let rows = Overlay.visibleRows(size) - (open.targets.isEmpty ? 1 : 0)
        switch key {
        case .escape: overlay = nil
        case .character("j"), .character("n"), .down: open.move(1, rows: rows)
        case .character("k"), .character("p"), .up: open.move(-1, rows: rows)
        case .pageDown, .character(" "): open.move(rows, rows: rows)
        case .pageUp: open.move(-rows, rows: rows)
        case .character("a"):
            guard case .findings(let references) = open.kind else {
                message = "a does nothing here; j/k move, Esc closes"
                return
            }
            startPrompt(.allowFinding(reference: references[open.selected]), text: "")
            return
        case .character("R"):
            guard case .findings(let references) = open.kind else {
                message = "R does nothing here; j/k move, Esc closes"
                return
            }
            startPrompt(.redactFinding(reference: references[open.selected]), text: "")
            return
        case .enter where !open.targets.isEmpty:
            let id = open.targets[open.selected]
            overlay = nil
            if let index = index(ofExcerpt: id) { show(index) }
            message = "showing \(id)"
            return
        default: message = "\(key.notation) does nothing here; j/k move, Esc closes"
        }
        if overlay != nil { overlay = open }
    }
}
