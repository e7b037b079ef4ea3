import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// No slip of a key changes finished work, or loses spans or a memo, without the coder saying yes.
@Suite struct RemovalsAskFirst {
    @Test func removingACodeFromAFinishedExcerptAsksFirstAndYRemovesIt() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "f", "p")
        #expect(state.press("1", "<Enter>").isEmpty)
        #expect(
            state.pendingRemoval?.question
                == "Remove C1 from finished R1-1? y/n (its last code: the excerpt goes back to not finished)")
        #expect(state.screenText.contains("Remove C1 from finished R1-1? y/n"))
        // The last code gone, the excerpt is not finished: it never silently becomes "no code applies".
        #expect(state.press("y") == [.record(excerptID: "R1-1", decision: nil)])
        #expect(state.message?.hasPrefix("removed C1 from R1-1; with no code left it is not finished") == true)
        #expect(state.finishedCount == 0)
    }

    @Test func anyOtherKeyThanYKeepsTheCodeAndDoesNothingElse() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "f", "p", "1", "<Enter>")
        #expect(state.press("n").isEmpty)
        #expect(state.pendingRemoval == nil)
        #expect(state.currentEntry?.id == "R1-1")
        #expect(state.decisions["R1-1"]?.codes.keys.sorted() == ["C1"])
        #expect(state.decisions["R1-1"]?.finished == true)
        #expect(state.message == "kept C1 on R1-1")
    }

    @Test func removingOneOfSeveralCodesFromAFinishedExcerptKeepsItFinished() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "3", "<Enter>", "f", "p", "1", "<Enter>")
        let effects = state.press("y")
        #expect(effects.first?.recorded??.codes.keys.sorted() == ["R"])
        #expect(effects.first?.recorded??.finished == true)
    }

    @Test func aCodeCarryingASpanOrAMemoAsksEvenOnAnUnfinishedExcerpt() {
        var state = Fixture.state()
        state.press("<Tab>", "V", "1", "<Enter>")
        #expect(state.press("1", "<Enter>").isEmpty)
        #expect(state.pendingRemoval?.question == "Remove C1 (1 span) from R1-1? y/n")
        state.press("<Esc>", "2", "<Enter>", "M")
        state.type("ask the lead")
        state.press("<Enter>")
        #expect(state.press("2", "<Enter>").isEmpty)
        #expect(state.pendingRemoval?.question == "Remove C2 (memo) from R1-1? y/n")
    }

    @Test func removingAPlainCodeFromAnUnfinishedExcerptDoesNotAsk() {
        var state = Fixture.state()
        state.press("1", "<Enter>")
        #expect(state.press("1", "<Enter>") == [.record(excerptID: "R1-1", decision: nil)])
        #expect(state.message == "removed C1 from R1-1")
    }

    @Test func removingTheLastSpanOfACodeAsksFirst() {
        var state = Fixture.state()
        state.press("<Tab>", "V", "1", "<Enter>")
        #expect(state.press("-").isEmpty)
        #expect(state.pendingRemoval?.question == "Remove C1 (1 span) from R1-1? y/n")
        #expect(state.press("y") == [.record(excerptID: "R1-1", decision: nil)])
    }

    @Test func finishingWithACodeNumberTypedDoesNothingAndSaysSo() {
        var state = Fixture.state()
        #expect(state.press("3", "f").isEmpty)
        #expect(state.currentEntry?.id == "R1-1")
        #expect(state.typedNumber == "3")
        #expect(
            state.message
                == "not finished: code number 3 (R) is typed but not applied; Enter applies it, Esc clears it")
        #expect(state.press("<Enter>").first?.recorded??.codes.keys.sorted() == ["R"])
    }

    @Test func escClearsATypedNumberSoFinishingWorksAgain() {
        var state = Fixture.state()
        state.press("3", "<Esc>")
        #expect(state.typedNumber == "")
        #expect(state.message == "cleared the code number 3")
        #expect(state.press("f").first?.recorded??.finished == true)
    }

    @Test func undoAndRedoSayWhatTheyUndidAndRedid() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "f", "p", "1", "<Enter>", "y")
        let effects = state.press("u")
        #expect(state.message?.hasPrefix("undid: removed C1 from R1-1") == true)
        #expect(effects.first?.recorded??.codes.keys.sorted() == ["C1"])
        #expect(effects.first?.recorded??.finished == true)
        state.press("u")
        #expect(state.message == "undid: finished R1-1 with 1 code")
        state.press("C-r")
        #expect(state.message == "redid: finished R1-1 with 1 code")
    }
}

