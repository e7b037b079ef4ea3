import TerminalUI
import Testing

@Suite struct ScreenTests {
    @Test func writtenTextAppearsAtItsPosition() {
        var screen = Screen(rows: 2, columns: 6)
        screen.write("ab", row: 1, column: 2)
        #expect(screen.lines == ["      ", "  ab  "])
    }

    @Test func writeReturnsTheColumnsItAdvanced() {
        var screen = Screen(rows: 1, columns: 10)
        let advanced = screen.write("安a", row: 0, column: 1)
        #expect(advanced == 3)
    }

    @Test func textIsClippedAtTheRightEdge() {
        var screen = Screen(rows: 1, columns: 4)
        let advanced = screen.write("abcdef", row: 0, column: 1)
        #expect(advanced == 3)
        #expect(screen.lines == [" abc"])
    }

    @Test func textIsClippedAtMaxWidth() {
        var screen = Screen(rows: 1, columns: 6)
        screen.write("abcdef", row: 0, column: 0, maxWidth: 2)
        #expect(screen.lines == ["ab    "])
    }

    @Test func wideCharacterAppearsOnceInTheRowText() {
        var screen = Screen(rows: 1, columns: 5)
        screen.write("a安b", row: 0, column: 0)
        #expect(screen.lines == ["a安b "])
        #expect(screen[0, 2].isContinuation)
    }

    @Test func wideCharacterThatDoesNotFitBecomesASpace() {
        var screen = Screen(rows: 1, columns: 3)
        screen.write("ab安", row: 0, column: 0, style: Style(attributes: .bold))
        #expect(screen.lines == ["ab "])
        #expect(screen[0, 2].style.attributes == .bold)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(rows: 1, columns: 4)
        screen.write("安全", row: 0, column: 0)
        screen.write("x", row: 0, column: 1)
        #expect(screen.lines == [" x全"])
    }

    @Test func combiningAccentSharesItsBaseCell() {
        var screen = Screen(rows: 1, columns: 3)
        screen.write("e\u{301}x", row: 0, column: 0)
        #expect(screen[0, 0].marks == ["\u{301}"])
        #expect(screen.lines == ["e\u{301}x "])
    }

    @Test func aCellKeepsAtMostFourMarksLikeNcurses() {
        var screen = Screen(rows: 1, columns: 2)
        screen.write("a\u{300}\u{301}\u{302}\u{303}\u{304}", row: 0, column: 0)
        #expect(screen[0, 0].marks.count == 4)
    }

    @Test func controlCharactersAreShownAsReplacementCharacters() {
        var screen = Screen(rows: 1, columns: 3)
        screen.write("a\tb", row: 0, column: 0)
        #expect(screen.lines == ["a\u{FFFD}b"])
    }

    @Test func writingOutsideTheScreenChangesNothing() {
        var screen = Screen(rows: 1, columns: 3)
        screen.write("abc", row: 5, column: 0)
        screen.write("abc", row: 0, column: 7)
        #expect(screen == Screen(rows: 1, columns: 3))
    }

    @Test func textStartingLeftOfTheScreenShowsItsVisiblePart() {
        var screen = Screen(rows: 1, columns: 3)
        screen.write("abcd", row: 0, column: -2)
        #expect(screen.lines == ["cd "])
    }

    @Test func fillBlanksARectangleInAStyle() {
        var screen = Screen(rows: 2, columns: 3)
        screen.write("abc", row: 0, column: 0)
        screen.write("def", row: 1, column: 0)
        let reverse = Style(attributes: .reverse)
        screen.fill(Rect(row: 0, column: 1, rows: 5, columns: 1), style: reverse)
        #expect(screen.lines == ["a c", "d f"])
        #expect(screen[1, 1].style == reverse)
    }

    @Test func screensWithTheSameCellsAreEqual() {
        var first = Screen(rows: 1, columns: 3)
        var second = Screen(rows: 1, columns: 3)
        first.write("ab", row: 0, column: 0)
        second.write("ab", row: 0, column: 0)
        #expect(first == second)
        second.write("c", row: 0, column: 2)
        #expect(first != second)
    }

    @Test func aZeroSizedScreenAcceptsWrites() {
        var screen = Screen(rows: 0, columns: 0)
        let advanced = screen.write("abc", row: 0, column: 0)
        #expect(advanced == 0)
        #expect(screen.lines.isEmpty)
    }
}
