import TerminalUI
import ThematicCore

extension CodebookScreenState {
    /// Handles one key: changes the state and returns what the driver must do. `time` only stamps the trial runs
    /// that check a change against the codebook before the note is asked for; the driver stamps the real change.
    public mutating func handle(_ key: Key, at time: String) -> [CodebookEffect] {
        // A new size keeps the message; while the help is shown there is none (the key that opened it cleared it).
        if let effects = answerCommonKey(key) { return effects }
        message = nil
        var effects: [CodebookEffect] = []
        switch mode {
        case .browsing: effects = browse(key, at: time)
        case .choosingField(let code): chooseField(key, code: code)
        case .typing(let prompt): effects = type(key, into: prompt, at: time)
        case .picking(let pick): choose(key, for: pick, at: time)
        case .splitting(let walk): walkSplit(key, walk)
        case .history(let offset): scrollHistory(key, from: offset)
        }
        settle()
        return effects
    }

    /// Lays the screen out again for a new terminal size.
    public mutating func resize(to newSize: Size) {
        size = newSize
        settle()
    }

    func action(for key: Key, in context: CodebookKeyContext) -> CodebookAction? {
        CodebookKeymap.table.action(for: key, in: context)
    }

    mutating func doesNothing(_ key: Key) {
        message = HelpScroll.unbound(key)
    }

    // MARK: Browsing the tree

    private mutating func browse(_ key: Key, at time: String) -> [CodebookEffect] {
        guard let action = action(for: key, in: .tree) else {
            doesNothing(key)
            return []
        }
        if navigate(action) { return [] }
        switch action {
        case .quit: return [.quit]
        case .help: showHelp(at: .tree)
        case .history: mode = .history(offset: 0)
        case .addCode: startAdding(category: false)
        case .addCategory: startAdding(category: true)
        case .undo:
            guard let change = codebook.undoableChange else {
                message = "there is no change to undo"
                break
            }
            askWhy(.edit(.undo, words: "undo revision \(change.revision) (\(change.summary))"))
        default:
            guard let code = cursorCode else {
                message = "the codebook has no code yet; a adds one, A a category"
                break
            }
            change(code, action, at: time)
        }
        return []
    }

    /// The changes made to the code under the cursor.
    private mutating func change(_ code: Code, _ action: CodebookAction, at time: String) {
        switch action {
        case .edit: mode = .choosingField(code: code.id)
        case .rename: startPrompt(.rename(code: code.id), text: code.name)
        case .move: mode = .picking(.newParent(of: code.id))
        case .merge: mode = .picking(.mergeTarget(of: code.id))
        case .reorderDown, .reorderUp: reorder(code, step: action == .reorderDown ? 1 : -1, at: time)
        case .retire: propose(.retire(code.id), words: "retire \(code.id)", at: time)
        case .split:
            guard code.status == .active, code.codable else {
                message =
                    "only an active code that coders apply can be split; \(code.id) is "
                    + (code.codable ? code.status.description : "a category")
                return
            }
            startPrompt(.splitPart(code: code.id, parts: []), text: "")
            message =
                "Name the parts of \(code.id) one at a time: ID=NAME for a new code, or an existing code's id; Enter on an empty line when done"
        default: break
        }
    }

    /// Moves, folds and scrolls shared by browsing and choosing a code; false for any other action.
    private mutating func navigate(_ action: CodebookAction) -> Bool {
        switch action {
        case .down: moveCursor(1)
        case .up: moveCursor(-1)
        case .first: moveCursor(-rows.count)
        case .last: moveCursor(rows.count)
        case .collapse: collapseOrGoToParent()
        case .expand: if let id = cursor { collapsed.remove(id) }
        case .pageDown, .pageUp:
            let page = max(1, layout.detailBody.rows - 1)
            let total = CodebookDetailView.lines(self, width: layout.detailBody.columns).count
            detailScroll = min(
                max(0, detailScroll + (action == .pageDown ? page : -page)), max(0, total - layout.detailBody.rows))
        default: return false
        }
        return true
    }

    private mutating func moveCursor(_ step: Int) {
        let rows = self.rows
        guard let index = rows.firstIndex(where: { $0.id == cursor }) else { return }
        let next = rows[min(max(0, index + step), rows.count - 1)].id
        if next != cursor { detailScroll = 0 }
        cursor = next
    }

