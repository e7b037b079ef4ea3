import TerminalUI
import ThematicCore

extension CodingScreenState {
    /// Handles one key: changes the state and returns the effects to run, writes first. `time` stamps any decision
    /// this key makes (ISO 8601, from `Timestamp.now()` in the app, fixed in tests).
    public mutating func handle(_ key: Key, at time: String) -> [CodingEffect] {
        message = nil
        if let effects = keepOpenMemo(key, at: time) { return effects }
        if let effects = answerCommonKey(key) { return effects }
        if let pending = pendingRemoval {
            pendingRemoval = nil
            return answer(pending, with: key)
        }
        // A prompt opened from an overlay (the reason for allowing a finding) takes the keys first.
        if let prompt {
            let effects = handlePrompt(prompt, key: key, at: time)
            settle()
            return effects
        }
        if overlay != nil {
            handleOverlay(key)
            return []
        }
        if let codeID = tree.codeByHotkey[key] {
            let effects = toggle(codeID, at: time)
            settle()
            return effects
        }
        guard let action = CodingKeymap.table.action(for: key, in: keyContext) else {
            typedNumber = ""
            message = HelpScroll.unbound(key)
            return []
        }
        // `f` keeps a typed number, so it can say the number is not applied yet instead of throwing it away.
        if ![.typeDigit, .toggleTypedNumber, .toggleCode, .finish, .clearTyping].contains(action) { typedNumber = "" }
        let effects = perform(action, key: key, at: time)
        settle()
        return effects
    }

    /// Where the keys go: the focused pane's bindings, then those that work anywhere.
    var keyContext: CodingKeyContext {
        switch focus {
        case .list: .list
        case .text: .text
        case .codes: .codes
        }
    }

    /// Lays the screen out again for a new terminal size.
    public mutating func resize(to newSize: Size) {
        size = newSize
        settle()
    }

