import Testing

@testable import ThematicCore

func retrieve(
    _ required: [String], not excluded: [String] = [], from source: CodingSource = .rule(.any),
    pages: [String: Int] = [:]
) throws -> [RetrievedExcerpt] {
    let study = HandBuiltStudy.make(pages: pages)
    return try ExcerptQuery(required: required, excluded: excluded).run(
        study: study, coding: SourceCoding(study: study, source: source))
}

@Test func aCategoryRetrievesEveryExcerptWithACodeUnderIt() throws {
    #expect(try retrieve(["P"]).map(\.excerpt.id) == ["e1", "e2", "e3", "e4", "e6"])
}

@Test func andRequiresEveryCode() throws {
    #expect(try retrieve(["P", "Q1"]).map(\.excerpt.id) == ["e2"])
}

@Test func notLeavesOutExcerptsWithTheCode() throws {
    #expect(try retrieve(["P1"], not: ["Q"]).map(\.excerpt.id) == ["e1", "e4", "e6"])
}

@Test func retrievalFollowsTheSource() throws {
    #expect(try retrieve(["P1"], from: .consensus).isEmpty)
    #expect(try retrieve(["P1"], from: .coder("ann")).map(\.excerpt.id) == ["e1", "e2"])
}

@Test func anUnknownCodeIsRefused() {
    #expect(throws: ExportError("no code \"Z9\" in the codebook")) { try retrieve(["Z9"]) }
}

@Test func codedSpansAreMarkedInTheText() throws {
    let found = try retrieve(["P1"], from: .coder("ann"))
    let e2 = try #require(found.last)
    #expect(e2.pieces.map(\.text) == ["Alpha", " beta gamma e2"])
    #expect(e2.pieces.map(\.coded) == [true, false])
    #expect(e2.codedText == "Alpha")
    #expect(found[0].codedText == "Alpha beta gamma e1")
}

@Test func textOutputNamesReviewSectionCodesAndMarksPassages() throws {
    let study = HandBuiltStudy.make()
    let query = ExcerptQuery(required: ["P1"])
    let output = RetrievalWriter.text(
        try retrieve(["P1"], from: .coder("ann")), query: query, study: study, source: .coder("ann"))
    #expect(output.hasPrefix("2 excerpts with P1 (source: coder ann)\n"))
    #expect(
        output.contains(
            "e2  R1 Review one  ·  Findings\ncodes: P1 First issue (characters 0-5); also Q1\nreview source: https://example.org/r1\n[[Alpha]] beta gamma e2\n"
        ))
}

@Test func markdownOutputQuotesTheTextWithPassagesInBold() throws {
    let study = HandBuiltStudy.make()
    let output = RetrievalWriter.markdown(
        try retrieve(["P1"], from: .coder("ann")), query: ExcerptQuery(required: ["P1"]),
        study: study, source: .coder("ann"))
    #expect(output.contains("> **Alpha** beta gamma e2"))
    #expect(output.contains("- source: coder ann"))
}

@Test func csvOutputHasOneLinePerExcerptWithTheCodedText() throws {
    let output = text(RetrievalWriter.delimited(try retrieve(["P1"], from: .coder("ann")), dialect: .csv))
    #expect(
        output.hasPrefix("excerpt,review,review_title,section,page,codes,other_codes,coded_text,text,review_source\r\n")
    )
    #expect(
        output.contains("\r\ne2,R1,Review one,Findings,,P1,Q1,Alpha,Alpha beta gamma e2,https://example.org/r1\r\n"))
}

// MARK: Pages

@Test func csvAndTSVGiveThePageRightAfterTheSection() throws {
    let found = try retrieve(["P1"], from: .coder("ann"), pages: ["e1": 3, "e2": 12])
    let csv = text(RetrievalWriter.delimited(found, dialect: .csv))
    #expect(csv.contains("\r\ne2,R1,Review one,Findings,12,P1,Q1,Alpha,Alpha beta gamma e2,https://example.org/r1\r\n"))
    let tsv = text(RetrievalWriter.delimited(found, dialect: .tsv))
    #expect(tsv.hasPrefix("excerpt\treview\treview_title\tsection\tpage\tcodes\t"))
    #expect(tsv.contains("\r\ne1\tR1\tReview one\tFindings\t3\tP1\t"))
}

@Test func textAndMarkdownCiteThePageAfterTheSection() throws {
    let study = HandBuiltStudy.make(pages: ["e2": 12])
    let found = try retrieve(["P1"], from: .coder("ann"), pages: ["e2": 12])
    let query = ExcerptQuery(required: ["P1"])
    let plain = RetrievalWriter.text(found, query: query, study: study, source: .coder("ann"))
    #expect(plain.contains("\ne2  R1 Review one  ·  Findings  ·  p. 12\ncodes:"))
    #expect(plain.contains("\ne1  R1 Review one  ·  Findings\ncodes:"))
    let markdown = RetrievalWriter.markdown(found, query: query, study: study, source: .coder("ann"))
    #expect(markdown.contains("## e2: Review one (R1), Findings, p. 12\n"))
    #expect(markdown.contains("## e1: Review one (R1), Findings\n"))
}
