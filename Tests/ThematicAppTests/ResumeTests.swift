import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// The coding screen opens where the coder left it: the excerpt, the list filter, the focused pane, the folded
/// categories and the undo history; what no longer fits the study is let go, and the status line says so.
@Suite struct Resuming {
    /// The tester's coding after the first session: R1-1 finished with C1.
    static let coding = Coding(
        coder: "tester",
        excerpts: [
            "R1-1": ExcerptCoding(
                finished: true, codes: ["C1": AppliedCode()], updated: Fixture.time, codebookRevision: 3)
        ])

    /// Leaves a screen on R2-1, listing unfinished excerpts, the codes pane focused, C folded, one undo to make.
    static func leftMemory() -> SessionMemory {
        var state = Fixture.state()
        // Applying C1 put the tree cursor on it: the first h goes up to its category, the second folds it.
        state.press("1", "<Enter>", "f", "w", "}", "<Tab>", "<Tab>", "h", "h")
        return state.memory
    }

    @Test func theMemoryNamesWhereTheCoderWas() {
        let memory = Self.leftMemory()
        #expect(memory.excerptID == "R2-1")
        #expect(memory.filter == .unfinished)
        #expect(memory.focus == "codes")
        #expect(memory.collapsed == ["C"])
        #expect(memory.undo.map(\.excerptID) == ["R1-1", "R1-1"])
    }

    @Test func reopeningReturnsToTheExcerptFilterPaneFoldsAndUndo() {
        var state = Fixture.state(coding: Self.coding)
        #expect(state.currentEntry?.id == "R1-2", "without a memory: the first unfinished excerpt")
        state.resume(Self.leftMemory())
        #expect(state.currentEntry?.id == "R2-1")
        #expect(state.filter == .unfinished)
        #expect(state.visible.count == 4)
        #expect(state.focus == .codes)
        #expect(state.collapsed == ["C"])
        #expect(state.message == nil)
        let effects = state.press("u")
        #expect(
            effects == [
                .record(
                    excerptID: "R1-1",
                    decision: ExcerptCoding(
                        finished: false, codes: ["C1": AppliedCode()], updated: Fixture.time, codebookRevision: 3))
            ])
    }

    @Test func anExcerptAskedForWinsOverTheRememberedOne() {
        var state = Fixture.state(coding: Self.coding)
        state.resume(Self.leftMemory(), at: "R1-3")
        #expect(state.currentEntry?.id == "R1-3")
        #expect(state.filter == .unfinished, "the rest of the memory still comes back")
    }

    @Test func anExcerptNoLongerInTheStudyFallsBackToTheFirstUnfinishedAndSaysSo() {
        var state = Fixture.state(coding: Self.coding)
        var memory = Self.leftMemory()
        memory.excerptID = "R9-9"
        state.resume(memory)
        #expect(state.currentEntry?.id == "R1-2")
        #expect(
            state.message
                == "R9-9, where you were last time, is no longer in the study; showing the first unfinished excerpt")
    }

    @Test func foldsOfCategoriesNoLongerInTheCodebookAreDropped() {
        var state = Fixture.state(coding: Self.coding)
        state.resume(SessionMemory(excerptID: "R1-2", collapsed: ["C", "GONE"]))
        #expect(state.collapsed == ["C"])
    }

    @Test func aFilterThatNoLongerMatchesListsAllAndSaysSo() {
        var state = Fixture.state(coding: Self.coding)
        state.resume(SessionMemory(excerptID: "R1-2", filter: .code("R")))
        #expect(state.filter == .all)
        #expect(state.message == "the list from last time (code R) matches no excerpt now; listing all")
    }

    /// A codebook merge rewrote R1-1's codes since: undoing the old change would put back what the merge changed.
    @Test func theUndoHistoryIsDroppedWhenTheCodingsItTouchesChangedSince() {
        var changed = Self.coding
        changed.excerpts["R1-1"]?.codes = ["R": AppliedCode()]
        var state = Fixture.state(coding: changed)
        state.resume(Self.leftMemory())
        #expect(state.undoStack.isEmpty)
        #expect(state.message == "your undo history from last time is dropped: your codings have changed since")
        #expect(state.currentEntry?.id == "R2-1", "the rest of the memory still comes back")
    }

    @Test func theRevisionNoticeAndAReadingProblemBothShow() {
        var older = Self.coding
        older.excerpts["R1-1"]?.codebookRevision = 2
        var state = Fixture.state(coding: older)
        state.resume(nil, note: "where you were last time is not restored: x.json is not readable (y)")
        #expect(state.revisionBanner.joined(separator: " ").contains("The codebook is now at revision 3"))
        #expect(state.message == "where you were last time is not restored: x.json is not readable (y)")
    }

    /// The screen ended on a signal (the terminal closed) with a changed memo open: the next session opens it again.
    @Test func aMemoLeftUnsavedComesBackOpenOnItsExcerpt() {
        var left = Fixture.state()
        left.press("n", "m")
        left.type("half a thought")
        let memory = left.memory
        #expect(memory.memoDraft == SessionMemory.MemoDraft(excerptID: "R1-2", text: "half a thought"))

        var state = Fixture.state()
        state.resume(memory)
        #expect(state.currentEntry?.id == "R1-2")
        #expect(state.prompt == .excerptMemo)
        #expect(state.field.text == "half a thought")
        #expect(state.screenText.contains("your unsaved memo on R1-2 from last time is back · Enter saves the memo"))
        #expect(state.press("<Enter>").first?.recorded??.memo == "half a thought")
    }

    @Test func anUnchangedOpenMemoIsNoDraft() {
        var state = Fixture.state()
        state.press("m")
        #expect(state.memory.memoDraft == nil)
    }

    @Test func aDraftWhoseCodeIsNoLongerAppliedIsQuotedInsteadOfLost() {
        var state = Fixture.state()
        state.resume(
            SessionMemory(
                excerptID: "R1-1", memoDraft: SessionMemory.MemoDraft(excerptID: "R1-1", codeID: "C1", text: "why C1")))
        #expect(state.prompt == nil)
        #expect(
            state.message
                == "your unsaved memo on R1-1's C1 is not reopened: the code is no longer applied; it read: why C1")
    }
}