    private mutating func perform(_ action: CodingAction, key: Key, at time: String) -> [CodingEffect] {
        switch action {
        case .quit: return [.quit]
        case .help: showHelp(at: keyContext)
        case .nextPane: focus = layout.isCompact ? .text : Pane.allCases[(Pane.allCases.firstIndex(of: focus)! + 1) % 3]
        case .previousPane:
            focus = layout.isCompact ? .text : Pane.allCases[(Pane.allCases.firstIndex(of: focus)! + 2) % 3]
        case .nextExcerpt: move(1)
        case .previousExcerpt: move(-1)
        case .nextUnfinished: goToUnfinished(step: 1)
        case .previousUnfinished: goToUnfinished(step: -1)
        case .firstExcerpt: if let first = visible.first { show(first) }
        case .lastExcerpt: if let last = visible.last { show(last) }
        case .nextReview: jumpReview(step: 1)
        case .previousReview: jumpReview(step: -1)
        case .pageDown: scrollText(by: max(1, layout.textBody.rows - 1))
        case .pageUp: scrollText(by: -max(1, layout.textBody.rows - 1))
        case .moveDown, .moveUp:
            let step = action == .moveDown ? 1 : -1
            switch focus {
            case .list: move(step)
            case .text: scrollText(by: step)
            case .codes: moveTreeCursor(step)
            }
        case .definitionDown: scrollDefinition(by: 1)
        case .definitionUp: scrollDefinition(by: -1)
        case .collapse: collapseOrGoToParent()
        case .expand: if let id = treeCursor { collapsed.remove(id) }
        case .toggleCode:
            if !typedNumber.isEmpty { return toggleTypedNumber(at: time) }
            if let id = treeCursor { return toggle(id, at: time) }
        case .toggleTypedNumber: return toggleTypedNumber(at: time)
        case .typeDigit:
            if case .character(let digit) = key { typedNumber.append(digit) }
            message = typedNumberHint
        case .clearTyping:
            let cleared = [
                typedNumber.isEmpty ? nil : "cleared the code number \(typedNumber)",
                selectionAnchor == nil ? nil : "dropped the selection",
            ].compactMap { $0 }
            message = cleared.isEmpty ? "nothing to clear" : cleared.joined(separator: " and ")
            typedNumber = ""
            selectionAnchor = nil
        case .filterCodes: startPrompt(.codeFilter, text: codeFilter)
        case .finish: return finish(at: time)
        case .unfinish: return unfinish(at: time)
        case .undo: return undo()
        case .redo: return redo()
        case .search: startPrompt(.search, text: "")
        case .showUnfinished: setFilter(.unfinished)
        case .showReview: if let entry = currentEntry { setFilter(.review(entry.reviewID)) }
        case .showCode: if let id = treeCursor { setFilter(.code(id)) }
        case .toggleListCodes:
            listShowsCodeIDs.toggle()
            message = listShowsCodeIDs ? "the list shows each excerpt's codes" : "the list shows how many codes"
        case .applyRecent:
            guard case .function(let number) = key, let id = recent.code(onKey: number) else {
                message = "no recent code on \(key.notation) yet: the codes you apply fill F1 to F9"
                break
            }
            return toggle(id, at: time)
        case .showAll: setFilter(.all)
        case .showCodeExcerpts:
            guard let id = treeCursor else { break }
            overlay = CodeExcerptsView.overlay(for: id, in: self)
            if overlay == nil { message = "none of your excerpts carries \(id)" }
        case .showHeatMap:
            switch HeatMapView.overlay(in: self) {
            case .success(let map):
                overlay = map
                if map == nil { message = "finish an excerpt first; the heat map counts finished excerpts" }
            case .failure(let error): message = "no heat map: \(error)"
            }
        case .showFindings:
            return [.checkFindings]
        case .showMemos:
            overlay = MemosView.overlay(in: self)
            if overlay == nil {
                message = "you have written no memo yet; m writes one on the excerpt, M on an applied code"
            }
        case .memoOnExcerpt:
            guard currentEntry != nil else { break }
            startPrompt(.excerptMemo, text: currentDecision?.memo ?? "")
        case .memoOnCoding:
            guard let id = treeCursor, let applied = currentDecision?.codes[id] else {
                message = "apply the code under the tree cursor first; a memo belongs to an applied code"
                break
            }
            startPrompt(.codingMemo(codeID: id), text: applied.memo ?? "")
        case .wordLeft: moveWordCursor(to: wordCursor - 1)
        case .wordRight: moveWordCursor(to: wordCursor + 1)
        case .sentenceLeft:
            moveWordCursor(to: ExcerptWords(currentExcerpt?.text ?? "").sentenceStart(from: wordCursor, step: -1))
        case .sentenceRight:
            moveWordCursor(to: ExcerptWords(currentExcerpt?.text ?? "").sentenceStart(from: wordCursor, step: 1))
        case .selectFromHere:
            selectionAnchor = selectionAnchor == nil ? wordCursor : nil
            if selectionAnchor == nil { message = "dropped the selection" }
        case .selectSentence:
            if let sentence = ExcerptWords(currentExcerpt?.text ?? "").sentence(containing: wordCursor) {
                selectionAnchor = sentence.lowerBound
                wordCursor = sentence.upperBound
            }
        case .narrowToSelection: return narrowToSelection(at: time)
        case .removeSpan: return removeSpan(at: time)
        case .confirmPrompt, .cancelPrompt, .saveMemo, .discardMemo, .keepEditing: break
        }
        return []
    }

    // MARK: Moving between excerpts

    /// Shows the entry at `index`, starting its text from the top.
    mutating func show(_ index: Int) {
        guard index != list.current else { return }
        list.current = index
        textScroll = 0
        wordCursor = 0
        selectionAnchor = nil
    }

    private mutating func move(_ rows: Int) {
        if let target = list.item(movedBy: rows) { show(target) }
    }

    private mutating func goToUnfinished(step: Int) {
        guard !visible.isEmpty else { return }
        if let target = list.nextItem(step: step, where: unfinishedTest()) {
            show(target)
        } else {
            message = "every excerpt listed is finished"
        }
    }

    private mutating func jumpReview(step: Int) {
        guard let review = currentEntry?.reviewID else { return }
        if step > 0 {
            if let next = visible.first(where: { $0 > current && entries[$0].reviewID != review }) { show(next) }
        } else {
            let earlier = visible.filter { $0 < current && entries[$0].reviewID != review }
            if let last = earlier.last {
                let target = entries[last].reviewID
                show(earlier.first { entries[$0].reviewID == target } ?? last)
            }
        }
    }

    private mutating func scrollDefinition(by lines: Int) {
        let total = CodingScreenView.definitionLineCount(self)
        let last = max(0, total - layout.definitionBody.rows)
        if total == 0 || layout.definitionBody.isEmpty || (layout.listSharesCodesColumn && focus == .list) {
            message = "J and K scroll the definition under the codes tree, which is not on screen now"
        } else if last == 0 {
            message = "the whole definition is shown"
        }
        definitionScroll = min(max(0, definitionScroll + lines), last)
    }

