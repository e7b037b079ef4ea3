import Testing

@testable import ThematicCore

@Test func unfinishedExcerptsAreNotCodedUnderACoder() {
    let coding = SourceCoding(study: HandBuiltStudy.make(), source: .coder("ann"))
    #expect(coding.codes(of: "e6") == nil)
    #expect(coding.codes(of: "e3") == [:])
    #expect(coding.codedCount == 6)
}

@Test func aRuleLooksOnlyAtTheCodersWhoFinishedTheExcerpt() {
    let coding = SourceCoding(study: HandBuiltStudy.make(), source: .rule(.all))
    #expect(coding.codes(of: "e6").map { Set($0.keys) } == ["P1"])
    #expect(coding.codes(of: "e7").map { Set($0.keys) } == ["Q1"])
}

@Test func combinedSpansAreTheWholeExcerptWhenAnyCoderCodedTheWhole() {
    let combined = SourceCoding.combine([["P1": [TextSpan(start: 0, end: 5)]], ["P1": []]], .any)
    #expect(combined == ["P1": []])
}

@Test func combinedSpansAreTheUnionOfTheCodersSpans() {
    let combined = SourceCoding.combine(
        [["P1": [TextSpan(start: 6, end: 9)]], ["P1": [TextSpan(start: 0, end: 5)]]], .all)
    #expect(combined == ["P1": [TextSpan(start: 0, end: 5), TextSpan(start: 6, end: 9)]])
}

@Test func anUnknownCoderIsRefusedNamingTheCoders() {
    #expect(throws: ExportError("no coder \"zoe\" in this study (coders: ann, bob, cy)")) {
        try CodingSource.coder("zoe").validate(in: HandBuiltStudy.make())
    }
}

@Test func theConsensusSourceNamesItsLead() {
    #expect(
        CodingSource.consensus.description(in: HandBuiltStudy.make())
            == "consensus (lead lena; only the 2 excerpts with a decision count)")
}

@Test func spansOfAMergedCodeCountForTheCodeItWasMergedInto() {
    let coding = SourceCoding(study: HandBuiltStudy.make(), source: .coder("ann"))
    #expect(coding.codes(of: "e5") == ["Q1": []])
}
