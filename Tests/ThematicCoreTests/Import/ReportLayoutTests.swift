import Testing

@testable import ThematicCore

/// How the layout of a report's text becomes passages: page furniture out, paragraphs whole, headings only where a
/// reader sees one.
@Suite struct ReportLayoutTests {
    private func lay(_ text: String) -> LaidOutReport {
        ReportLayout(isEnglishWord: EnglishWords.contains).lay(TextDocument.read(text, markup: .plainText))
    }

    /// A review as PDF-to-text sites serve it: hard-wrapped lines, "Page N of M" lines, a running header, no blank
    /// lines, and a paragraph that runs over the page break.
    private let copiedFromAPDF = """
        Serious Case Review: Child Q
        3. Key practice episodes
        3.1 The health visitor saw the family at home on four occasions during the
        spring. On each visit the father answered for the mother, and the health visitor
        recorded that she could not ask about domestic abuse. No plan was made to see
        Page 4 of 9
        Serious Case Review: Child Q
        the mother alone, and the concern was not shared with the GP.
        3.2 A strategy discussion was not convened when the baby was seen with a bruise,
        although the local protocol requires one for any bruise in a non-mobile baby.
        Page 5 of 9
        Serious Case Review: Child Q
        4. Findings
        4.1 Information about the father's history was held by the police alone.
        Page 6 of 9
        """

    /// Each blank line once asked whether it stood at a page break by walking the whole run of blank lines around
    /// it: a hostile review of 100,000 blank lines (100 KB) would have hung the import for over half an hour.
    @Test(.timeLimit(.minutes(1))) func aLongRunOfBlankLinesIsReadInOnePass() {
        let blanks = String(repeating: "\n", count: 100_000)
        let report = lay("The first paragraph.\n" + blanks + "The second paragraph.\n" + blanks)
        #expect(report.blocks.map(\.text) == ["The first paragraph.", "The second paragraph."])
    }

    /// Short paragraphs gather into runs of about 4,000 bytes; each once read the run so far again, so a review of
    /// 30,000 short paragraphs (400 KB) took minutes.
    @Test(.timeLimit(.minutes(1))) func shortParagraphsGatherIntoRunsWithoutRereadingEachRun() {
        let lines = (0..<30_000).map { "a short line \($0 % 10)" }
        let report = lay(lines.joined(separator: "\n\n") + "\n")
        #expect(report.blocks.count > 1)
        // A run takes paragraphs while it is within 4,000 bytes: the last one may take it just over.
        #expect(report.blocks.allSatisfy { $0.text.utf8.count <= 4_000 + "\na short line 9".utf8.count })
        #expect(report.blocks.map(\.text).joined(separator: "\n") == lines.joined(separator: "\n"))
    }

    @Test func pageNumberLinesGiveUnpagedTextItsPagesAndTheRunningHeaderGoes() {
        let layout = lay(copiedFromAPDF)
        #expect(
            layout.removed.map(\.reason) == [
                .runningHeader, .pageNumber, .runningHeader, .pageNumber, .runningHeader, .pageNumber,
            ])
        #expect(layout.blocks.map(\.page) == [4, 5, 6])
    }

    @Test func aParagraphRunsOnOverAPageBreakAndANumberedOneStartsAfresh() {
        let layout = lay(copiedFromAPDF)
        #expect(
            layout.blocks.map(\.section) == ["3. Key practice episodes", "3. Key practice episodes", "4. Findings"])
        #expect(layout.blocks[0].text.hasPrefix("3.1 The health visitor"))
        #expect(
            layout.blocks[0].text.hasSuffix(
                "No plan was made to see the mother alone, and the concern was not shared with the GP."))
        #expect(layout.blocks[1].text.hasPrefix("3.2 A strategy discussion"))
    }

    @Test func aCoverPageOfShortLinesIsKeptAsOnePassageNotTakenForHeadings() {
        let layout = lay(
            """
            Serious Case Review

            Child M

            Author: Jane Leather

            Chair: Kath Nelson

            March 2019

            1. Introduction

            1.1 This review was commissioned by the partnership.
            """)
        #expect(
            layout.blocks.first?.text
                == "Serious Case Review\nChild M\nAuthor: Jane Leather\nChair: Kath Nelson\nMarch 2019")
        #expect(layout.blocks.first?.section == "")
        #expect(layout.headings == ["1. Introduction"])
    }

    @Test func textWithOneParagraphPerLineIsSplitAtEveryLine() {
        let long = String(repeating: "The panel considered what the agencies knew and when they knew it. ", count: 5)
        let layout = lay(
            "Decision to Initiate\n\(long)\n\(long)\nA review must be arranged when:\n- a child has died; or\n- a child has been seriously harmed."
        )
        #expect(layout.blocks.count == 3)
        #expect(layout.blocks.allSatisfy { $0.section == "Decision to Initiate" })
        #expect(
            layout.blocks[2].text
                == "A review must be arranged when:\n- a child has died; or\n- a child has been seriously harmed.")
    }

    @Test func wordsHyphenatedAtALineEndAreJoinedAndRealHyphensKept() {
        let layout = lay(
            """
            The baby was non-
            mobile and the call-
            out team did not complete an assess-
            ment of the family, nor a con-
            sultation with the Anglo-
            Saxon named practitioner.
            """)
        #expect(
            layout.blocks.map(\.text) == [
                "The baby was non-mobile and the call-out team did not complete an assessment of the family, nor a consultation with the Anglo-Saxon named practitioner."
            ])
        #expect(layout.rejoinedWords == 2)
    }

    @Test func aContentsPageIsRemovedButAContentsLineInProseIsNot() {
        let layout = lay(
            "Contents\n\n1. Introduction\t3\n2. Background ........ 4\n\n1. Introduction\n\nThe contents of the file were read. 3"
        )
        #expect(layout.removed.map(\.reason) == [.contents, .contents, .contents])
        #expect(layout.blocks.map(\.text) == ["The contents of the file were read. 3"])
    }

    @Test func aHeadingStraightAfterAnotherKeepsBothInTheSectionName() {
        let layout = lay("Executive Summary\n\nAbout the project\n\nThe project aimed to improve reviews.")
        #expect(layout.blocks.map(\.section) == ["Executive Summary › About the project"])
    }
}

extension ReportLayoutTests {
    @Test func aNameOrADateAloneOnItsLineIsTextNotASection() {
        let layout = lay(
            "The panel thanks the family.\n\nKath Nelson\n\nThe review was completed in spring.\n\nMarch 2019\n\nIt was published later."
        )
        #expect(layout.headings == [])
        #expect(
            layout.blocks.map(\.text) == [
                "The panel thanks the family.", "Kath Nelson", "The review was completed in spring.", "March 2019",
                "It was published later.",
            ])
    }
}
