import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

@Suite struct ApplyingCodes {
    @Test func typingACodeNumberThenEnterAppliesThatCodeAndAsksForADurableWrite() {
        var state = Fixture.state()
        let effects = state.press("1", "<Enter>")
        #expect(effects.count == 1)
        guard case .record(let excerpt, let decision)? = effects.first else {
            Issue.record("no write")
            return
        }
        #expect(excerpt == "R1-1")
        #expect(decision?.codes.keys.sorted() == ["C1"])
        #expect(decision?.finished == false)
        #expect(decision?.codebookRevision == 3)
        #expect(decision?.updated == Fixture.time)
    }

    @Test func codesAreNumberedInTreeOrderSkippingCategoriesAndRetiredCodes() {
        let tree = CodeTree(codebook: Fixture.codebook)
        #expect(tree.codeByNumber == [1: "C1", 2: "C2", 3: "R"])
        #expect(tree.entry("C3") == nil)
    }

    @Test func removingTheLastCodeTakesTheExcerptBackToNotCodedYet() {
        var state = Fixture.state()
        state.press("1", "<Enter>")
        let effects = state.press("1", "<Enter>")
        #expect(effects == [.record(excerptID: "R1-1", decision: nil)])
        #expect(state.decisions["R1-1"] == nil)
    }

    @Test func finishingWithNoCodeRecordsAnExplicitNoCodeAppliesAndMovesToTheNextUnfinished() {
        var state = Fixture.state()
        let effects = state.press("f")
        let decision = effects.first?.recorded
        #expect(decision??.finished == true)
        #expect(decision??.codes.isEmpty == true)
        #expect(state.currentEntry?.id == "R1-2")
        #expect(state.finishedCount == 1)
    }

    @Test func finishingSkipsExcerptsAlreadyFinished() {
        var state = Fixture.state()
        state.press("n", "f", "g", "f")
        #expect(state.currentEntry?.id == "R1-3")
    }

    @Test func unmarkingFinishedKeepsTheAppliedCodes() {
        var state = Fixture.state()
        state.press("3", "<Enter>", "f", "p")
        let effects = state.press("F")
        let decision = effects.first?.recorded
        #expect(decision??.finished == false)
        #expect(decision??.codes.keys.sorted() == ["R"])
    }

    @Test func aCategoryCannotBeApplied() {
        var state = Fixture.state()
        state.press("<Tab>", "<Tab>")
        #expect(state.treeCursor == "C")
        #expect(state.press("<Space>").isEmpty)
        #expect(state.message?.contains("category") == true)
    }

    @Test func theTreeCursorAndSpaceToggleTheCodeUnderIt() {
        var state = Fixture.state()
        state.press("<Tab>", "<Tab>", "j", "j")
        let effects = state.press("<Space>")
        #expect(effects.first?.recorded??.codes.keys.sorted() == ["C2"])
    }

    @Test func aFreeCodebookHotkeyTogglesItsCode() {
        var state = Fixture.state()
        let effects = state.press("z")
        #expect(effects.first?.recorded??.codes.keys.sorted() == ["C1"])
    }

    @Test func aCodebookHotkeyThatClashesWithNavigationIsIgnored() {
        var state = Fixture.state()
        #expect(state.tree.entry("C2")?.hotkey == nil)
        #expect(state.press("j").isEmpty)
    }

