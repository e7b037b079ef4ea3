import TerminalUI
import ThematicCore

/// The keys of a split: naming its parts, then walking every excerpt coded with the old code.
extension CodebookScreenState {
    /// The codebook with the split's new parts added, as the editor adds them: each checked by the same rules.
    private func adding(_ parts: [Code], at time: String) throws(CodebookEditError) -> Codebook {
        var book = codebook
        for part in parts where book.code(part.id) == nil { book = try book.applying(.add(part), by: editor, at: time) }
        return book
    }

    mutating func addPart(_ text: String, of id: String, to parts: [Code], at time: String) {
        guard parts.count < 9 else {
            message = "a split has at most nine parts (the keys 1-9 give them); Enter alone goes on with \(parts.count)"
            return
        }
        let part: Code
        if let equals = text.firstIndex(of: "=") {
            let partID = String(text[..<equals]).trimmed
            let old = codes[id]
            part = Code(
                id: partID, name: String(text[text.index(after: equals)...]).trimmed, parent: old?.parent,
                colour: old?.colour)
        } else if let existing = codes[text] {
            part = existing
        } else {
            message = "no code \(text): write ID=NAME for a new code, or the id of an existing one"
            return
        }
        guard !parts.contains(where: { $0.id == part.id }) else {
            message = "\(part.id) is a part already"
            return
        }
        do {
            _ = try adding(parts + [part], at: time)
        } catch {
            message = error.message
            return
        }
        startPrompt(.splitPart(code: id, parts: parts + [part]), text: "")
        message = "part \(parts.count + 1): \(part.id) \(part.name)" + (codes[part.id] == nil ? " (new)" : "")
    }

    mutating func finishParts(of id: String, _ parts: [Code], at time: String) {
        do {
            _ = try adding(parts, at: time).applying(
                .split(id, into: parts.map(\.id), assignment: [:]), by: editor, at: time)
        } catch {
            message = error.message
            return
        }
        let walk = SplitWalk(code: id, parts: parts, study: study)
        if walk.items.isEmpty {
            askWhy(.split(walk))
            message = "nobody has applied \(id), so no excerpt needs reassigning"
        } else {
            mode = .splitting(walk)
            message =
                "\(walk.items.count) excerpt\(walk.items.count == 1 ? "" : "s") coded \(id): give each its parts with 1-\(parts.count), n and p move, Enter applies"
        }
    }

    mutating func walkSplit(_ key: Key, _ walk: SplitWalk) {
        var walk = walk
        defer { if case .splitting = mode { mode = .splitting(walk) } }
        let action = action(for: key, in: .split)
        switch action {
        case .togglePart:
            if case .character(let digit) = key, let number = digit.wholeNumberValue {
                message = walk.toggle(part: number)
            }
        case .nextExcerpt: walk.step(1)
        case .previousExcerpt: walk.step(-1)
        case .nextUnassigned:
            if !walk.goToUnassigned() { message = "every excerpt has a part; Enter applies the split" }
        case .scrollDown, .scrollUp:
            let total = SplitWalkView.textLines(walk, in: self).count
            let shown = SplitWalkView.textRows(walk, in: self)
            walk.scroll = min(max(0, walk.scroll + (action == .scrollDown ? 1 : -1)), max(0, total - shown))
        case .applySplit:
            guard walk.isComplete else {
                let missing = walk.items.count - walk.assignedCount
                walk.current = walk.items.firstIndex { walk.assignment[$0.excerptID]?.isEmpty ?? true } ?? walk.current
                walk.scroll = 0
                message =
                    "\(walk.assignedCount) of \(walk.items.count) assigned: \(missing) excerpt\(missing == 1 ? " has" : "s have") no part yet (here is \(walk.currentItem?.excerptID ?? "")); nothing is dropped silently"
                return
            }
            askWhy(.split(walk))
        case .abandonSplit:
            mode = .browsing
            message = "the split of \(walk.code) was abandoned; nothing was written"
        case .help: showHelp(at: .split)
        default: doesNothing(key)
        }
    }
}
