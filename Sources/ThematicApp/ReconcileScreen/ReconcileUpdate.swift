import TerminalUI
import ThematicCore

extension ReconcileState {
    /// Handles one key: changes the state and returns the effects to run. A decision is only asked for here; the
    /// driver records it and reports back with `recorded` or `refused`, so the screen never shows as decided what is
    /// not on disk.
    public mutating func handle(_ key: Key) -> [ReconcileEffect] {
        message = nil
        // The help and the agreement table are never shown together: `?` on the table opens the table's own help.
        if let effects = answerCommonKey(key) { return effects }
        if agreementShown { return handleAgreement(key) }
        let effects: [ReconcileEffect]
        switch mode {
        case .browsing: effects = browse(key)
        case .confirmingReplace(let kind): effects = confirmReplace(kind, key: key)
        case .picking(let picker, let replacing): effects = pick(picker, replacing: replacing, key: key)
        case .writingNote(let pending): effects = writeNote(pending, key: key)
        }
        settle()
        return effects
    }

    /// Lays the queue out again for a new terminal size, and the agreement table when it was opened.
    public mutating func resize(to newSize: Size) {
        size = newSize
        agreement?.resize(to: newSize)
        settle()
    }

    // MARK: Walking the queue

    private mutating func browse(_ key: Key) -> [ReconcileEffect] {
        guard let action = ReconcileKeymap.table.action(for: key, in: .queue) else {
            message = HelpScroll.unbound(key)
            return []
        }
        let page = max(1, layout.detailBody.rows - 1)
        switch action {
        case .quit: return [.quit]
        case .help: showHelp(at: .queue)
        case .next: move(1)
        case .previous: move(-1)
        case .nextToDecide: goToUndecided(step: 1)
        case .previousToDecide: goToUndecided(step: -1)
        case .first: if let first = visible.first { show(first) }
        case .last: if let last = visible.last { show(last) }
        case .scrollDown: scrollDetail(by: 1)
        case .scrollUp: scrollDetail(by: -1)
        case .pageDown: scrollDetail(by: page)
        case .pageUp: scrollDetail(by: -page)
        case .nextCode: focusCode(step: 1)
        case .previousCode: focusCode(step: -1)
        case .acceptCoder:
            guard case .character(let digit) = key, let column = digit.wholeNumberValue else { break }
            acceptCoder(inColumn: column)
        case .union: start(.union)
        case .intersection: start(.intersection)
        case .edit: start(.edit)
        case .showToDecide: setFilter(.toDecide)
        case .showStale: setFilter(.stale)
        case .showAgreement:
            if agreement == nil { return [.openAgreement] }
            agreementShown = true
        case .showAll: setFilter(.all)
        default: break
        }
        return []
    }

    private mutating func move(_ rows: Int) {
        if let target = list.item(movedBy: rows) { show(target) }
    }

    private mutating func goToUndecided(step: Int) {
        if let target = listedToDecide(step: step) {
            show(target)
        } else {
            message =
                currentItem.map { $0.state != .decided } == true
                ? "this is the only excerpt still to decide in the list" : "nothing left to decide in the list"
        }
    }

    private mutating func scrollDetail(by lines: Int) {
        let total = ReconcileDetailView.lines(for: self, width: max(1, layout.detailBody.columns)).count
        detailScroll = min(max(0, detailScroll + lines), max(0, total - layout.detailBody.rows))
    }

    private mutating func focusCode(step: Int) {
        let codes = currentItem?.definitions.map(\.id) ?? []
        guard !codes.isEmpty else {
            message = "no code is involved in this excerpt"
            return
        }
        let index = focusedCode.flatMap { codes.firstIndex(of: $0) } ?? (step > 0 ? -1 : codes.count)
        let next = index + step
        focusedCode = codes.indices.contains(next) ? codes[next] : nil
        message = focusedCode.map { "highlighting \($0)'s spans and definition" } ?? "no code highlighted"
    }

    // MARK: Deciding

    private mutating func acceptCoder(inColumn column: Int) {
        let coders = reconciliation.coders
        guard coders.indices.contains(column - 1) else {
            message =
                "there is no coder in column \(column) (\(coders.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: ", ")))"
            return
        }
        start(.accept(coder: coders[column - 1]))
    }

