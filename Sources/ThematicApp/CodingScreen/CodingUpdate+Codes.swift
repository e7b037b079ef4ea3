import TerminalUI
import ThematicCore

/// Applying and removing codes so that no slip changes work silently: removals that would change a finished excerpt
/// or lose spans or a memo ask first, a selection takes the code as a span, and the status line names the code a
/// typed number stands for.
extension CodingScreenState {
    /// Removes `codeID` from the excerpt's (fresh) `decision`, or asks first when the excerpt is finished or the code
    /// carries spans or a memo. When the last code of a finished excerpt goes, the excerpt is no longer finished: it
    /// never turns into "no code applies" (a real value for agreement) without the coder pressing `f` for it.
    mutating func remove(_ codeID: String, from excerptID: String, decision: ExcerptCoding) -> [CodingEffect] {
        guard let applied = decision.codes[codeID] else { return [] }
        var after = decision
        after.codes[codeID] = nil
        let lastOfFinished = after.finished && after.codes.isEmpty
        if lastOfFinished { after.finished = false }
        let summary =
            "removed \(codeID) from \(excerptID)"
            + (lastOfFinished ? "; with no code left it is not finished (f finishes it as \"no code applies\")" : "")
        let carried = [
            applied.spans.isEmpty ? nil : "\(applied.spans.count) span\(applied.spans.count == 1 ? "" : "s")",
            applied.memo == nil ? nil : "memo",
        ].compactMap { $0 }
        guard decision.finished || !carried.isEmpty else {
            return [change(excerptID, to: kept(after), summary: summary)]
        }
        let what = carried.isEmpty ? codeID : "\(codeID) (\(carried.joined(separator: ", ")))"
        let question =
            "Remove \(what) from \(decision.finished ? "finished " : "")\(excerptID)? y/n"
            + (lastOfFinished ? " (its last code: the excerpt goes back to not finished)" : "")
        pendingRemoval = PendingRemoval(
            excerptID: excerptID, codeID: codeID, after: kept(after), question: question, summary: summary)
        return []
    }

    /// The coder's answer to a removal question: y removes, any other key keeps the code and does nothing else.
    mutating func answer(_ pending: PendingRemoval, with key: Key) -> [CodingEffect] {
        guard key == .character("y") || key == .character("Y") else {
            message = "kept \(pending.codeID) on \(pending.excerptID)"
            return []
        }
        let effect = change(pending.excerptID, to: pending.after, summary: pending.summary)
        settle()
        return [effect]
    }

    /// Applies a code to the selection as a span: applies it there when it was not applied, narrows it when it
    /// applied to the whole excerpt, adds a span when it had others. Never removes anything.
    mutating func applyToSelection(_ codeID: String, at time: String) -> [CodingEffect] {
        guard let entry = currentEntry, let span = selectedSpan else { return [] }
        var decision = fresh(currentDecision, at: time)
        let before = decision.codes[codeID]
        var applied = before ?? AppliedCode()
        let length = "\(span.end - span.start) characters"
        guard !applied.spans.contains(span) else {
            message = "\(codeID) already has this span on \(entry.id)"
            return []
        }
        applied.spans = (applied.spans + [span]).sorted()
        decision.codes[codeID] = applied
        selectionAnchor = nil
        let summary =
            switch before {
            case nil: "applied \(codeID) to \(length) of \(entry.id)"
            case let whole? where whole.spans.isEmpty: "narrowed \(codeID) to \(length) of \(entry.id)"
            default: "added a span of \(length) to \(codeID) on \(entry.id)"
            }
        return [change(entry.id, to: decision, summary: summary)]
    }

    /// Puts the codes pane's cursor on a code, unfolding its categories, so `+`, `-` and `M` act on it next.
    mutating func pointTreeCursor(at codeID: String) {
        guard let node = tree.node(codeID) else { return }
        var parent = node.parent
        while let id = parent, let ancestor = tree.node(id) {
            collapsed.remove(id)
            parent = ancestor.parent
        }
        codeCursor.current = node.index
    }

    /// The code the typed number stands for, if any.
    var typedCode: String? { Int(typedNumber).flatMap { tree.codeByNumber[$0] } }

    /// What Enter will do with the number typed so far, naming the code: "3: A3 Failure to share… — Enter applies it".
    var typedNumberHint: String {
        guard let id = typedCode, let code = tree.entry(id)?.code else {
            return "\(typedNumber): no code has this number; type more digits, or Esc clears it"
        }
        let does =
            selectionAnchor != nil
            ? "Enter applies it to the selection"
            : currentDecision?.codes[id] == nil ? "Enter applies it" : "Enter removes it"
        return "\(typedNumber): \(id) \(DisplayWidth.truncate(code.name, toWidth: 32)) — \(does)"
    }

    /// The selection as the status line shows it: its length and first words.
    var selectionSummary: String? {
        guard selectionAnchor != nil, let span = selectedSpan, let text = currentExcerpt?.text else { return nil }
        let scalars = Array(text.unicodeScalars)[span.start..<span.end]
        let words = String(String.UnicodeScalarView(scalars)).split(whereSeparator: \.isWhitespace)
        let opening = words.prefix(4).joined(separator: " ") + (words.count > 4 ? "…" : "")
        return "selected \(span.end - span.start) characters: “\(opening)”"
    }
}
