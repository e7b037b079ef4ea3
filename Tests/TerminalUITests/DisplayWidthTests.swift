import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiLettersTakeOneColumnEach() {
        #expect(DisplayWidth.of("coding") == 6)
    }

    @Test func cjkCharactersTakeTwoColumns() {
        #expect(DisplayWidth.of("安全") == 4)
    }

    @Test func paddingCountsColumnsNotCharacters() {
        #expect(DisplayWidth.padRight("安全", toWidth: 6) == "安全  ")
        #expect(DisplayWidth.padLeft("安全", toWidth: 6) == "  安全")
        #expect(DisplayWidth.padRight("e\u{301}", toWidth: 3) == "e\u{301}  ")
        #expect(DisplayWidth.padRight("already wide", toWidth: 4) == "already wide")
    }

    @Test func emojiTakeTwoColumns() {
        #expect(DisplayWidth.of("🙂") == 2)
    }

    @Test func combiningAccentTakesNoColumnOfItsOwn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
    }

    @Test func zeroWidthJoinerAndVariationSelectorTakeNoColumns() {
        #expect(DisplayWidth.of("\u{200D}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{FE0F}" as Unicode.Scalar) == 0)
    }

    @Test func zwjFamilyTakesTwoColumnsPerPersonAsNcursesCountsIt() {
        #expect(DisplayWidth.of("👩\u{200D}👧") == 4)
    }

    @Test func controlCharactersAreShownAsOneReplacementColumn() {
        #expect(DisplayWidth.of("\u{7}" as Unicode.Scalar) == 1)
        #expect(!DisplayWidth.isPrintable("\u{7}"))
    }

    @Test func truncationEndsWithAnEllipsisWithinTheWidth() {
        #expect(DisplayWidth.truncate("Neglect of the child", toWidth: 8) == "Neglect…")
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("安全安全", toWidth: 4) == "安…")
    }
}
