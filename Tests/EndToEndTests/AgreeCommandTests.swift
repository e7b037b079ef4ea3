import Foundation
import Testing
import ThematicTestSupport

@Suite struct AgreeCommandTests {
    @Test func theDemoStudyPrintsATableALeadCanRead() throws {
        let outcome = try Binaries.run("thematic", ["agree", TestFolders.demoStudy, "--coders", "asha,ben"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("2 coders (asha, ben), 207 units, 44 codes"))
        #expect(outcome.standardOutput.contains("C6          207       204       15    0.995  0.931"))
        #expect(
            outcome.standardOutput.contains(
                "reading: alpha >= .800 reliable, .667-.800 tentative, below .667 unreliable"))
    }

    @Test func jsonOutputUsesTheReferenceKeys() throws {
        let reference = TestFolders.packageRoot + "/Tests/AgreementTests/Fixtures/edge.json"
        let outcome = try Binaries.run("thematic", ["agree", "--reliability-data", reference, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let perCode = json?["per_code"] as? [String: [String: Any]]
        #expect((perCode?["x"]?["krippendorff_alpha"] as? Double).map { abs($0 - 0.533333) < 1e-6 } == true)
        #expect(perCode?["y"]?["krippendorff_alpha"] is NSNull, "undefined is null, never 1 or 0")
        let overall = json?["overall"] as? [String: Any]
        #expect((overall?["alpha_masi"] as? Double).map { abs($0 - 0.40678) < 1e-6 } == true)
    }

    /// A report a lead commits beside the study must not change its last digits from run to run: every sum is
    /// taken in code order, never in the order of a hash table (whose seed changes with each process).
    @Test func theSameDataGivesTheSameReportDownToTheLastDigit() throws {
        let reference = TestFolders.packageRoot + "/Tests/AgreementTests/Fixtures/kripp2011.json"
        let outputs = try (0..<6).map { _ in
            try Binaries.run("thematic", ["agree", "--reliability-data", reference, "--format", "json"]).standardOutput
        }
        #expect(outputs[0].contains("gwet_ac1"))
        #expect(Set(outputs).count == 1)
    }

    @Test func aBrokenReliabilityFileIsNamedWithItsPosition() throws {
        let file = TestFolders.scratch() + "/bad.json"
        try #"{"units": [{"id": "u1", "codes": {"A": "x"}}]}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try Binaries.run("thematic", ["agree", "--reliability-data", file])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("\(file):1:"))
    }

    @Test func csvReliabilityDataWithTheNoCodeMarkerIsRead() throws {
        let file = TestFolders.scratch() + "/data.csv"
        try "unit,A,B\nu1,x,x\nu2,-,-\nu3,x;y,x\nu4,,y\n".write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try Binaries.run("thematic", ["agree", "--reliability-data", file, "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("code,"))
    }
}