    private mutating func scrollText(by lines: Int) {
        let total = ExcerptTextView.lines(for: self).count
        textScroll = min(max(0, textScroll + lines), max(0, total - layout.textBody.rows))
    }

    private mutating func moveWordCursor(to word: Int) {
        let words = ExcerptWords(currentExcerpt?.text ?? "")
        guard !words.words.isEmpty else { return }
        wordCursor = min(max(0, word), words.words.count - 1)
        let start = ExcerptTextView.textStart(for: self)
        let row =
            start
            + TextWrap.position(ofOffset: words.words[wordCursor].lowerBound, in: ExcerptTextView.wrapped(for: self))
            .row
        let height = max(1, layout.textBody.rows)
        // Back at the text's first line, the applied codes above it come back into view too.
        if row < textScroll {
            textScroll = row == start ? 0 : row
        } else if row >= textScroll + height {
            textScroll = row - height + 1
        }
    }

    /// Indices into `entries` of the excerpts `filter` lists.
    func excerpts(matching filter: ListFilter) -> [Int] {
        switch filter {
        case .all: return Array(entries.indices)
        case .unfinished: return entries.indices.filter { !isFinished($0) }
        case .review(let id): return entries.indices.filter { entries[$0].reviewID == id }
        case .code(let id):
            // A category lists the excerpts carrying any code under it.
            let codes = Set([id] + tree.descendants(of: id).map(\.id))
            return entries.indices.filter { index in
                decisions[entries[index].id]?.codes.keys.contains(where: codes.contains) == true
            }
        case .search(let text):
            let needle = text.lowercased()
            // The coder's own memos count too, so a note like "ask the lead" finds its excerpt.
            return entries.indices.filter { index in
                let id = entries[index].id
                if corpus.excerpt(id)?.text.lowercased().contains(needle) == true { return true }
                guard let decision = decisions[id] else { return false }
                return ([decision.memo] + decision.codes.values.map(\.memo)).contains {
                    $0?.lowercased().contains(needle) == true
                }
            }
        }
    }

    private mutating func setFilter(_ newFilter: ListFilter) {
        let matching = excerpts(matching: newFilter)
        if matching.isEmpty && newFilter != .all {
            message = "no excerpt matches \(newFilter.label ?? ""); the list is unchanged"
            return
        }
        list.list(matching, for: newFilter)
        if listSelection == nil, let first = visible.first { show(first) }
        message = newFilter.label.map { "listing \(visible.count) excerpts: \($0)" } ?? "listing all excerpts"
    }

    // MARK: The codebook tree

    private mutating func moveTreeCursor(_ step: Int) {
        if let target = codeCursor.item(movedBy: step) { codeCursor.current = target }
    }

    private mutating func collapseOrGoToParent() {
        guard let id = treeCursor, let node = tree.node(id) else { return }
        if node.hasChildren && !collapsed.contains(id) && codeFilter.isEmpty {
            collapsed.insert(id)
        } else if let parent = node.parent.flatMap(tree.node) {
            codeCursor.current = parent.index
        }
    }

    // MARK: Coding

    func fresh(_ decision: ExcerptCoding?, at time: String) -> ExcerptCoding {
        var result = decision ?? ExcerptCoding(finished: false, updated: time, codebookRevision: codebook.revision)
        result.updated = time
        result.codebookRevision = codebook.revision
        return result
    }

    /// Nil when nothing is left to keep, so the excerpt goes back to "not coded yet".
    func kept(_ decision: ExcerptCoding) -> ExcerptCoding? {
        decision.finished || !decision.codes.isEmpty || decision.memo != nil ? decision : nil
    }

    /// Applies a code, or removes it (asking first when that would change finished work or lose spans or a memo).
    /// With a selection, applies the code to the selection instead. Either way the tree cursor goes to the code, so
    /// `+` and `-` act on it next.
    mutating func toggle(_ codeID: String, at time: String) -> [CodingEffect] {
        guard let entry = currentEntry, let code = tree.entry(codeID)?.code else { return [] }
        guard code.codable else {
            message = "\(code.id) is a category; apply one of its codes"
            return []
        }
        pointTreeCursor(at: codeID)
        if selectionAnchor != nil {
            recent.use(codeID)
            return applyToSelection(codeID, at: time)
        }
        var decision = fresh(currentDecision, at: time)
        guard decision.codes[codeID] != nil else {
            decision.codes[codeID] = AppliedCode()
            recent.use(codeID)
            return [change(entry.id, to: decision, summary: "applied \(code.id) to \(entry.id)")]
        }
        return remove(codeID, from: entry.id, decision: decision)
    }

