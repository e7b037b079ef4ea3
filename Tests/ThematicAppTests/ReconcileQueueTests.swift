import Foundation
import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// Walking the queue: where the screen opens, resuming, stale decisions, three coders, filters and jumping.
@Suite struct ReconcileQueue {
    @Test func theScreenOpensAtTheFirstDisagreementStillToDecide() throws {
        let state = try ReconcileStudy.state(try ReconcileStudy.folder())
        #expect(state.items.map(\.excerpt.id) == ["R1-1", "R1-3", "R1-4", "R2-1", "R2-2"])
        #expect(state.currentItem?.excerpt.id == "R1-1")
        #expect(
            ReconcileView.render(state).trimmedLines.last?.hasPrefix("0 of 5 decided, 0 stale · R1-1 (1 of 5) · lena")
                == true)
    }

    @Test func reopeningResumesAtTheFirstExcerptInReadingOrderStillToDecide() throws {
        let folder = try ReconcileStudy.folder()
        // Decide R1-1, skip R1-3, decide R1-4, quit.
        try ReconcileStudy.run(folder, keys: ["u", "<Enter>", "j", "1", "<Enter>", "q"])
        #expect(try ReconcileStudy.consensus(folder).excerpts.keys.sorted() == ["R1-1", "R1-4"])
        let (app, terminal) = try ReconcileStudy.run(folder, keys: [])
        #expect(app.state.currentItem?.excerpt.id == "R1-3")
        #expect(terminal.lastFrame.contains("┌ R1-3 · R1 Review one · Findings"))
        #expect(terminal.lastFrame.contains("2 of 5 decided, 0 stale · R1-3 (2 of 5)"))
    }

    @Test func whenEverythingIsDecidedTheScreenOpensAtTheStartAndSaysSo() throws {
        let folder = try ReconcileStudy.folder()
        try ReconcileStudy.run(folder, keys: Array(repeating: ["u", "<Enter>"], count: 5).flatMap { $0 })
        let state = try ReconcileStudy.state(folder)
        #expect(state.currentItem?.excerpt.id == "R1-1")
        #expect(state.message == "nothing left to decide")
        #expect(state.progressText == "5 of 5 decided, 0 stale")
    }

    @Test func aStaleDecisionShowsWhatChangedAndIsDecidedAgainWithoutAskingToReplace() throws {
        let folder = try ReconcileStudy.folder()
        try ReconcileStudy.run(folder, keys: ["u", "<Enter>"])
        try ReconcileStudy.recode(folder, coder: "ben", "R1-1", ["A1", "A3"])
        var state = try ReconcileStudy.state(folder)
        #expect(state.currentItem?.excerpt.id == "R1-1", "a stale decision is still to decide")
        let text = state.screenText
        #expect(text.contains("! R1-1 stale"))
        #expect(text.contains("Stale: ben had A1, now A1, A3. The decision stands until you decide"))
        #expect(text.contains("0 of 5 decided, 1 stale"))
        let effects = state.press("2", "<Enter>")
        guard case .decide(let pending, _) = effects.first else {
            Issue.record("no decision asked for: \(effects)")
            return
        }
        #expect(pending.choice == .accept(coder: "ben"))
        #expect(pending.replacing == false)
        let (app, _) = try ReconcileStudy.run(folder, keys: ["2", "<Enter>"])
        let decision = try #require(try ReconcileStudy.consensus(folder).excerpts["R1-1"])
        #expect(decision.basis == .coder("ben"))
        #expect(decision.coderCodes["ben"] == ["A1", "A3"])
        #expect(app.state.items.first?.state == .decided)
        #expect(app.state.progressText == "1 of 5 decided, 0 stale")
    }

    @Test func threeCodersStandSideBySideWithTheCodesNotSharedByAllMarked() throws {
        let state = try ReconcileStudy.state(try ReconcileStudy.folder(ReconcileStudy.threeCoders))
        let lines = ReconcileView.render(state).trimmedLines
        let heading = try #require(lines.first { $0.contains("1 asha") })
        #expect(heading.contains("2 ben") && heading.contains("3 cara"))
        let firstCodes = try #require(lines.first { $0.contains("A1 Risk not") })
        #expect(firstCodes.components(separatedBy: "  A1 Risk not").count == 4, "A1 is shared by all three: no mark")
        #expect(lines.contains { $0.contains("* A2 History") })
        #expect(lines.contains { $0.contains("* A3 Voice of") })
        #expect(lines.contains { $0.contains("«Mother moved") }, "asha's span of A2")
        #expect(lines.contains { $0.contains("«No risk assessment") }, "cara's span of A3")
    }

    @Test func threeCodersGoOneUnderTheOtherWhenThePaneIsNarrow() throws {
        let lines = ReconcileView.render(
            try ReconcileStudy.state(try ReconcileStudy.folder(ReconcileStudy.threeCoders), rows: 40, columns: 40)
        ).trimmedLines
        let rows = ["│1 asha ", "│2 ben ", "│3 cara "].map { heading in lines.firstIndex { $0.contains(heading) } }
        #expect(rows.allSatisfy { $0 != nil })
        #expect(Set(rows).count == 3, "each coder on a line of their own")
    }

    @Test func acceptingTheThirdCoderRecordsTheirCodes() throws {
        let folder = try ReconcileStudy.folder(ReconcileStudy.threeCoders)
        try ReconcileStudy.run(folder, keys: ["3", "<Enter>"])
        let decision = try #require(try ReconcileStudy.consensus(folder).excerpts["R1-1"])
        #expect(decision.basis == .coder("cara"))
        #expect(decision.comparedCoders == ["asha", "ben", "cara"])
        #expect(decision.coderCodes == ["asha": ["A1", "A2"], "ben": ["A1"], "cara": ["A1", "A3"]])
        #expect(decision.codes == ["A1": AppliedCode(), "A3": AppliedCode(spans: [TextSpan(start: 26, end: 66)])])
    }

    @Test func theNextToDecideSkipsDecidedExcerptsAndWrapsRound() throws {
        let folder = try ReconcileStudy.folder()
        try ReconcileStudy.run(folder, keys: ["j", "u", "<Enter>"])
        var state = try ReconcileStudy.state(folder)
        #expect(state.currentItem?.excerpt.id == "R1-1")
        state.press("]")
        #expect(state.currentItem?.excerpt.id == "R1-4", "R1-3 is decided")
        state.press("G", "]")
        #expect(state.currentItem?.excerpt.id == "R1-1")
        state.press("[")
        #expect(state.currentItem?.excerpt.id == "R2-2")
    }

    @Test func theListCanShowOnlyWhatIsStillToDecideOrStale() throws {
        let folder = try ReconcileStudy.folder()
        try ReconcileStudy.run(folder, keys: ["u", "<Enter>", "u", "<Enter>"])
        var state = try ReconcileStudy.state(folder)
        state.press("s")
        #expect(state.message == "no excerpt is stale; the list is unchanged")
        state.press("w")
        #expect(state.visible.map { state.items[$0].excerpt.id } == ["R1-4", "R2-1", "R2-2"])
        #expect(state.screenText.contains("still to decide (3)"))
        state.press("a")
        #expect(state.visible.count == 5)
    }

    @Test func afterADecisionTheNextIsTakenFromTheListShown() throws {
        let folder = try ReconcileStudy.folder()
        // Decide R1-1, R1-4 and R2-1 (leaving R1-3), then ben changes R1-1 and R2-1: both go stale.
        try ReconcileStudy.run(folder, keys: ["u", "<Enter>", "j", "u", "<Enter>", "u", "<Enter>"])
        try ReconcileStudy.recode(folder, coder: "ben", "R1-1", ["A1", "A3"])
        try ReconcileStudy.recode(folder, coder: "ben", "R2-1", ["A2"])
        let (app, _) = try ReconcileStudy.run(folder, keys: ["s", "1", "<Enter>"])
        #expect(app.state.visible.map { app.state.items[$0].excerpt.id } == ["R2-1"], "R1-1 is no longer stale")
        #expect(app.state.currentItem?.excerpt.id == "R2-1", "the next stale one, not R1-3")
    }

    @Test func jumpingToAnExcerptShowsItEvenWhenTheFilterHidesIt() throws {
        let folder = try ReconcileStudy.folder()
        try ReconcileStudy.run(folder, keys: ["u", "<Enter>"])
        var state = try ReconcileStudy.state(folder)
        state.press("w")
        let jumped = state.jump(toExcerpt: "R1-1")
        #expect(jumped)
        #expect(state.currentItem?.excerpt.id == "R1-1")
        #expect(state.filter == .all)
        let jumpedAway = state.jump(toExcerpt: "R1-2")
        #expect(!jumpedAway)
        #expect(
            state.message
                == "R1-2 is not in this queue (excerpts two or more of asha, ben finished with different codes)")
        #expect(state.currentItem?.excerpt.id == "R1-1")
    }

    @Test func tabHighlightsEachInvolvedCodeInTurn() throws {
        var state = try ReconcileStudy.state(try ReconcileStudy.folder())
        state.press("<Tab>")
        #expect(state.focusedCode == "A1")
        state.press("<Tab>")
        #expect(state.focusedCode == "A2")
        let screen = ReconcileView.render(state)
        let row = try #require(screen.lines.firstIndex { $0.contains("Mother moved house twice.") })
        let column = try #require(screen.lines[row].range(of: "Mother")).lowerBound.utf16Offset(in: screen.lines[row])
        #expect(screen[row, column].style.attributes.contains(.reverse), "A2's span is highlighted")
        state.press("<Tab>")
        #expect(state.focusedCode == nil)
    }
}
