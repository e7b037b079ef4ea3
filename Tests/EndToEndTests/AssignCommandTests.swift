import Foundation
import Testing
import ThematicTestSupport

@Suite struct AssignCommandTests {
    private func demoCopy() throws -> String {
        let folder = TestFolders.scratch() + "/demo"
        let outcome = try Binaries.run("thematic", ["demo", folder])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return folder
    }

    private func assignments(_ folder: String) throws -> [[String: Any]] {
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/assignments.json")))
            as? [String: Any]
        #expect(json?["kind"] as? String == "thematic.assignments")
        return json?["assignments"] as? [[String: Any]] ?? []
    }

    @Test func twoCodersGivenTheSameSeedGetTheSameSample() throws {
        let folder = try demoCopy()
        for coder in ["dana", "erin"] {
            let outcome = try Binaries.run(
                "thematic",
                ["assign", folder, "--coder", coder, "--sample", "20%", "--seed", "11", "--stratify", "review"])
            #expect(
                outcome.standardOutput == "Assigned 41 excerpts to \(coder): sample 20% of each review (seed 11).\n",
                "\(outcome.standardError)")
        }
        let stored = try assignments(folder)
        #expect(stored.count == 2)
        #expect(stored[0]["excerpts"] as? [String] == stored[1]["excerpts"] as? [String])
        #expect(
            try Binaries.run("thematic", ["check", folder]).status == 0, "coders who have not started yet are fine")
        let status = try Binaries.run("thematic", ["status", folder])
        #expect(status.standardOutput.contains("dana   0/41 (0%)"))
    }

    @Test func aChosenSeedIsPrintedAndRecorded() throws {
        let folder = try demoCopy()
        let outcome = try Binaries.run("thematic", ["assign", folder, "--coder", "dana", "--sample", "10"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let seed = try #require(try assignments(folder).first?["seed"] as? Int)
        #expect(
            outcome.standardOutput.contains(
                "Run again with --seed \(seed) on another coder to give them the same sample."))
    }

    @Test func progressPerAssignmentCountsTheCodersFinishedExcerpts() throws {
        let folder = try demoCopy()
        #expect(
            try Binaries.run("thematic", ["assign", folder, "--coder", "cara", "--reviews", "R01,R02"]).status == 0)
        let status = try Binaries.run("thematic", ["status", folder])
        #expect(status.standardOutput.contains("reviews R01, R02"))
    }

    @Test func exactlyOneWayOfChoosingIsRequired() throws {
        let folder = try demoCopy()
        let outcome = try Binaries.run("thematic", ["assign", folder, "--coder", "dana", "--all", "--sample", "5%"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("give exactly one of --sample PERCENT, --reviews R1,R2 or --all"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/assignments.json"))
    }

    @Test func checkNamesAnUnknownExcerptInTheAssignments() throws {
        let folder = try demoCopy()
        try
            #"{"kind": "thematic.assignments", "schemaVersion": 1, "assignments": [{"coder": "dana", "method": "all", "excerpts": ["R99-001"], "at": "2026-11-23T10:00:00Z"}]}"#
            .write(toFile: folder + "/assignments.json", atomically: true, encoding: .utf8)
        let outcome = try Binaries.run("thematic", ["check", folder])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains(
                "\(folder)/assignments.json:1:118: assignments[0].excerpts[0]: unknown excerpt \"R99-001\""))
    }
}
