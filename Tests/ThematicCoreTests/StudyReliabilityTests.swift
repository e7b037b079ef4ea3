import Agreement
import Testing
import ThematicTestSupport

@testable import ThematicCore

@Suite struct StudyReliabilityTests {
    private func valid() throws -> Study {
        try StudyReader.load(StudyFolder(path: TestSupport.fixtures + "/valid")).study
    }

    @Test func finishedExcerptsAreValuesAndUnfinishedOnesAreMissing() throws {
        let data = try StudyReliability(study: valid()).data
        #expect(data.coders == ["asha", "ben"])
        #expect(data.unitIDs == ["R1-1", "R1-2", "R2-1"])
        #expect(data.codes == ["A1", "A2"], "retired and unused B1 is left out; categories are not codable")
        #expect(data.coding(unit: 0, coder: 0) == [0])
        #expect(data.coding(unit: 1, coder: 0) == [], "finished with no code is a real value")
        #expect(data.coding(unit: 2, coder: 0) == nil, "asha has not finished R2-1")
        #expect(data.coding(unit: 1, coder: 1) == nil, "ben never coded R1-2")
        #expect(data.coding(unit: 0, coder: 1) == [0, 1])
    }

    @Test func rollingUpToTheTopLevelCountsACategoryWhenAnyCodeUnderItIsApplied() throws {
        let data = try StudyReliability(study: valid(), selection: AgreementSelection(level: 1)).data
        #expect(data.codes == ["A"])
        #expect(data.coding(unit: 0, coder: 0) == [0])
        #expect(data.coding(unit: 0, coder: 1) == [0])
        #expect(data.coding(unit: 1, coder: 0) == [])
    }

    @Test func onlyExcerptsFinishedByAllCanBeKept() throws {
        let data = try StudyReliability(study: valid(), selection: AgreementSelection(onlyFinishedByAll: true)).data
        #expect(data.unitIDs == ["R1-1"])
    }

    @Test func reviewsCanBeChosen() throws {
        let data = try StudyReliability(study: valid(), selection: AgreementSelection(reviews: ["R2"])).data
        #expect(data.unitIDs == ["R2-1"])
        #expect(throws: StudyReliability.SelectionError.self) {
            try StudyReliability(study: valid(), selection: AgreementSelection(reviews: ["R9"]))
        }
    }

    @Test func codingsOfAMergedCodeCountForTheCodeItWasMergedInto() throws {
        var study = try valid()
        study.codebook.codes[2].status = .merged(into: "A1")
        let data = try StudyReliability(study: study).data
        #expect(data.codes == ["A1"])
        #expect(data.coding(unit: 0, coder: 1) == [0])
    }

    @Test func differentCodebookRevisionsAreNamedInAWarning() throws {
        var study = try valid()
        #expect(try StudyReliability(study: study).warnings == [])
        study.codings["ben"]!.excerpts["R1-1"]!.codebookRevision = 1
        let warnings = try StudyReliability(study: study).warnings
        #expect(warnings.count == 1)
        #expect(
            warnings[0].hasPrefix(
                "coders worked against different codebook revisions (asha 2; ben 1; current revision 2)"))
    }

    @Test func fewerThanTwoCodersIsAClearError() throws {
        let error = #expect(throws: StudyReliability.SelectionError.self) {
            try StudyReliability(study: valid(), selection: AgreementSelection(coders: ["asha"]))
        }
        #expect(error?.description.hasPrefix("agreement needs at least two coders") == true)
        #expect(throws: StudyReliability.SelectionError.self) {
            try StudyReliability(study: valid(), selection: AgreementSelection(coders: ["asha", "zoe"]))
        }
    }

    @Test func demoStudyDisagreementsMatchTheAgreementCounts() throws {
        let study = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
        let data = try StudyReliability(study: study, selection: AgreementSelection(coders: ["asha", "ben"])).data
        let report = AgreementReport(data)
        let c6 = try #require(report.perCode.first { $0.code == "C6" }?.agreement)
        #expect(c6.krippendorffAlpha.value.map { abs($0 - 0.931) < 0.001 } == true)
    }
}