    private mutating func collapseOrGoToParent() {
        guard let id = cursor, let code = codes[id] else { return }
        if !codebook.children(of: id).isEmpty && !collapsed.contains(id) {
            collapsed.insert(id)
        } else if let parent = code.parent {
            cursor = parent
            detailScroll = 0
        }
    }

    // MARK: Proposing a change

    /// Checks `edit` against the codebook as the editor will (same rules, nothing written) and asks why; when the
    /// codebook refuses it, says why and leaves the mode as it is, so a typed value can be corrected.
    mutating func propose(_ edit: CodebookEdit, words: String, at time: String) {
        do {
            _ = try codebook.applying(edit, by: editor, at: time)
        } catch {
            message = error.message
            return
        }
        askWhy(.edit(edit, words: words))
    }

    mutating func askWhy(_ change: PendingChange) {
        startPrompt(.note(change), text: "")
    }

    mutating func startPrompt(_ prompt: CodebookPrompt, text: String) {
        mode = .typing(prompt)
        field = TextField(text: text)
    }

    private mutating func reorder(_ code: Code, step: Int, at time: String) {
        let siblings = codebook.children(of: code.parent).map(\.id)
        guard let index = siblings.firstIndex(of: code.id), siblings.indices.contains(index + step) else {
            message = "\(code.id) is already \(step > 0 ? "last" : "first") among its siblings"
            return
        }
        propose(
            .reorder(code.id, position: index + step),
            words: "move \(code.id) \(step > 0 ? "down" : "up") to position \(index + step + 1)", at: time)
    }

    // MARK: Adding

    /// Asks for the id of a new code (in the cursor's category, after the cursor's code) or a new category (after
    /// the cursor's category), offering the next free id where the siblings' ids show a pattern.
    private mutating func startAdding(category: Bool) {
        var parent: String?
        var position: Int?
        var suggestion = ""
        if category {
            // The cursor's category: the category under the cursor, or the one holding the code under it.
            let anchor = cursorCode.map { $0.codable ? ($0.parent.flatMap { codes[$0] } ?? $0) : $0 }
            parent = anchor?.parent
            position = anchor.flatMap { place(of: $0) }
            suggestion = anchor.map(nextLetter(after:)) ?? ""
        } else if let code = cursorCode {
            parent = code.codable ? code.parent : code.id
            position = code.codable ? place(of: code) : nil
            suggestion = parent.map(nextNumberedID(under:)) ?? ""
        }
        startPrompt(.newID(parent: parent, position: position, category: category), text: suggestion)
    }

    /// The position just after `code` among its siblings.
    private func place(of code: Code) -> Int? {
        codebook.children(of: code.parent).firstIndex { $0.id == code.id }.map { $0 + 1 }
    }

    /// `A9` under a category whose codes are A1 to A8; nothing when no child is named that way.
    private func nextNumberedID(under parent: String) -> String {
        let numbered = codebook.children(of: parent).contains { child in
            child.id.hasPrefix(parent) && !child.id.dropFirst(parent.count).isEmpty
                && child.id.dropFirst(parent.count).allSatisfy(\.isNumber)
        }
        guard numbered else { return "" }
        return (1...).lazy.map { parent + String($0) }.first { codes[$0] == nil }!
    }

    /// `H` after categories A to G; nothing for ids other than one capital letter.
    private func nextLetter(after category: Code) -> String {
        let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map(String.init)
        guard let index = letters.firstIndex(of: category.id) else { return "" }
        return letters[(index + 1)...].first { codes[$0] == nil } ?? ""
    }

    // MARK: Typing

    private mutating func type(_ key: Key, into prompt: CodebookPrompt, at time: String) -> [CodebookEffect] {
        switch action(for: key, in: .prompt) {
        case .cancel:
            if case .note(.split(let walk)) = prompt {
                mode = .splitting(walk)
                message = "back to the split of \(walk.code); Esc there abandons it"
            } else {
                mode = .browsing
                message = "cancelled; nothing was changed"
            }
        case .confirm:
            return confirm(prompt, text: field.text.trimmed, at: time)
        case .lineDown where prompt.isLong: field = LongFieldEditor.moved(field, lines: 1, in: size)
        case .lineUp where prompt.isLong: field = LongFieldEditor.moved(field, lines: -1, in: size)
        default: _ = field.handle(key)
        }
        return []
    }

