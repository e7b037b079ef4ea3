import Testing

@testable import ThematicCore

/// The hand-built study with memos: ann on e1 (excerpt) and on e2's Q1 and P1; bob on e1's P1 and on e4 (excerpt).
func studyWithMemos() -> Study {
    var study = HandBuiltStudy.make()
    study.codings["ann"]?.excerpts["e1"]?.memo = "Same episode as before"
    study.codings["ann"]?.excerpts["e2"]?.codes["Q1"]?.memo = "Q1 or P2? went with Q1"
    study.codings["ann"]?.excerpts["e2"]?.codes["P1"]?.memo = "only the first sentence"
    study.codings["bob"]?.excerpts["e1"]?.codes["P1"]?.memo = "Ask the lead about BRUISES"
    study.codings["bob"]?.excerpts["e4"]?.memo = "long passage"
    return study
}

@Suite struct MemoIndexTests {
    @Test func listsEveryCodersMemosInReadingOrderThenCoderExcerptMemoFirstThenCode() {
        let memos = MemoIndex(study: studyWithMemos()).memos
        #expect(
            memos.map { "\($0.excerptID) \($0.coder) \($0.kind.rawValue) \($0.codeID ?? "-")" } == [
                "e1 ann excerpt -", "e1 bob coding P1", "e2 ann coding P1", "e2 ann coding Q1", "e4 bob excerpt -",
            ])
    }

    @Test func eachMemoCarriesItsReviewWhenAndTheExcerptsFirstWords() {
        let memo = MemoIndex(study: studyWithMemos()).memos[0]
        #expect(
            memo
                == Memo(
                    kind: .excerpt, excerptID: "e1", reviewID: "R1", codeID: nil, coder: "ann",
                    updated: HandBuiltStudy.stamp, firstWords: "Alpha beta gamma e1", text: "Same episode as before"))
    }

    @Test func coderKeepsOnlyThatCodersMemos() {
        let memos = MemoIndex(study: studyWithMemos(), filter: .init(coder: "bob")).memos
        #expect(memos.map(\.coder) == ["bob", "bob"])
    }

    @Test func codeKeepsOnlyCodingMemosOnThatCode() {
        let memos = MemoIndex(study: studyWithMemos(), filter: .init(code: "P1")).memos
        #expect(memos.map { "\($0.excerptID) \($0.coder)" } == ["e1 bob", "e2 ann"])
    }

    @Test func reviewKeepsOnlyMemosOnThatReviewsExcerpts() {
        let memos = MemoIndex(study: studyWithMemos(), filter: .init(review: "R2")).memos
        #expect(memos.map(\.excerptID) == ["e4"])
    }

    @Test func searchIgnoresCaseAndReadsOnlyTheMemoText() {
        #expect(MemoIndex(study: studyWithMemos(), filter: .init(search: "bruises")).memos.map(\.coder) == ["bob"])
        #expect(MemoIndex(study: studyWithMemos(), filter: .init(search: "alpha")).memos.isEmpty)
    }

    @Test func filtersCombine() {
        #expect(
            MemoIndex(study: studyWithMemos(), filter: .init(coder: "ann", code: "Q1", review: "R1", search: "went"))
                .memos.count == 1)
        #expect(MemoIndex(study: studyWithMemos(), filter: .init(coder: "bob", code: "Q1")).memos.isEmpty)
    }

    @Test func firstWordsEndWithAnEllipsisOnlyWhenWordsAreLeftOut() {
        #expect(MemoIndex.firstWords(of: "one two  three", count: 3) == "one two three")
        #expect(MemoIndex.firstWords(of: "one two three four", count: 3) == "one two three…")
    }
}

@Suite struct MemoWriterTests {
    let memos = MemoIndex(study: studyWithMemos()).memos

    @Test func csvHasOneLinePerMemoUnderTheHeaders() {
        let text = String(decoding: MemoWriter.delimited(memos), as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        #expect(lines.first == "kind,excerpt,review,code,coder,updated,first_words,memo")
        #expect(
            lines[2] == "coding,e1,R1,P1,bob,\(HandBuiltStudy.stamp),Alpha beta gamma e1,Ask the lead about BRUISES")
        #expect(lines.count == 6)
    }

    @Test func jsonLeavesOutTheCodeOfAnExcerptMemo() {
        let text = String(decoding: MemoWriter.json(Array(memos.prefix(2))), as: UTF8.self)
        #expect(text.contains("\"kind\": \"thematic.memos\""))
        #expect(text.components(separatedBy: "\"code\":").count == 2)
    }

    @Test func markdownQuotesEachMemoUnderAHeading() {
        let text = MemoWriter.markdown(memos, studyTitle: "Hand-built study")
        #expect(text.contains("## e2, Q1 by ann (coding memo, \(HandBuiltStudy.stamp))"))
        #expect(text.contains("> Q1 or P2? went with Q1"))
    }
}
