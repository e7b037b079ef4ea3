import Testing

@testable import ThematicCore

/// Which coders the lead's commands compare when none are named: the study's double-coding design.
struct ComparedCodersTests {
    /// asha and ben double-code the first review; cara tried the codebook on two of its excerpts; dana coded only
    /// the second review, alone.
    static func study(assigning assignments: [String: [String]] = [:]) throws -> Study {
        var study = try TestSupport.load(
            ReconcileFixture.study([
                "asha": ["R1-1": ["A1"], "R1-2": ["A2"], "R1-3": [], "R1-4": ["A1"]],
                "ben": ["R1-1": ["A1"], "R1-2": [], "R1-3": ["A3"], "R1-4": ["A1"]],
                "cara": ["R1-1": ["A2"]],
                "dana": ["R2-1": ["A1"], "R2-2": []],
            ]))
        study.assignments = Assignments(
            items: assignments.keys.sorted().map {
                Assignment(coder: $0, method: .all, excerpts: assignments[$0]!, at: "2026-11-01T09:00:00Z")
            })
        return study
    }

    static let firstReview = ["R1-1", "R1-2", "R1-3", "R1-4"]

    @Test func theCodersWithAnAssignmentAreComparedAndTheOthersNamedAsLeftOut() throws {
        let study = try Self.study(assigning: ["asha": Self.firstReview, "ben": Self.firstReview])
        let compared = ComparedCoders(designOf: study)
        #expect(compared.coders == ["asha", "ben"])
        #expect(compared.basis == .assignments)
        #expect(
            compared.explanation
                == "coders asha, ben: from assignments.json; not compared: cara (no assignment), dana (no assignment)")
        #expect(compared.warnings.isEmpty)
    }

    @Test func anAssignedCoderUnderTheShareIsComparedWithAWarningThatSaysHowToLeaveThemOut() throws {
        let study = try Self.study(assigning: [
            "asha": Self.firstReview, "ben": Self.firstReview, "cara": Self.firstReview + ["R2-1"],
        ])
        let compared = ComparedCoders(designOf: study)
        #expect(compared.coders == ["asha", "ben", "cara"])
        #expect(
            compared.warnings == [
                "cara has finished 1 of their 5 assigned excerpts (20%, under 50%); --coders asha,ben leaves cara out"
            ])
        #expect(ComparedCoders(designOf: study, warningShare: 0.2).warnings.isEmpty, "20% is not under 20%")
    }

    @Test func anAssignedCoderWhoHasFinishedNothingIsNotComparedButWarnedAbout() throws {
        var study = try Self.study(assigning: ["asha": Self.firstReview, "ben": Self.firstReview, "eve": ["R2-1"]])
        study.codings["eve"] = Coding(coder: "eve", excerpts: [:])
        let compared = ComparedCoders(designOf: study)
        #expect(compared.coders == ["asha", "ben"])
        #expect(compared.warnings == ["eve has finished none of their 1 assigned excerpts; not compared yet"])
    }

    @Test func withoutAssignmentsTheCodersWhoFinishedExcerptsInCommonAreCompared() throws {
        let compared = ComparedCoders(designOf: try Self.study())
        #expect(compared.coders == ["asha", "ben", "cara"])
        #expect(compared.basis == .finishedInCommon)
        #expect(
            compared.explanation
                == "coders asha, ben, cara: the coders who finished excerpts in common (no assignments.json); not compared: dana (no excerpt in common)"
        )
        #expect(
            compared.warnings == [
                "cara has finished 1 excerpt, 25% of the 4 asha finished (under 50%); --coders asha,ben leaves cara out"
            ])
    }

    @Test func namedCodersOverrideTheDesignAndAnUnknownNameIsRefused() throws {
        let study = try Self.study(assigning: ["asha": Self.firstReview, "ben": Self.firstReview])
        let compared = try ComparedCoders(study: study, named: ["ben", "dana"])
        #expect(compared.coders == ["ben", "dana"])
        #expect(compared.explanation == "coders ben, dana: named with --coders")
        #expect(throws: ComparedCoders.UnknownCoder.self) { try ComparedCoders(study: study, named: ["zoe"]) }
        #expect(try ComparedCoders(study: study, named: nil) == ComparedCoders(designOf: study))
    }

    @Test func everyLeadCommandTakesItsDefaultCodersFromTheDesign() throws {
        let study = try Self.study(assigning: ["asha": Self.firstReview, "ben": Self.firstReview])
        #expect(try Reconciliation(study: study).coders == ["asha", "ben"])
        #expect(try StudyReliability(study: study, selection: AgreementSelection()).data.coders == ["asha", "ben"])
        #expect(try TrainingCheck(study: study).reports.map(\.coder) == ["asha", "ben"])
        #expect(ComparedCoders(designOf: study).narrowing(study).coders == ["asha", "ben"])
    }

    @Test func theStudyStatusCountsTheDisagreementsOfTheDesignItNames() throws {
        let study = try Self.study(assigning: ["asha": Self.firstReview, "ben": Self.firstReview])
        let status = StudyStatus(study: study)
        #expect(status.doubleCoded == 4)
        #expect(status.disagreements == 2, "R1-2 and R1-3; cara's A2 on R1-1 is not counted")
        #expect(status.text.contains("  between coders asha, ben: from assignments.json"))
    }
}