    @Test func usageCountsFollowTheCoding() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "n", "1", "<Enter>")
        #expect(state.usage["C1"] == 2)
        state.press("1", "<Enter>")
        #expect(state.usage["C1"] == 1)
    }

    @Test func aMemoOnTheExcerptIsRecorded() {
        var state = Fixture.state()
        state.press("m")
        state.type("ask the lead")
        let effects = state.press("<Enter>")
        #expect(effects.first?.recorded??.memo == "ask the lead")
        #expect(effects.first?.recorded??.finished == false)
    }

    @Test func aMemoOnACodingNeedsTheCodeApplied() {
        var state = Fixture.state()
        state.press("<Tab>", "<Tab>", "j")
        #expect(state.press("M").isEmpty)
        #expect(state.prompt == nil)
        state.press("<Space>", "M")
        state.type("only the first sentence")
        let effects = state.press("<Enter>")
        #expect(effects.first?.recorded??.codes["C1"]?.memo == "only the first sentence")
    }

    @Test func blindCodingShowsOnlyTheSessionsOwnDecisions() {
        let own = Coding(
            coder: "tester",
            excerpts: [
                "R1-1": ExcerptCoding(
                    finished: true, codes: ["R": AppliedCode()], updated: Fixture.time, codebookRevision: 3)
            ])
        let state = Fixture.state(coding: own)
        #expect(state.decisions.keys.sorted() == ["R1-1"])
        #expect(state.coder == "tester")
    }
}

@Suite struct UndoRedo {
    @Test func undoWritesTheDecisionBeforeTheAction() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "2", "<Enter>")
        let effects = state.press("u")
        #expect(effects.first?.recorded??.codes.keys.sorted() == ["C1"])
        #expect(state.decisions["R1-1"]?.codes.keys.sorted() == ["C1"])
    }

    @Test func undoReachesBackAcrossExcerptsAndShowsTheExcerptItChanged() {
        var state = Fixture.state()
        state.press("f", "3", "<Enter>", "u", "u")
        #expect(state.currentEntry?.id == "R1-1")
        #expect(state.decisions["R1-1"] == nil)
        #expect(state.finishedCount == 0)
    }

    @Test func redoReappliesWhatWasUndone() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "u")
        let effects = state.press("C-r")
        #expect(effects.first?.recorded??.codes.keys.sorted() == ["C1"])
    }

    @Test func aNewActionClearsRedo() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "u", "2", "<Enter>")
        #expect(state.press("C-r").isEmpty)
    }

    @Test func aFailedWriteRestoresWhatIsOnDiskAndSaysSo() {
        var state = Fixture.state()
        state.press("1", "<Enter>")
        state.writeFailed("R1-1", onDisk: nil, error: "disk full")
        #expect(state.decisions["R1-1"] == nil)
        #expect(state.undoStack.isEmpty)
        #expect(CodingScreenView.statusText(state).hasPrefix("the last action was not saved: disk full"))
        #expect(CodingScreenView.statusRight(state) == "NOT SAVED · ? keys")
    }
}

@Suite struct Spans {
    @Test func selectingASentenceAndNarrowingAppliesTheCodeToThatSentenceOnly() {
        var state = Fixture.state()
        state.press("<Tab>", "<Tab>", "j", "<S-Tab>", ")", "V")
        let effects = state.press("+")
        // "The family moved often. " is 24 scalars; "Records were not sent on." the next 25.
        #expect(effects.first?.recorded??.codes["C1"]?.spans == [TextSpan(start: 24, end: 49)])
    }

    @Test func aSelectionRunsFromTheAnchorWordToTheCursorWord() {
        var state = Fixture.state()
        state.press("<Tab>", "v", "l", "l")
        #expect(state.selectedSpan == TextSpan(start: 0, end: 16))
    }

    @Test func removingTheLastSpanRemovesTheCodeOnceConfirmed() {
        var state = Fixture.state()
        state.press("<Tab>", "<Tab>", "j", "<S-Tab>", "V", "+", "-")
        let effects = state.press("y")
        #expect(effects == [.record(excerptID: "R1-1", decision: nil)])
    }

    @Test func sentencesAreFoundByTheirFinalStop() {
        let words = ExcerptWords("One two. Three four! Five?")
        #expect(words.sentence(containing: 0) == 0...1)
        #expect(words.sentence(containing: 3) == 2...3)
        #expect(words.sentenceStart(from: 0, step: 1) == 2)
        #expect(words.sentenceStart(from: 3, step: -1) == 2)
        #expect(words.sentenceStart(from: 2, step: -1) == 0)
    }
}