/// A code goes onto the selected words in one move, and `+`/`-` act on the code just applied.
@Suite struct SpansInOneMove {
    @Test func withASelectionACodeNumberAppliesTheCodeToTheSelection() {
        var state = Fixture.state()
        state.press("<Tab>", ")", "V")
        let effects = state.press("1", "<Enter>")
        // "Records were not sent on." runs from scalar 24 to 49.
        #expect(effects.first?.recorded??.codes["C1"]?.spans == [TextSpan(start: 24, end: 49)])
        #expect(state.message == "applied C1 to 25 characters of R1-1")
        #expect(state.selectionAnchor == nil)
    }

    @Test func withASelectionAHotkeyAppliesItsCodeToTheSelection() {
        var state = Fixture.state()
        state.press("<Tab>", "V")
        #expect(state.press("z").first?.recorded??.codes["C1"]?.spans == [TextSpan(start: 0, end: 23)])
    }

    @Test func withASelectionACodeChosenThroughTheFilterGoesOntoTheSelection() {
        var state = Fixture.state()
        state.press("<Tab>", "V", "/")
        state.type("lost")
        let effects = state.press("<Down>", "<Enter>")
        #expect(effects.first?.recorded??.codes["C2"]?.spans == [TextSpan(start: 0, end: 23)])
    }

    @Test func withASelectionACodeAppliedToTheWholeExcerptIsNarrowedNotRemoved() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "<Tab>", "V")
        let effects = state.press("1", "<Enter>")
        #expect(effects.first?.recorded??.codes["C1"]?.spans == [TextSpan(start: 0, end: 23)])
        #expect(state.message == "narrowed C1 to 23 characters of R1-1")
    }

    @Test func applyingACodeMovesTheTreeCursorToItSoPlusNarrowsItInOneKey() {
        var state = Fixture.state()
        state.press("3", "<Enter>")
        #expect(state.treeCursor == "R")
        state.press("<Tab>", ")", "V")
        let effects = state.press("+")
        #expect(effects.first?.recorded??.codes["R"]?.spans == [TextSpan(start: 24, end: 49)])
    }

    @Test func applyingACodeInAFoldedCategoryUnfoldsItToShowTheCursor() {
        var state = Fixture.state()
        state.press("<Tab>", "<Tab>", "h")
        #expect(state.collapsed == ["C"])
        state.press("2", "<Enter>")
        #expect(state.collapsed.isEmpty)
        #expect(state.treeCursor == "C2")
    }
}

/// The status line and the text say what the coder is about to do and what is found.
@Suite struct CodingFeedback {
    @Test func aTypedNumberNamesItsCodeAndWhatEnterWillDo() {
        var state = Fixture.state()
        state.press("3")
        #expect(state.message == "3: R Risk assessment — Enter applies it")
        state.press("<Enter>", "3")
        #expect(state.message == "3: R Risk assessment — Enter removes it")
        state.press("<Esc>", "9")
        #expect(state.message == "9: no code has this number; type more digits, or Esc clears it")
        state.press("<Esc>", "<Tab>", "V", "1")
        #expect(state.message == "1: C1 Referral not made — Enter applies it to the selection")
    }

    @Test func theSelectionShowsItsLengthAndFirstWordsInTheStatusLine() {
        var state = Fixture.state()
        state.press("<Tab>", ")", "V")
        #expect(CodingScreenView.statusText(state).hasPrefix("selected 25 characters: “Records were not sent…”"))
    }

    @Test func theTextSearchedForIsHighlightedInTheExcerpt() throws {
        var state = Fixture.state()
        state.press("s")
        state.type("BRUISES")
        state.press("<Enter>")
        #expect(state.currentEntry?.id == "R1-2")
        let screen = state.render()
        let row = try #require(screen.lines.firstIndex { $0.contains("The school saw bruises.") })
        let column = try #require(screen.text(row: row).range(of: "bruises")).lowerBound.utf16Offset(
            in: screen.text(row: row))
        #expect(screen[row, column].style.background == .basic(.yellow))
        #expect(screen[row, column - 2].style.background == .default)
    }

    @Test func matchesIgnoreCaseAndCountInScalarsOfTheExcerpt() {
        #expect(TextMatches.ranges(of: "ab", in: "Ab ab AB") == [0..<2, 3..<5, 6..<8])
        // "İ" lowercases to two scalars; the match after it still counts in the excerpt's own scalars.
        #expect(TextMatches.ranges(of: "x", in: "İx") == [1..<2])
        #expect(TextMatches.ranges(of: "aa", in: "aaa") == [0..<2])
        #expect(TextMatches.ranges(of: "", in: "abc").isEmpty)
    }
}
