import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// A memo being typed is never lost by a key, and its whole text shows, wrapped in a box over the screen.
@Suite struct MemoEditor {
    @Test func ctrlCOnAChangedMemoAsksInsteadOfQuitting() {
        var state = Fixture.state()
        state.press("m")
        state.type("ask the lead")
        #expect(state.press("C-c").isEmpty)
        #expect(state.memoQuestion == .quitting)
        #expect(state.screenText.contains("Quit with the memo unsaved? y saves it and quits"))
        #expect(state.prompt == .excerptMemo, "the memo stays open behind the question")
    }

    @Test func yesSavesTheMemoThenQuits() {
        var state = Fixture.state()
        state.press("m")
        state.type("ask the lead")
        state.press("C-c")
        let effects = state.press("y")
        #expect(effects.count == 2)
        #expect(effects.first?.recorded??.memo == "ask the lead")
        #expect(effects.last == .quit)
    }

    @Test func noQuitsWithoutTheMemoAndEscKeepsEditing() {
        var state = Fixture.state()
        state.press("m")
        state.type("ask")
        state.press("C-c")
        #expect(state.press("<Esc>").isEmpty)
        #expect(state.memoQuestion == nil)
        state.type(" the lead")
        #expect(state.field.text == "ask the lead")
        state.press("C-c")
        #expect(state.press("n") == [.quit])
    }

    @Test func aSecondCtrlCSavesTheMemoAndQuits() {
        var state = Fixture.state()
        state.press("m")
        state.type("ask the lead")
        state.press("C-c")
        let effects = state.press("C-c")
        #expect(effects.first?.recorded??.memo == "ask the lead")
        #expect(effects.last == .quit)
    }

    @Test func ctrlCOnAnUnchangedMemoQuitsAsEver() {
        var state = Fixture.state()
        state.press("m")
        #expect(state.press("C-c") == [.quit])
    }

    @Test func escOnAChangedMemoAsksSaveDiscardOrKeepEditing() {
        var state = Fixture.state()
        state.press("m")
        state.type("ask the lead")
        #expect(state.press("<Esc>").isEmpty)
        #expect(state.memoQuestion == .leaving)
        #expect(state.screenText.contains("The memo has changed. Save it? y saves · n discards the changes"))
        let saved = state.press("s")
        #expect(saved.first?.recorded??.memo == "ask the lead")
        #expect(state.prompt == nil)

        state.press("n", "m")
        state.type("draft")
        state.press("<Esc>")
        #expect(state.press("d").isEmpty)
        #expect(state.prompt == nil)
        #expect(state.message == "the memo's changes are discarded")
        #expect(state.decisions["R1-2"] == nil)
    }

    @Test func escOnAnUnchangedMemoClosesIt() {
        var state = Fixture.state()
        state.press("m")
        #expect(state.press("<Esc>").isEmpty)
        #expect(state.prompt == nil)
        #expect(state.memoQuestion == nil)
    }

    @Test func anyOtherKeyWhileAskedSaysWhatTheAnswersAre() {
        var state = Fixture.state()
        state.press("m")
        state.type("x")
        state.press("<Esc>", "q")
        #expect(state.memoQuestion == .leaving)
        #expect(state.field.text == "x", "q answers nothing and types nothing")
        #expect(state.message == "q does nothing here; y saves the memo, n discards it, Esc keeps editing")
    }

    @Test func qInAMemoIsALetter() {
        var state = Fixture.state()
        state.press("m")
        #expect(state.press("q").isEmpty)
        #expect(state.field.text == "q")
    }

    /// The memo's start stays in view however long it grows: the box shows every wrapped line.
    @Test func aLongMemoWrapsWholeInABoxWithItsStartInView() {
        var state = Fixture.state(rows: 24, columns: 60)
        state.press("m")
        let words = (1...30).map { "word\($0)" }.joined(separator: " ")
        state.type(words)
        let text = state.screenText
        #expect(text.contains("Memo on R1-1"))
        #expect(text.contains("│ word1 word2 word3"))
        #expect(text.contains("word30"))
        #expect(state.screenText.contains("Enter saves the memo (it wraps as you type)"))
    }

    @Test func upAndDownMoveTheCursorAWrappedLineKeepingItsColumn() {
        var state = Fixture.state(rows: 24, columns: 40)
        state.press("m")
        // 34 columns to wrap to: two lines of "aaaa " words.
        state.type(String(repeating: "aaaa ", count: 12).trimmed)
        let end = state.field.cursor
        state.press("<Up>")
        #expect(state.field.cursor < end)
        #expect(end - state.field.cursor == 35, "one line up, same column: \(state.field.cursor)")
        state.press("<Down>")
        #expect(state.field.cursor == end)
    }

    @Test func enterSavesTheMemoAndNeverStartsANewLine() {
        var state = Fixture.state()
        state.press("m")
        state.type("first")
        let effects = state.press("<Enter>")
        #expect(effects.first?.recorded??.memo == "first")
        #expect(state.prompt == nil)
    }
}
