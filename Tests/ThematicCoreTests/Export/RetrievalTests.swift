import Testing
@testable import ThematicCore

func retrieve(_ required: [String], not excluded: [String] = [], from source: CodingSource = .rule(.any)) throws -> [RetrievedExcerpt] {
    let study = HandBuiltStudy.make()
    return try ExcerptQuery(required: required, excluded: excluded).run(study: study, coding: SourceCoding(study: study, source: source))
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
    let output = RetrievalWriter.text(try retrieve(["P1"], from: .coder("ann")), query: query, study: study, source: .coder("ann"))
    #expect(output.hasPrefix("2 excerpts with P1 (source: coder ann)\n"))
    #expect(output.contains("e2  R1 Review one  ·  Findings\ncodes: P1 First issue (characters 0-5); also Q1\nreview source: https://example.org/r1\n[[Alpha]] beta gamma e2\n"))
}

@Test func markdownOutputQuotesTheTextWithPassagesInBold() throws {
    let study = HandBuiltStudy.make()
    let output = RetrievalWriter.markdown(try retrieve(["P1"], from: .coder("ann")), query: ExcerptQuery(required: ["P1"]),
                                          study: study, source: .coder("ann"))
    #expect(output.contains("> **Alpha** beta gamma e2"))
    #expect(output.contains("- source: coder ann"))
}

@Test func csvOutputHasOneLinePerExcerptWithTheCodedText() throws {
    let output = text(RetrievalWriter.delimited(try retrieve(["P1"], from: .coder("ann")), dialect: .csv))
    #expect(output.hasPrefix("excerpt,review,review_title,section,codes,other_codes,coded_text,text,review_source\r\n"))
    #expect(output.contains("\r\ne2,R1,Review one,Findings,P1,Q1,Alpha,Alpha beta gamma e2,https://example.org/r1\r\n"))
}