    private mutating func confirm(_ prompt: CodebookPrompt, text: String, at time: String) -> [CodebookEffect] {
        switch prompt {
        case .newID(let parent, let position, let category):
            guard !text.isEmpty else {
                message = "type the new \(category ? "category" : "code")'s id (it never changes), or Esc"
                return []
            }
            // A trial add with the id as its name checks the id alone: its form, and that no code has it.
            do {
                _ = try codebook.applying(
                    .add(Code(id: text, name: text, parent: parent, codable: !category), position: position),
                    by: editor, at: time)
            } catch {
                message = error.message
                return []
            }
            startPrompt(.newName(id: text, parent: parent, position: position, category: category), text: "")
        case .newName(let id, let parent, let position, let category):
            let code = Code(id: id, name: text, parent: parent, codable: !category)
            propose(
                .add(code, position: position), words: "add the \(category ? "category" : "code") \(id) (\(text))",
                at: time)
        case .field(let id, let field):
            propose(
                .edit(id, [field: text.isEmpty ? nil : text]), words: "change the \(field.label) of \(id)", at: time)
        case .rename(let id):
            propose(.rename(id, to: text), words: "rename \(id) to \"\(text)\"", at: time)
        case .splitPart(let id, let parts):
            if text.isEmpty { finishParts(of: id, parts, at: time) } else { addPart(text, of: id, to: parts, at: time) }
        case .note(let change):
            mode = .browsing
            let note = text.isEmpty ? nil : text
            switch change {
            case .edit(let edit, _): return [.apply(edit, note: note)]
            case .split(let walk): return [.split(walk.code, into: walk.parts, assignment: walk.assignment, note: note)]
            }
        }
        return []
    }

    // MARK: Choosing a field, a code

    private mutating func chooseField(_ key: Key, code id: String) {
        switch action(for: key, in: .fields) {
        case .chooseField:
            guard case .character(let digit) = key, let number = digit.wholeNumberValue, let code = codes[id] else {
                return
            }
            let field = CodeField.allCases[number - 1]
            startPrompt(.field(code: id, field), text: field.value(of: code) ?? "")
        case .cancel:
            mode = .browsing
            message = "cancelled; nothing was changed"
        case .help: showHelp(at: .fields)
        default: doesNothing(key)
        }
    }

    private mutating func choose(_ key: Key, for pick: CodebookPick, at time: String) {
        guard let action = action(for: key, in: .picking) else {
            doesNothing(key)
            return
        }
        if navigate(action) { return }
        switch (action, pick) {
        case (.choose, .newParent(let id)):
            guard let target = cursor else { return }
            propose(.move(id, parent: target, position: nil), words: "move \(id) under \(target)", at: time)
        case (.choose, .mergeTarget(let id)):
            guard let target = cursor else { return }
            propose(.merge(id, into: target), words: "merge \(id) into \(target)", at: time)
        case (.chooseTopLevel, .newParent(let id)):
            propose(.move(id, parent: nil, position: nil), words: "move \(id) to the top level", at: time)
        case (.chooseTopLevel, .mergeTarget):
            message = "a code merges into another code, not into the top level; Esc cancels"
        case (.cancel, _):
            mode = .browsing
            show(pick.code)
            message = "cancelled; nothing was changed"
        case (.help, _): showHelp(at: .picking)
        default: doesNothing(key)
        }
    }

    // MARK: History

    private mutating func scrollHistory(_ key: Key, from offset: Int) {
        let total = CodebookHistoryView.lines(self).count
        let page = CodebookHistoryView.visibleRows(size)
        let last = max(0, total - page)
        switch action(for: key, in: .history) {
        case .down: mode = .history(offset: min(offset + 1, last))
        case .up: mode = .history(offset: max(0, offset - 1))
        case .pageDown: mode = .history(offset: min(offset + page, last))
        case .pageUp: mode = .history(offset: max(0, offset - page))
        case .close: mode = .browsing
        case .help: showHelp(at: .history)
        default: doesNothing(key)
        }
    }
}
