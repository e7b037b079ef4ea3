import Testing

@testable import ThematicCore

@Suite struct ExcerptSplitterTests {
    private let text = """
        # Title

        ## Background

        One. Two. Three.

        Four. Five.

        ## Findings

        Six.
        """

    /// Found by fuzzing: the rest of a cut sentence began with the space it was cut at, and with no later space
    /// within the maximum the cut never moved on.
    @Test(.timeLimit(.minutes(1))) func aLongWordAfterTheFirstCutIsCutAtTheMaximum() {
        let sentence = "aaaa " + String(repeating: "b", count: 25)
        let pieces = ExcerptSplitter.cut(sentence, maximum: 10)
        #expect(pieces.joined(separator: " ").filter { $0 != " " } == "aaaa" + String(repeating: "b", count: 25))
        #expect(pieces.allSatisfy { $0.unicodeScalars.count <= 10 })
    }

    @Test func paragraphsAreTheDefaultUnit() {
        let (title, excerpts) = ExcerptSplitter.split(text, markup: .markdown, options: SplitOptions())
        #expect(title == "Title")
        #expect(excerpts.map(\.text) == ["One. Two. Three.", "Four. Five.", "Six."])
    }

    @Test func sentenceGroupsStayInsideTheirParagraph() {
        let excerpts = ExcerptSplitter.split(text, markup: .markdown, options: SplitOptions(unit: .sentences(2)))
            .excerpts
        #expect(excerpts.map(\.text) == ["One. Two.", "Three.", "Four. Five.", "Six."])
    }

    @Test func headingsUnitMakesOneExcerptPerSection() {
        let excerpts = ExcerptSplitter.split(text, markup: .markdown, options: SplitOptions(unit: .headings)).excerpts
        #expect(
            excerpts == [
                DraftExcerpt(section: "Background", text: "One. Two. Three.\n\nFour. Five."),
                DraftExcerpt(section: "Findings", text: "Six."),
            ])
    }

    @Test func aShortExcerptIsJoinedToTheNextInItsSection() {
        let joined = ExcerptSplitter.split(
            "A.\n\nB is longer.\n\nC is long enough.", markup: .plainText, options: SplitOptions(minimumLength: 10)
        ).excerpts
        #expect(joined.map(\.text) == ["A.\n\nB is longer.", "C is long enough."])
    }

    @Test func aShortLastExcerptIsJoinedToThePreviousOneButNeverAcrossSections() {
        let excerpts = ExcerptSplitter.split(text, markup: .markdown, options: SplitOptions(minimumLength: 12)).excerpts
        #expect(excerpts.map(\.text) == ["One. Two. Three.\n\nFour. Five.", "Six."])
    }

    @Test func aVeryLongParagraphIsCutAtSentenceEndsWithinTheMaximum() {
        let sentence = "The practitioners met again to discuss the plan."
        let paragraph = Array(repeating: sentence, count: 2_000).joined(separator: " ")
        let excerpts = ExcerptSplitter.split(paragraph, markup: .plainText, options: SplitOptions(maximumLength: 1_000))
            .excerpts
        #expect(excerpts.count > 90)
        #expect(excerpts.allSatisfy { $0.text.unicodeScalars.count <= 1_000 && $0.text.hasSuffix("plan.") })
        #expect(excerpts.map(\.text).joined(separator: " ") == paragraph)
    }

    @Test func aVeryLongParagraphIsKeptWholeWithoutAMaximum() {
        let paragraph = String(repeating: "word ", count: 50_000) + "end."
        let excerpts = ExcerptSplitter.split(paragraph, markup: .plainText, options: SplitOptions(maximumLength: nil))
            .excerpts
        #expect(excerpts.count == 1)
        #expect(excerpts[0].text.unicodeScalars.count == 250_004)
    }

    @Test func aSentenceLongerThanTheMaximumIsCutAtASpace() {
        let excerpts = ExcerptSplitter.split(
            "aaaa bbbb cccc dddd", markup: .plainText, options: SplitOptions(maximumLength: 10)
        ).excerpts
        #expect(excerpts.map(\.text) == ["aaaa bbbb", "cccc dddd"])
    }

    @Test func abbreviationsDoNotEndASentence() {
        #expect(
            ExcerptSplitter.sentences("Dr. Rahman saw Mother, e.g. twice. Then she left.") == [
                "Dr. Rahman saw Mother, e.g. twice.", "Then she left.",
            ])
    }

    @Test func chineseSentencesEndAtFullWidthStops() {
        #expect(ExcerptSplitter.sentences("儿童甲与母亲同住。社会工作者三次家访。") == ["儿童甲与母亲同住。", "社会工作者三次家访。"])
    }

    @Test func aHeadingWithNothingUnderItNamesTheNextSectionWithItsSubHeading() {
        let excerpts = ExcerptSplitter.split("## Empty\n\n## Full\n\nText.", markup: .markdown, options: SplitOptions())
            .excerpts
        #expect(excerpts == [DraftExcerpt(section: "Empty › Full", text: "Text.")])
    }

    @Test func theDefaultMaximumCutsAParagraphOfAPublishedReviewAtSentenceEnds() {
        let paragraph = Array(repeating: "The practitioner did not record the visit.", count: 100).joined(
            separator: " ")
        let excerpts = ExcerptSplitter.split(paragraph, markup: .plainText, options: SplitOptions()).excerpts
        #expect(excerpts.count == 2)
        #expect(
            excerpts.allSatisfy {
                $0.text.unicodeScalars.count <= SplitOptions.defaultMaximumLength && $0.text.hasSuffix("visit.")
            })
    }

    @Test func textBeforeTheFirstHeadingHasNoSection() {
        let excerpts = ExcerptSplitter.split(
            "Opening words.\n\n## Later\n\nMore.", markup: .markdown, options: SplitOptions()
        ).excerpts
        #expect(excerpts.first == DraftExcerpt(section: "", text: "Opening words."))
    }
}