    /// First step of a decision: checks it can be made and asks before replacing a current decision.
    private mutating func start(_ kind: DecisionKind) {
        guard let item = currentItem else {
            message = "there is nothing to decide"
            return
        }
        guard item.codings.count >= 2 else {
            message =
                "\(item.excerpt.id) is no longer finished by two or more of the coders; there is nothing to reconcile"
            return
        }
        if case .accept(let coder) = kind, !item.codings.contains(where: { $0.coder == coder }) {
            message =
                "\(coder) did not finish \(item.excerpt.id); accept one of \(item.codings.map(\.coder).joined(separator: ", "))"
            return
        }
        if item.state == .decided {
            mode = .confirmingReplace(kind)
            return
        }
        proceed(kind, replacing: false)
    }

    private mutating func proceed(_ kind: DecisionKind, replacing: Bool) {
        guard let item = currentItem else { return }
        let choice: ReconciliationChoice
        switch kind {
        case .accept(let coder): choice = .accept(coder: coder)
        case .union: choice = .union
        case .intersection: choice = .intersection
        case .edit:
            startPicking(item, replacing: replacing)
            return
        }
        askForNote(
            PendingDecision(
                excerptID: item.excerpt.id, choice: choice, codes: codes(of: choice, for: item), replacing: replacing))
    }

    private func codes(of choice: ReconciliationChoice, for item: ReconciliationItem) -> [String: AppliedCode] {
        choice.codes(from: item.codings, textLength: item.excerpt.text.unicodeScalars.count)
    }

    /// The picker starts from the current decision, or else from the union; codes that can no longer be applied
    /// (retired, merged, a category) are left out and named.
    private mutating func startPicking(_ item: ReconciliationItem, replacing: Bool) {
        let start = item.decision?.codes ?? codes(of: .union, for: item)
        let applicable = start.filter { tree.entry($0.key)?.code.codable == true }
        mode = .picking(CodePicker(excerptID: item.excerpt.id, starting: applicable, tree: tree), replacing: replacing)
        let left = start.keys.filter { applicable[$0] == nil }.sorted()
        message = left.isEmpty ? nil : "left out \(left.joined(separator: ", ")): no longer applicable in the codebook"
    }

    private mutating func askForNote(_ pending: PendingDecision) {
        field = TextField(text: "")
        mode = .writingNote(pending)
    }

    private mutating func confirmReplace(_ kind: DecisionKind, key: Key) -> [ReconcileEffect] {
        switch ReconcileKeymap.table.action(for: key, in: .confirm) {
        case .replaceYes:
            mode = .browsing
            proceed(kind, replacing: true)
        case .replaceNo:
            mode = .browsing
            message = "kept the current decision"
        default:
            message = "y replaces the current decision, n keeps it"
        }
        return []
    }

    private mutating func pick(_ picker: CodePicker, replacing: Bool, key: Key) -> [ReconcileEffect] {
        var picker = picker
        switch ReconcileKeymap.table.action(for: key, in: .picker) {
        case .pickerDown: picker.move(1, in: tree)
        case .pickerUp: picker.move(-1, in: tree)
        case .pickerToggle: message = picker.toggle(in: tree) ?? "no code matches the filter"
        case .pickerCancel:
            mode = .browsing
            message = "cancelled; nothing recorded"
            return []
        case .pickerConfirm:
            guard let item = currentItem, item.excerpt.id == picker.excerptID else {
                mode = .browsing
                return []
            }
            let choice = ReconciliationChoice.edited(picker.chosen)
            askForNote(
                PendingDecision(excerptID: item.excerpt.id, choice: choice, codes: picker.chosen, replacing: replacing))
            return []
        default:
            if !picker.edit(with: key, in: tree) {
                message = "\(key.notation) does nothing here; Enter goes on to the note, Esc cancels"
            }
        }
        mode = .picking(picker, replacing: replacing)
        return []
    }

    private mutating func writeNote(_ pending: PendingDecision, key: Key) -> [ReconcileEffect] {
        switch ReconcileKeymap.table.action(for: key, in: .note) {
        case .noteConfirm:
            mode = .browsing
            return [.decide(pending, note: field.text.trimmed)]
        case .noteCancel:
            mode = .browsing
            message = "cancelled; nothing recorded"
        default:
            if !field.handle(key) { message = "\(key.notation) does nothing here; Enter records, Esc cancels" }
        }
        return []
    }
}
