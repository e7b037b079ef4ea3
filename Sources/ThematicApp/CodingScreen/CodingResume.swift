import ThematicCore

/// The coding screen between sessions: what it remembers when it closes (`memory`), and going back there when it
/// opens (`resume`). Whatever of the memory no longer fits the study is let go, and the status line says so; the
/// screen always opens.
extension CodingScreenState {
    /// Where the coder is now, for the next session.
    public var memory: SessionMemory {
        SessionMemory(
            excerptID: currentEntry?.id ?? "", filter: filter.remembered, focus: "\(focus)",
            collapsed: collapsed.sorted(), undo: undoStack, redo: redoStack, memoDraft: memoDraft)
    }

    /// The open memo when it has changed: the screen can end with it open only on a signal (the terminal closed).
    var memoDraft: SessionMemory.MemoDraft? {
        guard memoChanged, let excerptID = currentEntry?.id else { return nil }
        if case .codingMemo(let codeID) = prompt {
            return SessionMemory.MemoDraft(excerptID: excerptID, codeID: codeID, text: field.text)
        }
        return SessionMemory.MemoDraft(excerptID: excerptID, text: field.text)
    }

    /// Returns to where `memory` left the screen, on the excerpt `excerptID` instead when one is asked for (it must
    /// exist: the command checks it). The undo history comes back only if every excerpt it touches is still as it
    /// left it, so an undo never puts back what a codebook merge or split has changed since. `note` (why no memory
    /// could be read) joins what the status line says.
    public mutating func resume(_ memory: SessionMemory?, at excerptID: String? = nil, note: String? = nil) {
        var notes = [message, note].compactMap { $0 }
        if let memory {
            notes += restore(memory, showingItsExcerpt: excerptID == nil)
        }
        if let excerptID, let index = index(ofExcerpt: excerptID) { show(index) }
        if let draft = memory?.memoDraft { notes.append(reopen(draft)) }
        settle()
        message = notes.isEmpty ? nil : notes.joined(separator: " · ")
    }

    /// Opens a memo left unsaved last time on its excerpt, or, when that excerpt or code is gone, says what it was
    /// so the text is not lost without a word.
    private mutating func reopen(_ draft: SessionMemory.MemoDraft) -> String {
        let on = draft.codeID.map { "\(draft.excerptID)'s \($0)" } ?? draft.excerptID
        guard let index = index(ofExcerpt: draft.excerptID) else {
            return
                "your unsaved memo on \(on) is not reopened: the excerpt is no longer in the study; it read: \(draft.text)"
        }
        show(index)
        if let codeID = draft.codeID {
            guard currentDecision?.codes[codeID] != nil else {
                return
                    "your unsaved memo on \(on) is not reopened: the code is no longer applied; it read: \(draft.text)"
            }
            startPrompt(.codingMemo(codeID: codeID), text: draft.text)
        } else {
            startPrompt(.excerptMemo, text: draft.text)
        }
        return "your unsaved memo on \(on) from last time is back"
    }

    /// Restores `memory`, returning what of it could not be.
    private mutating func restore(_ memory: SessionMemory, showingItsExcerpt: Bool) -> [String] {
        var notes: [String] = []
        collapsed = Set(memory.collapsed.filter { tree.node($0) != nil })
        if let pane = Pane.allCases.first(where: { "\($0)" == memory.focus }) {
            focus = layout.isCompact ? .text : pane
        }
        let remembered = ListFilter(memory.filter)
        if remembered != .all {
            let matching = excerpts(matching: remembered)
            if matching.isEmpty {
                notes.append("the list from last time (\(remembered.label ?? "")) matches no excerpt now; listing all")
            } else {
                list.list(matching, for: remembered)
            }
        }
        if showingItsExcerpt {
            if let index = index(ofExcerpt: memory.excerptID) {
                show(index)
            } else {
                notes.append(
                    "\(memory.excerptID), where you were last time, is no longer in the study; showing the first unfinished excerpt"
                )
            }
        }
        if memory.historyApplies(to: decisions) {
            undoStack = memory.undo
            redoStack = memory.redo
        } else {
            notes.append("your undo history from last time is dropped: your codings have changed since")
        }
        return notes
    }
}

extension ListFilter {
    var remembered: SessionMemory.Filter {
        switch self {
        case .all: .all
        case .unfinished: .unfinished
        case .review(let id): .review(id)
        case .code(let id): .code(id)
        case .search(let text): .search(text)
        }
    }

    init(_ remembered: SessionMemory.Filter) {
        switch remembered {
        case .all: self = .all
        case .unfinished: self = .unfinished
        case .review(let id): self = .review(id)
        case .code(let id): self = .code(id)
        case .search(let text): self = .search(text)
        }
    }
}
