import Testing

@testable import ThematicCore

@Suite struct ReconciliationReportTests {
    private func fixture() throws -> (Study, Reconciliation) {
        let folder = try ReconcileFixture.study([
            "asha": ["R1-1": ["A1"], "R1-2": []], "ben": ["R1-1": ["A2"], "R1-2": []], "cara": ["R1-1": ["A1"]],
        ])
        let study = try StudyReader.load(folder).study
        return (study, try Reconciliation(study: study))
    }

    @Test func theMarkdownReportShowsTextCodesPerCoderAndDefinitions() throws {
        let (study, reconciliation) = try fixture()
        let report = ReconciliationReport.rendered(reconciliation, study: study, as: .markdown)
        #expect(report.contains("## R1-1: Review one, Findings\n\n> Excerpt 1 of review one, long enough for spans.\n"))
        #expect(
            report.contains(
                "| asha | A1 Risk not assessed |\n| ben | A2 History ignored |\n| cara | A1 Risk not assessed |"))
        #expect(report.contains("Disputed: A1, A2; agreed: none."))
        #expect(report.contains("- **A1 Risk not assessed**: No assessment of risk was made."))
        #expect(!report.contains("R1-2"), "the coders agree on R1-2")
    }

    @Test func theCSVReportHasOneRowPerExcerptAndAColumnPerCoder() throws {
        let (study, reconciliation) = try fixture()
        let lines = ReconciliationReport.rendered(reconciliation, study: study, as: .csv).split(
            separator: "\r\n", omittingEmptySubsequences: false)
        #expect(
            lines[0]
                == "excerpt,review,section,text,asha,ben,cara,disputed,agreed,state,decision,consensusCodes,lead,at,note,definitions"
        )
        #expect(
            lines[1].hasPrefix(
                "R1-1,R1,Findings,\"Excerpt 1 of review one, long enough for spans.\",A1,A2,A1,A1;A2,,undecided,"))
        #expect(lines.count == 3, "header, one excerpt, and the final line break")
    }

    @Test func aCoderWhoFinishedWithNoCodeIsMarkedApartFromNotFinished() throws {
        let folder = try ReconcileFixture.study([
            "asha": ["R1-1": []], "ben": ["R1-1": ["A2"]], "cara": ["R1-2": ["A1"]],
        ])
        let study = try StudyReader.load(folder).study
        // cara shares no excerpt with the others, so only naming her puts her column in.
        let reconciliation = try Reconciliation(study: study, coders: ["asha", "ben", "cara"])
        let row = ReconciliationReport.rendered(reconciliation, study: study, as: .csv).split(separator: "\r\n")[1]
        #expect(row.hasPrefix("R1-1,R1,Findings,\"Excerpt 1 of review one, long enough for spans.\",-,A2,,A2,"))
    }
}

@Suite struct TrainingCheckTests {
    @Test func eachCoderIsComparedWithTheConsensusPerCode() throws {
        let folder = try ReconcileFixture.study([
            "asha": ["R1-1": ["A1"], "R1-2": ["A1"], "R1-3": []],
            "ben": ["R1-1": ["A2"], "R1-2": ["A1"], "R1-3": ["A1"]],
        ])
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        try session.decide("R1-1", .accept(coder: "asha"))
        try session.decide("R1-3", .accept(coder: "asha"))
        session.close()
        let check = try TrainingCheck(study: StudyReader.load(folder).study)
        #expect(check.reports.map(\.coder) == ["asha", "ben"])
        let asha = check.rows.filter { $0.coder == "asha" }
        #expect(asha.map(\.code) == ["A1"])
        #expect(asha[0].units == 2 && asha[0].missed == 0 && asha[0].extra == 0)
        #expect(asha[0].percentAgreement == .value(1))
        let ben = check.rows.filter { $0.coder == "ben" }
        #expect(ben.map(\.code) == ["A1", "A2"])
        #expect(ben[0].missed == 1 && ben[0].extra == 1, "A1: ben missed it on R1-1 and added it on R1-3")
        #expect(ben[1].extra == 1 && ben[1].missed == 0)
        #expect(
            check.rendered(as: .table) == """
                coder  code  units  missed  extra  agreement  kappa   name
                asha   A1    2      0       0      1.000      1.000   Risk not assessed
                ben    A1    2      1       1      0.000      -1.000  Risk not assessed
                ben    A2    2      0       1      0.500      0.000   History ignored

                """)
    }
}
