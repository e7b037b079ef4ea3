import Testing
import ThematicTestSupport

/// The lead's commands compare the study's double-coding design unless --coders names others, and say which
/// coders and why on standard error, so the tables, CSV and JSON on standard output stay clean.
@Suite struct LeadCodersCommandTests {
    /// A private copy of the demo study: asha and ben double-coded it; cara finished 44 excerpts to try the codebook.
    private func demoCopy() throws -> String {
        let folder = TestFolders.scratch() + "/demo"
        let outcome = try Binaries.run("thematic", ["demo", folder, "--copy-only"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return folder
    }

    private func assign(_ coder: String, in folder: String) throws {
        let outcome = try Binaries.run("thematic", ["assign", folder, "--coder", coder, "--all", "--by", "lena"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }

    private func thematic(_ arguments: [String]) throws -> Binaries.Outcome {
        let outcome = try Binaries.run("thematic", arguments)
        #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
        return outcome
    }

    @Test func withAssignmentsEveryLeadCommandComparesOnlyTheAssignedCoders() throws {
        let folder = try demoCopy()
        try assign("asha", in: folder)
        try assign("ben", in: folder)
        let because = "coders asha, ben: from assignments.json; not compared: cara (no assignment)"

        let status = try thematic(["reconcile", folder])
        #expect(status.standardOutput.hasPrefix("76 excerpts to reconcile (asha, ben): 38 decided"))
        #expect(status.standardError.contains(because))

        let report = try thematic(["reconcile", "report", folder, "--format", "csv"])
        #expect(report.standardOutput.hasPrefix("excerpt,review,section,text,asha,ben,disputed,"))
        #expect(report.standardError.contains(because))

        let agree = try thematic(["agree", folder, "--format", "json"])
        #expect(agree.standardOutput.hasPrefix("{"), "standard output stays JSON")
        #expect(agree.standardOutput.contains("\"asha\"") && !agree.standardOutput.contains("\"cara\""))
        #expect(agree.standardError.contains(because))

        let matrix = try thematic(["export", "matrix", folder])
        #expect(matrix.standardOutput.hasPrefix("review,"))
        #expect(matrix.standardError.contains("(coders asha, ben)"))

        let page = try thematic(["report", folder, "-o", TestFolders.scratch() + "/report.html"])
        #expect(page.standardOutput.contains("(coders asha, ben))"))
        #expect(page.standardError.contains(because))

        let studyStatus = try thematic(["status", folder])
        #expect(studyStatus.standardOutput.contains("38 of 76 disagreements settled"), "\(studyStatus.standardOutput)")
        #expect(studyStatus.standardOutput.contains("  between " + because))

        let named = try thematic(["reconcile", folder, "--coders", "asha,ben,cara"])
        #expect(named.standardOutput.hasPrefix("85 excerpts to reconcile (asha, ben, cara)"))
        #expect(named.standardError.contains("coders asha, ben, cara: named with --coders"))
    }

    @Test func aCoderFarFromFinishingTheirAssignmentIsComparedWithAWarningWhoseShareCanBeChanged() throws {
        let folder = try demoCopy()
        for coder in ["asha", "ben", "cara"] { try assign(coder, in: folder) }
        let warning =
            "warning: cara has finished 44 of their 207 assigned excerpts (21.3%, under 50%); --coders asha,ben leaves cara out"

        let status = try thematic(["reconcile", folder])
        #expect(status.standardOutput.hasPrefix("85 excerpts to reconcile (asha, ben, cara)"))
        #expect(status.standardError.contains("coders asha, ben, cara: from assignments.json"))
        #expect(status.standardError.contains(warning))

        let agree = try thematic(["agree", folder, "--format", "csv"])
        #expect(!agree.standardOutput.contains("warning"), "the warning stays off the CSV")
        #expect(agree.standardError.contains(warning))

        let lowered = try thematic(["reconcile", folder, "--warn-below", "20%"])
        #expect(!lowered.standardError.contains("warning: cara"))

        let refused = try Binaries.run("thematic", ["reconcile", folder, "--warn-below", "half"])
        #expect(refused.status != 0)
        #expect(
            refused.standardError.contains("--warn-below takes a share between 0% and 100%, e.g. 30%; not \"half\""))
    }

    @Test func withoutAssignmentsTheCodersWhoFinishedExcerptsInCommonAreComparedAndSaidSo() throws {
        let agree = try thematic(["agree", TestFolders.demoStudy])
        #expect(
            agree.standardError.contains(
                "coders asha, ben, cara: the coders who finished excerpts in common (no assignments.json)"))
        #expect(
            agree.standardError.contains(
                "warning: cara has finished 44 excerpts, 21.3% of the 207 asha finished (under 50%); --coders asha,ben leaves cara out"
            ))
        #expect(agree.standardOutput.hasPrefix("Agreement per code"))
    }
}
