import Testing

@testable import ThematicCore

/// Cutting an already-coded text into excerpts without changing a character, so source positions stay exact.
@Suite struct SourceTextCutterTests {
    private func cut(_ text: String, _ options: SplitOptions = SplitOptions(), selected: [Range<Int>] = [])
        -> [SourceTextCutter.Cut]
    {
        SourceTextCutter(options: options, selected: selected).cut(text)
    }

    /// The source text under each cut, to compare with the excerpt's own text.
    private func sourceText(_ text: String, _ cut: SourceTextCutter.Cut) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[cut.start..<cut.end]))
    }

    @Test func eachLineIsAParagraphAndEachExcerptIsExactlyItsStretchOfTheSource() {
        let text = "  First line here.\nSecond line, café 🙂.\n\n\tThird line.  \n"
        let cuts = cut(text)
        #expect(cuts.map(\.text) == ["First line here.", "Second line, café 🙂.", "Third line."])
        for cut in cuts { #expect(sourceText(text, cut) == cut.text) }
    }

    @Test func aCarriageReturnInsideAnExcerptIsDroppedAndPositionsAfterItStillMapExactly() {
        let text = "One short.\r\nTwo short.\r\nThree is the last line."
        let cuts = cut(text, SplitOptions(minimumLength: 15))
        #expect(cuts.map(\.text) == ["One short.\nTwo short.", "Three is the last line."])
        let start = Array(text.unicodeScalars).firstIndex(of: "T")!
        #expect(cuts[0].local(start) == "One short.\n".unicodeScalars.count)
        #expect(cuts[0].local(cuts[0].end) == cuts[0].text.unicodeScalars.count)
    }

    @Test func aHeadingNamesTheSectionOfTheParagraphsUnderIt() {
        let cuts = cut("Background\nThe family moved twice in 2019.\nFindings\nNo strategy meeting was held.\n")
        #expect(cuts.map(\.section) == ["Background", "Findings"])
        #expect(cuts.map(\.text) == ["The family moved twice in 2019.", "No strategy meeting was held."])
    }

    @Test func aHeadingSomebodyCodedStaysAnExcerpt() {
        let cuts = cut("Background\nThe family moved twice in 2019.\n", selected: [2..<6])
        #expect(cuts.map(\.text) == ["Background", "The family moved twice in 2019."])
    }

    @Test func sentencesAreGroupedWithinAParagraph() {
        let cuts = cut("One is here. Two is here. Three is here.\nFour.\n", SplitOptions(unit: .sentences(2)))
        #expect(cuts.map(\.text) == ["One is here. Two is here.", "Three is here.", "Four."])
    }

    @Test func theHeadingsUnitKeepsASectionWholeWithItsLineBreaks() {
        let text = "Findings\nFirst finding here.\nSecond finding here.\n"
        let cuts = cut(text, SplitOptions(unit: .headings))
        #expect(cuts.map(\.text) == ["First finding here.\nSecond finding here."])
        #expect(sourceText(text, cuts[0]) == cuts[0].text)
    }

    @Test func aLongParagraphIsCutAtSentenceEndsAndEveryPieceIsStillExact() {
        let text = String(repeating: "A sentence of some length. ", count: 10) + "\n"
        let cuts = cut(text, SplitOptions(maximumLength: 60))
        #expect(cuts.count == 5)
        #expect(cuts.allSatisfy { $0.text.unicodeScalars.count <= 60 })
        for cut in cuts { #expect(sourceText(text, cut) == cut.text) }
    }
}
