import Agreement
import Testing
import ThematicTestSupport

@testable import ThematicCore

@Suite struct StudySpanReliabilityTests {
    private typealias Span = SpanReliabilityData.Span

    private func valid() throws -> Study {
        try StudyReader.load(StudyFolder(path: TestSupport.fixtures + "/valid")).study
    }

    /// The valid study with a second category, B, holding B2, which ben applied to R1-1.
    private func twoCategories() throws -> Study {
        var study = try valid()
        study.codebook.codes += [
            Code(id: "B", name: "Services", codable: false), Code(id: "B2", name: "Waiting", parent: "B"),
        ]
        study.codings["ben"]!.excerpts["R1-1"]!.codes["B2"] = AppliedCode(spans: [TextSpan(start: 20, end: 30)])
        return study
    }

    @Test func onlyExcerptsFinishedByEveryCoderAreUnitsAsLongAsTheirTextInUnicodeScalars() throws {
        var study = try valid()
        study.codings["ben"]!.excerpts["R1-2"] = ExcerptCoding(
            finished: true, updated: "2026-11-04T10:01:00Z", codebookRevision: 2)
        let data = try StudySpanReliability(study: study).data
        #expect(data.coders == ["asha", "ben"])
        #expect(data.units.map(\.id) == ["R1-1", "R1-2"], "R2-1 is not finished by asha")
        #expect(data.units.map(\.length) == [49, 46], "\"Café … 中文\" counts Unicode scalars")
        #expect(data.units[1].spans == ["asha": [], "ben": []], "finished with no code: coded, nothing marked")
    }

    @Test func aCodeWithSpansKeepsThemAndACodeWithoutSpansCoversTheWholeExcerpt() throws {
        let data = try StudySpanReliability(study: valid()).data
        #expect(data.codes == ["A1", "A2"])
        #expect(data.units[0].spans["asha"] == [Span(code: "A1", start: 4, end: 17)])
        #expect(
            data.units[0].spans["ben"] == [Span(code: "A1", start: 0, end: 49), Span(code: "A2", start: 0, end: 49)])
    }

    @Test func rollingUpALevelCountsEachCodeAsItsAncestor() throws {
        let data = try StudySpanReliability(study: valid(), selection: AgreementSelection(level: 1)).data
        #expect(data.codes == ["A"])
        #expect(data.units[0].spans["asha"] == [Span(code: "A", start: 4, end: 17)])
        #expect(
            data.units[0].spans["ben"] == [Span(code: "A", start: 0, end: 49), Span(code: "A", start: 0, end: 49)],
            "the continuum joins one coder's overlapping spans of one code")
    }

    @Test func aCategoryKeepsOnlyTheCodesUnderIt() throws {
        let study = try twoCategories()
        #expect(try StudySpanReliability(study: study).data.codes == ["A1", "A2", "B2"])
        let onlyB = try StudySpanReliability(study: study, category: "B").data
        #expect(onlyB.codes == ["B2"])
        #expect(onlyB.units[0].spans == ["asha": [], "ben": [Span(code: "B2", start: 20, end: 30)]])
        #expect(try StudySpanReliability(study: study, category: "A").data.codes == ["A1", "A2"])
    }

    @Test func aCategoryReachesCodesAtAnyDepth() throws {
        var study = try twoCategories()
        study.codebook.codes.append(Code(id: "B2a", name: "Waiting long", parent: "B2"))
        study.codings["asha"]!.excerpts["R1-1"]!.codes["B2a"] = AppliedCode()
        let data = try StudySpanReliability(study: study, category: "B").data
        #expect(data.codes == ["B2", "B2a"])
        #expect(data.units[0].spans["asha"] == [Span(code: "B2a", start: 0, end: 49)])
    }

    @Test func anUnknownCategoryIsRefusedByName() throws {
        let error = #expect(throws: StudyReliability.SelectionError.self) {
            try StudySpanReliability(study: valid(), category: "Z")
        }
        #expect(error?.description.hasPrefix("no code \"Z\" in the codebook") == true)
    }

    @Test func aCodeWithNothingUnderItIsRefusedAsACategory() throws {
        let error = #expect(throws: StudyReliability.SelectionError.self) {
            try StudySpanReliability(study: valid(), category: "A1")
        }
        #expect(
            error?.description
                == "\"A1\" (Information not shared) is not a category: no code sits under it in the codebook")
    }

    @Test func reviewsAndCodersAreChosenAsForExcerptLevelAgreement() throws {
        #expect(
            try StudySpanReliability(study: valid(), selection: AgreementSelection(reviews: ["R2"])).data.units.isEmpty)
        #expect(throws: StudyReliability.SelectionError.self) {
            try StudySpanReliability(study: valid(), selection: AgreementSelection(coders: ["asha"]))
        }
    }

    @Test func noExcerptFinishedByEveryCoderIsAWarning() throws {
        let warnings = try StudySpanReliability(study: valid(), selection: AgreementSelection(reviews: ["R2"])).warnings
        #expect(
            warnings == [
                "no excerpt was finished by every one of asha, ben; span-level figures compare only excerpts all of them finished"
            ])
    }

    @Test func theDemoStudyHasUnitsOfEveryExcerptBothCodersFinishedAndSpansNarrowerThanThem() throws {
        let study = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
        let data = try StudySpanReliability(study: study, selection: AgreementSelection(coders: ["asha", "ben"])).data
        let finishedByBoth = study.corpus.excerptIDs.filter { id in
            ["asha", "ben"].allSatisfy { study.codings[$0]!.excerpts[id]?.finished == true }
        }
        #expect(data.units.map(\.id) == finishedByBoth)
        #expect(data.units.contains { unit in unit.spans.values.joined().contains { $0.end - $0.start < unit.length } })
        for unit in data.units {
            #expect(
                unit.spans.values.joined().allSatisfy { 0 <= $0.start && $0.start < $0.end && $0.end <= unit.length })
        }
    }
}
