import Foundation
import Testing
import ThematicTestSupport

@Suite struct ReconcileCommandTests {
    /// A private copy of the demo study, made by `thematic demo`.
    private func demoCopy() throws -> String {
        let folder = TestFolders.scratch() + "/demo"
        let outcome = try Binaries.run("thematic", ["demo", folder])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return folder
    }

    private func consensus(_ folder: String) throws -> [String: [String: Any]] {
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/consensus.json")))
            as? [String: Any]
        return json?["excerpts"] as? [String: [String: Any]] ?? [:]
    }

    private func nextExcerpt(_ folder: String) throws -> String? {
        let outcome = try Binaries.run("thematic", ["reconcile", "next", folder, "--coders", "asha,ben"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        guard let heading = outcome.standardOutput.split(separator: "\n").first(where: { $0.hasPrefix("## ") }) else {
            return nil
        }
        return String(heading.dropFirst(3).prefix { $0 != ":" })
    }

    @Test func aLeadReconcilesEveryDemoDisagreementThroughTheCommandLine() throws {
        let folder = try demoCopy()
        let before = try consensus(folder)
        let choices = [["--union"], ["--intersection"], ["--accept", "asha"], ["--accept", "ben"]]
        var decided: [String] = []
        while let excerpt = try nextExcerpt(folder) {
            #expect(!decided.contains(excerpt), "a decided excerpt is never offered again")
            let choice = choices[decided.count % choices.count]
            let outcome = try Binaries.run(
                "thematic",
                [
                    "reconcile", "decide", folder, excerpt, "--lead", "lena", "--coders", "asha,ben",
                    "--note", "meeting \(decided.count + 1)",
                ] + choice)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            decided.append(excerpt)
            if decided.count > 80 { break }
        }
        #expect(decided.count == 38, "76 asha-ben disagreements, 38 already in the demo consensus")
        let after = try consensus(folder)
        #expect(after.count == before.count + 38)
        for (index, excerpt) in decided.enumerated() {
            let decision = try #require(after[excerpt])
            #expect(decision["lead"] as? String == "lena")
            #expect(decision["comparedCoders"] as? [String] == ["asha", "ben"])
            #expect(decision["note"] as? String == "meeting \(index + 1)")
            #expect((decision["coderCodes"] as? [String: [String]])?.keys.sorted() == ["asha", "ben"])
            #expect(decision["decision"] as? String == ["union", "intersection", "coder", "coder"][index % 4])
        }
        let summary = try Binaries.run("thematic", ["reconcile", folder, "--coders", "asha,ben"])
        #expect(
            summary.standardOutput.hasPrefix("76 excerpts to reconcile (asha, ben): 76 decided, 0 stale, 0 to decide"))
        #expect(try Binaries.run("thematic", ["check", folder]).status == 0)
    }

    @Test func theReportListsAsManyDisagreementsPerCodeAsAgreeImplies() throws {
        let demo = TestFolders.demoStudy
        let agree = try Binaries.run("thematic", ["agree", demo, "--coders", "asha,ben", "--format", "json"])
        let perCode =
            (try JSONSerialization.jsonObject(with: Data(agree.standardOutput.utf8)) as? [String: Any])?["per_code"]
            as? [String: [String: Any]] ?? [:]
        var implied: [String: Int] = [:]
        for (code, figures) in perCode {
            let pairable = figures["n_units_pairable"] as? Double ?? 0
            let agreement = figures["percent_agreement_units"] as? Double ?? 1
            let count = Int((pairable * (1 - agreement)).rounded())
            if count > 0 { implied[code] = count }
        }
        let report = try Binaries.run(
            "thematic", ["reconcile", "report", demo, "--coders", "asha,ben", "--format", "csv"])
        #expect(report.status == 0, "\(report.standardError)")
        var listed: [String: Int] = [:]
        let rows = try parseCSV(report.standardOutput)
        let disputed = try #require(rows.first?.firstIndex(of: "disputed"))
        for row in rows.dropFirst() {
            for code in row[disputed].split(separator: ";") { listed[String(code), default: 0] += 1 }
        }
        #expect(rows.count - 1 == 76)
        #expect(listed == implied)
    }

    @Test func aCoderWhoChangesTheirCodesMakesTheDecisionStale() throws {
        let folder = try demoCopy()
        let outcome = try Binaries.run(
            "thematic", ["reconcile", "decide", folder, "R01-008", "--lead", "lena", "--union", "--replace"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // ben's file changes under the decision, as a git pull of ben's work would change it.
        let benFile = folder + "/codings/ben.json"
        var ben =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: benFile))) as! [String: Any]
        var excerpts = ben["excerpts"] as! [String: [String: Any]]
        excerpts["R01-008"]?["codes"] = ["D4": [String: Any]()]
        ben["excerpts"] = excerpts
        try JSONSerialization.data(withJSONObject: ben, options: [.sortedKeys]).write(to: URL(fileURLWithPath: benFile))
        let summary = try Binaries.run("thematic", ["reconcile", folder])
        #expect(summary.standardOutput.contains("stale: R01-008: ben had C3, D4, now D4"))
        let decision = try consensus(folder)["R01-008"]
        #expect(decision?["decision"] as? String == "union", "the decision is kept until the lead decides again")
        let again = try Binaries.run(
            "thematic", ["reconcile", "decide", folder, "R01-008", "--lead", "lena", "--accept", "ben"])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(!(try Binaries.run("thematic", ["reconcile", "status", folder]).standardOutput.contains("stale:")))
    }