    private mutating func toggleTypedNumber(at time: String) -> [CodingEffect] {
        defer { typedNumber = "" }
        guard !typedNumber.isEmpty else {
            message = "type a code's number first, then Enter"
            return []
        }
        guard let id = typedCode else {
            message = "no code has number \(typedNumber)"
            return []
        }
        return toggle(id, at: time)
    }

    private mutating func finish(at time: String) -> [CodingEffect] {
        guard typedNumber.isEmpty else {
            let code = typedCode.map { " (\($0))" } ?? ""
            message =
                "not finished: code number \(typedNumber)\(code) is typed but not applied; Enter applies it, Esc clears it"
            return []
        }
        guard let entry = currentEntry else { return [] }
        var decision = fresh(currentDecision, at: time)
        decision.finished = true
        let codes = decision.codes.count
        let done =
            "finished \(entry.id) with " + (codes == 0 ? "no code applying" : "\(codes) code\(codes == 1 ? "" : "s")")
        let effect = change(entry.id, to: decision, summary: done)
        // On in reading order, never back to the top: the next unfinished excerpt listed after this one.
        let listed = list.filter.label.map { " in the list \($0)" } ?? ""
        let isUnfinished = unfinishedTest()
        if let next = list.nearestItem(step: 1, where: isUnfinished) {
            show(next)
            message = done + (listed.isEmpty ? "" : "; next unfinished\(listed): \(entries[next].id)")
        } else if visible.contains(where: isUnfinished) {
            message =
                done
                + "; no unfinished excerpt after it\(listed.isEmpty ? "" : " in this list") (] goes round to those before it)"
        } else {
            message = done + (listed.isEmpty ? "" : "; every excerpt listed is finished")
        }
        return [effect]
    }

    private mutating func unfinish(at time: String) -> [CodingEffect] {
        guard let entry = currentEntry, currentDecision?.finished == true else {
            message = "this excerpt is not finished"
            return []
        }
        var decision = fresh(currentDecision, at: time)
        decision.finished = false
        return [change(entry.id, to: kept(decision), summary: "marked \(entry.id) not finished")]
    }

    private mutating func undo() -> [CodingEffect] {
        guard let last = undoStack.popLast() else {
            message = "nothing to undo"
            return []
        }
        redoStack.append(last)
        return put(last.before, back: last, saying: "undid")
    }

    private mutating func redo() -> [CodingEffect] {
        guard let next = redoStack.popLast() else {
            message = "nothing to redo"
            return []
        }
        undoStack.append(next)
        return put(next.after, back: next, saying: "redid")
    }

    /// Shows the excerpt `change` was on and records `decision` for it (the change's before or after), naming it.
    private mutating func put(_ decision: ExcerptCoding?, back change: CodingChange, saying verb: String)
        -> [CodingEffect]
    {
        if let index = index(ofExcerpt: change.excerptID) { show(index) }
        replace(change.excerptID, with: decision)
        message = "\(verb): \(change.summary)"
        return [.record(excerptID: change.excerptID, decision: decision)]
    }

    // MARK: Spans

    /// The selected words as a span of scalar offsets: from the anchor to the word cursor, or the cursor's word.
    public var selectedSpan: TextSpan? {
        let words = ExcerptWords(currentExcerpt?.text ?? "").words
        guard words.indices.contains(wordCursor) else { return nil }
        let anchor = selectionAnchor.flatMap { words.indices.contains($0) ? $0 : nil } ?? wordCursor
        let first = min(anchor, wordCursor), last = max(anchor, wordCursor)
        return TextSpan(start: words[first].lowerBound, end: words[last].upperBound)
    }

    private mutating func narrowToSelection(at time: String) -> [CodingEffect] {
        guard let id = treeCursor, let code = tree.entry(id)?.code, code.codable else {
            message = "put the tree cursor on the code to narrow (applying a code puts it there)"
            return []
        }
        return applyToSelection(id, at: time)
    }

