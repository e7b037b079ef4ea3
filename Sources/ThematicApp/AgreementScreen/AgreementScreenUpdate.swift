import TerminalUI
import ThematicCore

extension AgreementScreenState {
    /// Handles one key: changes the state and returns what the driver should do. Nothing here writes a file.
    public mutating func handle(_ key: Key) -> [AgreementEffect] {
        message = nil
        if let effects = answerCommonKey(key) { return effects }
        guard let action = AgreementKeymap.table.action(for: key, in: context) else {
            message = HelpScroll.unbound(key)
            return []
        }
        let effects = perform(action)
        settle()
        return effects
    }

    /// Lays the screen out again for a new terminal size.
    public mutating func resize(to newSize: Size) {
        size = newSize
        settle()
    }

    /// Where keys go: the open dialog, else the open list, else the table.
    var context: AgreementKeyContext {
        if excerptDialog != nil { return .excerpt }
        if coderChoice != nil { return .coders }
        if disagreements != nil { return .disagreements }
        if spansShown { return spans?.differences != nil ? .spanDifferences : .spans }
        return .table
    }

    private mutating func perform(_ action: AgreementAction) -> [AgreementEffect] {
        switch (context, action) {
        case (_, .quit): return [.quit]
        case (_, .help): showHelp(at: context)
        case (.excerpt, _): scrollDialog(action)
        case (.coders, _): chooseCoders(action)
        case (.disagreements, _): return moveInDisagreements(action)
        case (.spanDifferences, _): return moveInSpanDifferences(action)
        case (.spans, .toggleSpans), (.table, .toggleSpans): return toggleSpans()
        case (.spans, .showSpanDifferences): openSpanDifferences()
        case (.spans, _): moveInSpans(action)
        default: moveInTable(action)
        }
        return []
    }

    // MARK: The table

    private mutating func moveInTable(_ action: AgreementAction) {
        let page = max(1, layout.body.rows - 1)
        switch action {
        case .moveDown: selected += 1
        case .moveUp: selected -= 1
        case .pageDown: selected += page
        case .pageUp: selected -= page
        case .first: selected = 0
        case .last: selected = order.count - 1
        case .sortByNextColumn, .sortByPreviousColumn:
            let all = columns
            let index = all.firstIndex(of: sort.column) ?? 0
            let next = min(max(0, index + (action == .sortByNextColumn ? 1 : -1)), all.count - 1)
            resort(AgreementSort(column: all[next], descending: sort.descending))
        case .reverseSort: resort(AgreementSort(column: sort.column, descending: !sort.descending))
        case .scrollRight:
            if columnLayout.canScrollRight {
                firstScrolledColumn += 1
            } else {
                message = "every column to the right is shown"
            }
        case .scrollLeft:
            if firstScrolledColumn > 0 {
                firstScrolledColumn -= 1
            } else {
                message = "every column to the left is shown"
            }
        case .showDisagreements: openDisagreements()
        case .chooseCoders:
            let candidates = study.coders.map {
                CoderChoice.Candidate(name: $0, finished: study.codings[$0]?.finishedCount ?? 0)
            }
            coderChoice = CoderChoice(candidates: candidates, ticked: Set(table.coders))
        default: break
        }
    }

    private mutating func openDisagreements() {
        guard let row = selectedRow else { return }
        let entries = table.disagreements(row: row)
        guard !entries.isEmpty else {
            message = "the coders agree on \(table.rows[row].code) on every excerpt two or more of them finished"
            return
        }
        disagreements = DisagreementList(row: row, entries: entries)
    }

    // MARK: A code's disagreements

    private mutating func moveInDisagreements(_ action: AgreementAction) -> [AgreementEffect] {
        guard var list = disagreements else { return [] }
        let textPage = max(1, DisagreementLayout(size: size).textBody.rows - 1)
        switch action {
        case .moveDown, .moveUp, .first, .last:
            let target =
                switch action {
                case .moveDown: list.selected + 1
                case .moveUp: list.selected - 1
                case .first: 0
                default: list.entries.count - 1
                }
            list.selected = min(max(0, target), list.entries.count - 1)
            list.textScroll = 0
        case .pageDown: list.textScroll += textPage
        case .pageUp: list.textScroll -= textPage
        case .back:
            disagreements = nil
            return []
        case .openExcerpt:
            guard let entry = selectedDisagreement else { return [] }
            return [.openExcerpt(entry.excerptID)]
        default: break
        }
        disagreements = list
        return []
    }

    // MARK: The span view

    private mutating func moveInSpans(_ action: AgreementAction) {
        let page = max(1, layout.body.rows - 1)
        switch action {
        case .moveDown: spans?.selected += 1
        case .moveUp: spans?.selected -= 1
        case .pageDown: spans?.selected += page
        case .pageUp: spans?.selected -= page
        case .first: spans?.selected = 0
        case .last: spans?.selected = Int.max  // settleSpans clamps it to the last code
        default: break
        }
    }

    private mutating func moveInSpanDifferences(_ action: AgreementAction) -> [AgreementEffect] {
        guard var list = spans?.differences else { return [] }
        let textPage = max(1, DisagreementLayout(size: size).textBody.rows - 1)
        switch action {
        case .moveDown, .moveUp, .first, .last:
            list.selected =
                switch action {
                case .moveDown: list.selected + 1
                case .moveUp: list.selected - 1
                case .first: 0
                default: list.entries.count - 1
                }
            list.textScroll = 0
        case .pageDown: list.textScroll += textPage
        case .pageUp: list.textScroll -= textPage
        case .back:
            spans?.differences = nil
            return []
        case .openExcerpt:
            return list.selectedEntry.map { [.openExcerpt($0.excerptID)] } ?? []
        default: break
        }
        spans?.differences = list
        return []
    }

    // MARK: Choosing the coders

    private mutating func chooseCoders(_ action: AgreementAction) {
        guard var choice = coderChoice else { return }
        switch action {
        case .moveDown: choice.cursor = min(choice.cursor + 1, choice.candidates.count - 1)
        case .moveUp: choice.cursor = max(choice.cursor - 1, 0)
        case .toggleCoder:
            guard choice.candidates.indices.contains(choice.cursor) else { break }
            let name = choice.candidates[choice.cursor].name
            if choice.ticked.remove(name) == nil { choice.ticked.insert(name) }
        case .compareTicked:
            let chosen = choice.candidates.map(\.name).filter { choice.ticked.contains($0) }
            guard chosen.count >= 2 else {
                message = "tick two or more coders to compare (\(chosen.count) ticked)"
                break
            }
            do {
                try compare(chosen)
                coderChoice = nil
                message = "comparing \(chosen.joined(separator: ", "))"
            } catch {
                message = "the table is unchanged: \(error.description)"
            }
            return
        case .cancel:
            coderChoice = nil
            return
        default: break
        }
        coderChoice = choice
    }

    // MARK: Dialogs

    private mutating func scrollDialog(_ action: AgreementAction) {
        let page = max(1, Self.dialogRows(size) - 1)
        switch action {
        case .moveDown: excerptDialog?.offset += 1
        case .moveUp: excerptDialog?.offset -= 1
        case .pageDown: excerptDialog?.offset += page
        case .pageUp: excerptDialog?.offset -= page
        case .close: excerptDialog = nil
        default: break
        }
    }
}