    @Test func aCurrentDecisionIsReplacedOnlyWithReplace() throws {
        let folder = try demoCopy()
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/consensus.json"))
        let outcome = try Binaries.run(
            "thematic", ["reconcile", "decide", folder, "R01-008", "--lead", "omar", "--union"])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains(
                "R01-008 was already decided by lena at 2026-11-30T09:31:48Z; replace that decision only on purpose (add --replace)"
            ))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/consensus.json")) == before)
    }

    @Test func aDecisionTakesExactlyOneChoiceAndChangesNothingOtherwise() throws {
        let folder = try demoCopy()
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/consensus.json"))
        for choices in [[], ["--union", "--accept", "ben"]] {
            let outcome = try Binaries.run(
                "thematic", ["reconcile", "decide", folder, "R01-008", "--lead", "lena", "--replace"] + choices)
            #expect(outcome.status != 0)
            #expect(
                outcome.standardError.contains(
                    "give exactly one of --accept CODER, --union, --intersection or --codes A1,C3"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/consensus.json")) == before)
    }

    @Test func theFormThatOpenedTheScreenBeforeTheSubcommandsSaysWhereItWent() throws {
        let outcome = try Binaries.run("thematic", ["reconcile", TestFolders.demoStudy, "--lead", "lena"])
        #expect(outcome.status != 0)
        #expect(
            outcome.standardError.contains(
                "the reconcile screen now opens with `thematic reconcile screen \(TestFolders.demoStudy) --lead lena`"))
    }

    @Test func theTrainingCheckComparesEachCoderWithTheConsensus() throws {
        let outcome = try Binaries.run("thematic", ["reconcile", "training", TestFolders.demoStudy, "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let rows = try parseCSV(outcome.standardOutput)
        #expect(rows.first == ["coder", "code", "units", "missed", "extra", "agreement", "kappa", "name"])
        #expect(Set(rows.dropFirst().map { $0[0] }) == ["asha", "ben", "cara"])
    }

    /// RFC 4180 rows (quoted fields may hold commas and line breaks).
    private func parseCSV(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                row.append(field)
                field = ""
                rows.append(row)
                row = []
            } else {
                field.append(character)
            }
        }
        return rows
    }
}