    private mutating func removeSpan(at time: String) -> [CodingEffect] {
        guard let entry = currentEntry,
            let word = ExcerptWords(currentExcerpt?.text ?? "").words.dropFirst(wordCursor).first,
            let id = treeCursor, var applied = currentDecision?.codes[id]
        else {
            message = "put the tree cursor on an applied code and the word cursor in its span"
            return []
        }
        let before = applied.spans.count
        applied.spans.removeAll { $0.start < word.upperBound && word.lowerBound < $0.end }
        guard applied.spans.count < before else {
            message = "no span of \(id) under the word cursor"
            return []
        }
        var decision = fresh(currentDecision, at: time)
        guard applied.spans.isEmpty else {
            decision.codes[id] = applied
            return [change(entry.id, to: decision, summary: "removed a span of \(id) on \(entry.id)")]
        }
        return remove(id, from: entry.id, decision: decision)
    }

    // MARK: Prompts and help

    mutating func startPrompt(_ kind: Prompt, text: String) {
        prompt = kind
        field = TextField(text: text)
        if kind == .codeFilter && !layout.isCompact { focus = .codes }
    }

    private mutating func handlePrompt(_ kind: Prompt, key: Key, at time: String) -> [CodingEffect] {
        switch CodingKeymap.table.action(for: key, in: .prompt) {
        case .cancelPrompt:
            if kind.isMemo && memoChanged {
                memoQuestion = .leaving
                return []
            }
            if kind == .codeFilter {
                codeCursor.filter = ""
                filterExpanded = []
            }
            prompt = nil
        case .confirmPrompt:
            if kind == .codeFilter && !codeFilter.trimmed.isEmpty && openCategoryInFilter() { break }
            prompt = nil
            return confirm(kind, text: field.text, at: time)
        case .moveDown where kind == .codeFilter: moveTreeCursor(1)
        case .moveUp where kind == .codeFilter: moveTreeCursor(-1)
        case .moveDown where kind.isMemo: field = LongFieldEditor.moved(field, lines: 1, in: size)
        case .moveUp where kind.isMemo: field = LongFieldEditor.moved(field, lines: -1, in: size)
        default:
            if key == .character(" ") { field.insert(" ") } else { _ = field.handle(key) }
            if kind == .codeFilter && field.text != codeFilter {
                // A new filter ranks anew: the cursor goes to the best codable match.
                codeCursor.filter = field.text
                filterExpanded = []
                codeCursor.current = nil
            }
        }
        return []
    }

    /// Enter on a category while a filter is typed: its codes show under it and the cursor goes to the first; the
    /// filter stays (a category with no code stays as it is). False when the cursor is on a code (Enter applies it).
    private mutating func openCategoryInFilter() -> Bool {
        guard let id = treeCursor, let node = tree.node(id), !node.item.code.codable else { return false }
        if let first = tree.descendants(of: id).first(where: \.item.code.codable) {
            filterExpanded.insert(id)
            codeCursor.current = first.index
        }
        return true
    }

    mutating func confirm(_ kind: Prompt, text: String, at time: String) -> [CodingEffect] {
        let trimmed = text.trimmed
        switch kind {
        case .codeFilter:
            codeCursor.filter = ""
            filterExpanded = []
            guard !trimmed.isEmpty, let id = treeCursor else { return [] }
            return toggle(id, at: time)
        case .search:
            if !trimmed.isEmpty { setFilter(.search(trimmed)) }
            return []
        case .excerptMemo:
            guard let entry = currentEntry else { return [] }
            var decision = fresh(currentDecision, at: time)
            decision.memo = trimmed.isEmpty ? nil : trimmed
            return [
                change(
                    entry.id, to: kept(decision),
                    summary: trimmed.isEmpty ? "removed the memo on \(entry.id)" : "saved the memo on \(entry.id)")
            ]
        case .codingMemo(let id):
            guard let entry = currentEntry, var decision = currentDecision, decision.codes[id] != nil else { return [] }
            decision = fresh(decision, at: time)
            decision.codes[id]?.memo = trimmed.isEmpty ? nil : trimmed
            return [
                change(
                    entry.id, to: decision,
                    summary: trimmed.isEmpty
                        ? "removed the memo on \(id) on \(entry.id)" : "saved the memo on \(id) on \(entry.id)")
            ]
        case .allowFinding(let reference):
            guard !trimmed.isEmpty else {
                message = "nothing recorded: allowing a finding needs a reason"
                return []
            }
            return [.allowFinding(reference: reference, why: trimmed)]
        case .redactFinding(let reference):
            guard !trimmed.isEmpty else {
                message = "nothing redacted: a redaction needs a reason"
                return []
            }
            return [.redactFinding(reference: reference, why: trimmed)]
        }
    }
}
