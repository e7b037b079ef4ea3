import TerminalUI
import Testing

@Suite struct TextWrapTests {
    @Test func wrapsAtWordBoundaries() {
        let lines = TextWrap.wrap("the child was not seen", width: 10)
        #expect(lines.map(\.text) == ["the child", "was not", "seen"])
    }

    @Test func linesKnowTheScalarOffsetsTheyShow() {
        let lines = TextWrap.wrap("the child was not seen", width: 10)
        #expect(lines.map(\.range) == [0..<9, 10..<17, 18..<22])
    }

    @Test func breaksWordsLongerThanTheWidth() {
        let lines = TextWrap.wrap("safeguarding", width: 5)
        #expect(lines.map(\.text) == ["safeg", "uardi", "ng"])
    }

    @Test func keepsParagraphBreaksAndBlankLines() {
        let lines = TextWrap.wrap("one\n\ntwo", width: 10)
        #expect(lines.map(\.text) == ["one", "", "two"])
        #expect(lines.map(\.range) == [0..<3, 4..<4, 5..<8])
    }

    @Test func carriageReturnLineFeedIsOneParagraphBreak() {
        let lines = TextWrap.wrap("a\r\nb", width: 10)
        #expect(lines.map(\.text) == ["a", "b"])
        #expect(lines[1].range == 3..<4)
    }

    @Test func tabsExpandToTheNextTabStop() {
        let lines = TextWrap.wrap("a\tb", width: 20, tabWidth: 4)
        #expect(lines.map(\.text) == ["a   b"])
    }

    @Test func wideCharactersCountTwoColumns() {
        let lines = TextWrap.wrap("安全安全安", width: 4)
        #expect(lines.map(\.text) == ["安全", "安全", "安"])
    }

    @Test func offsetsCountUnicodeScalarsNotCharacters() {
        let lines = TextWrap.wrap("cafe\u{301} visit", width: 5)
        #expect(lines.map(\.text) == ["cafe\u{301}", "visit"])
        #expect(lines[1].range == 6..<11)
    }

    @Test func columnOfAnOffsetAccountsForWideCharacters() {
        let line = TextWrap.wrap("安a", width: 10)[0]
        #expect(line.column(ofOffset: 1) == 2)
    }

    @Test func positionOfAnOffsetFindsItsLineAndColumn() {
        let lines = TextWrap.wrap("the child was not seen", width: 10)
        #expect(TextWrap.position(ofOffset: 14, in: lines) == Position(row: 1, column: 4))
    }

    @Test func emptyTextGivesOneEmptyLine() {
        #expect(TextWrap.wrap("", width: 10).map(\.range) == [0..<0])
    }

    @Test func widthZeroIsTreatedAsOneColumn() {
        #expect(TextWrap.wrap("ab", width: 0).map(\.text) == ["a", "b"])
    }

    @Test func codedSpanIsDrawnInItsStyle() {
        let line = TextWrap.wrap("not seen", width: 10)[0]
        var screen = Screen(rows: 1, columns: 10)
        let coded = Style(attributes: .underline)
        screen.write(line, row: 0, column: 0) { (4..<8).overlaps($0.range) ? coded : .plain }
        #expect(screen[0, 3].style == .plain)
        #expect(screen[0, 4].style == coded)
        #expect(screen.trimmedLines == ["not seen"])
    }
}
