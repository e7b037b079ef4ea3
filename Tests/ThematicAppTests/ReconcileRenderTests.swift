import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

@Suite struct ReconcileRendering {
    @Test func theKeyTableHasNoProblems() {
        #expect(ReconcileKeymap.table.problems == [])
    }

    @Test func at100x30TheScreenShowsQueueTextCodersConsensusDefinitionsAndStatus() throws {
        let text = try ReconcileStudy.state(try ReconcileStudy.folder()).screenText
        #expect(text.contains("┌ Queue (5)"))
        #expect(text.contains("│· R1-1 A2"))
        #expect(text.contains("┌ R1-1 · R1 Review one · Findings"))
        #expect(text.contains("Mother moved house twice. No risk assessment followed either move."))
        #expect(text.contains("── Coders"))
        #expect(text.contains("Not decided yet. 1-2 accept a coder's codes, u union, i intersection, e"))
        #expect(text.contains("A1 Risk not assessed"))
        #expect(text.contains("  Brief: No assessment of risk was made."))
        #expect(text.contains("  Use when: nobody weighed the danger"))
        #expect(text.contains("  Do not use when: an assessment was made but was poor (A2)"))
    }

    @Test func theExcerptHeaderCitesThePageWhenTheSourceHasPages() throws {
        let text = try ReconcileStudy.state(try ReconcileStudy.folder(pages: ["R1-1": 4])).screenText
        #expect(text.contains("┌ R1-1 · R1 Review one · Findings · p. 4 "))
    }

    @Test func theDecisionAboutToBeRecordedIsShownWhileTheNoteIsTyped() throws {
        var state = try ReconcileStudy.state(try ReconcileStudy.folder())
        state.press("u", "o", "k")
        let lines = ReconcileView.render(state).trimmedLines
        #expect(lines.contains { $0.contains("About to record (union):") })
        #expect(lines.last == "Note on R1-1 (Enter records, Esc cancels): ok")
    }

    @Test func thePickerShowsTheCodebookWithTheChosenCodesAndWhoAppliedThem() throws {
        var state = try ReconcileStudy.state(try ReconcileStudy.folder())
        state.press("e")
        let text = state.screenText
        #expect(text.contains("Filter:"))
        #expect(text.contains("A Assessment"))
        #expect(text.contains("[x] A1 Risk not assessed"))
        #expect(text.contains("[x] A2 History ignored"))
        #expect(text.contains("[ ] A3 Voice of the child"))
        #expect(!text.contains("A4 Old code"), "retired codes cannot be chosen")
        #expect(text.contains("Chosen: A1, A2"))
        #expect(text.contains("asha ben"))
    }

    @Test func japaneseTextWrapsByDisplayWidthAndEveryRowIsExactlyAsWideAsTheScreen() throws {
        var state = try ReconcileStudy.state(try ReconcileStudy.folder(), rows: 30, columns: 70)
        let jumped = state.jump(toExcerpt: "R2-1")
        #expect(jumped)
        let screen = ReconcileView.render(state)
        #expect(screen.lines.joined().contains("家族は二度"))
        #expect(screen.lines.joined().contains("«家族は二度引っ越»"))
        for line in screen.lines { #expect(DisplayWidth.of(line) == 70) }
    }

    @Test func everySizeDownToNothingRendersInEveryMode() throws {
        let folder = try ReconcileStudy.folder(ReconcileStudy.threeCoders)
        var states: [ReconcileState] = []
        var browsing = try ReconcileStudy.state(folder)
        browsing.press("<Tab>")
        states.append(browsing)
        for keys in [["e"], ["u", "n", "o"], ["?"]] {
            var state = browsing
            for key in keys { state.press(key) }
            states.append(state)
        }
        for var state in states {
            for rows in [0, 1, 2, 3, 5, 8, 10, 16, 24, 30] {
                for columns in [0, 1, 2, 3, 7, 20, 40, 59, 60, 80, 120] {
                    _ = state.handle(.resize(Size(rows: rows, columns: columns)))
                    let screen = ReconcileView.render(state)
                    #expect(screen.size == Size(rows: rows, columns: columns))
                }
            }
        }
    }

    @Test func belowSixtyColumnsOnlyTheExcerptPaneAndStatusShow() throws {
        let text = try ReconcileStudy.state(try ReconcileStudy.folder(), rows: 20, columns: 50).screenText
        #expect(!text.contains("Queue ("))
        #expect(text.contains("Mother moved"))
    }

    @Test func anEmptyQueueSaysThereIsNothingToReconcile() throws {
        let folder = try ReconcileStudy.folder(["asha": ["R1-2": ["A1": []]], "ben": ["R1-2": ["A1": []]]])
        var state = try ReconcileStudy.state(folder)
        #expect(state.currentItem == nil)
        #expect(state.screenText.contains("Nothing to reconcile"))
        #expect(state.press("u").isEmpty)
        #expect(state.message == "there is nothing to decide")
    }

    @Test func aLongExcerptScrollsAndSaysThereIsMore() throws {
        var state = try ReconcileStudy.state(try ReconcileStudy.folder(), rows: 12, columns: 70)
        #expect(state.screenText.contains("more: PgDn"))
        state.press("<PgDn>", "<PgDn>", "<PgDn>")
        #expect(state.detailScroll > 0)
        #expect(!state.screenText.contains("more: PgDn"))
        state.press("g")
        #expect(state.detailScroll > 0, "staying on the same excerpt keeps the scroll")
        state.press("j")
        #expect(state.detailScroll == 0)
    }
}
