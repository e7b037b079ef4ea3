import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// `thematic import` and `thematic check --identifiers` as a lead runs them: exit status, messages, files.
@Suite struct ImportCommandTests {
    static let fixtures = TestFolders.packageRoot + "/Tests/ThematicCoreTests/Fixtures/import"

    /// A new, empty study in a scratch folder.
    static func newStudy(title: String = "Import") throws -> String {
        let folder = TestFolders.scratch() + "/study"
        let created = try Binaries.run("thematic", ["init", folder, "--title", title])
        #expect(created.status == 0, "\(created.standardError)")
        return folder
    }

    private func newStudy() throws -> String { try Self.newStudy() }

    private func demoCopy() throws -> String {
        let folder = TestFolders.scratch() + "/demo"
        try FileManager.default.copyItem(atPath: TestFolders.demoStudy, toPath: folder)
        return folder
    }

    @Test func awkwardFilesImportAndTheStudyChecksClean() throws {
        let study = try newStudy()
        let outcome = try Binaries.run(
            "thematic",
            ["import", study]
                + ["awkward.txt", "non-latin.md", "excerpts.csv", "attributes.csv"].map { Self.fixtures + "/" + $0 })
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("awkward (\(Self.fixtures)/awkward.txt): new review, 3 excerpts"))
        #expect(outcome.standardOutput.contains("Imported 4 reviews"))
        #expect(outcome.standardError == "")
        let check = try Binaries.run("thematic", ["check", study])
        #expect(check.status == 0)
        #expect(check.standardOutput.contains("OK: 4 reviews, 9 excerpts"))
    }

    @Test func theDemoAsAProjectImportsIntoANewStudyWithTheSameAgreementFigureForFigure() throws {
        let demo = try demoCopy()
        let project = TestFolders.scratch() + "/demo.qdpx"
        #expect(try Binaries.run("thematic", ["codebook", "export", demo, "-o", project]).status == 0)
        let study = try newStudy()
        let outcome = try Binaries.run("thematic", ["import", study, project])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(
            outcome.standardOutput.contains(
                "coders: \"asha\" -> asha (207 excerpts), \"ben\" -> ben (204 excerpts), \"cara\" -> cara (44 excerpts)"
            ))
        #expect(
            outcome.standardOutput.contains(
                "Imported 14 reviews, 455 excerpt records of 3 coders and 38 consensus decisions"))
        #expect(try Binaries.run("thematic", ["check", study]).status == 0)
        let agreement = { (folder: String) in
            try Binaries.run("thematic", ["agree", folder, "--coders", "asha,ben", "--format", "json"]).standardOutput
        }
        #expect(try agreement(study) == (try agreement(demo)))
    }

    @Test func aBrokenProjectIsRefusedWithTheElementAndTheStudyIsUnchanged() throws {
        let study = try newStudy()
        let before = try CheckCommandTests.contents(study)
        let project = TestFolders.scratch() + "/broken.qdpx"
        try AtomicFile.write(Array("PK not really a zip".utf8), to: project)
        let outcome = try Binaries.run("thematic", ["import", study, project])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("broken.qdpx: not a readable zip archive"))
        #expect(outcome.standardError.contains("nothing was imported, the study is unchanged"))
        #expect(try CheckCommandTests.contents(study) == before)
    }

    @Test func oneBadFileRefusesTheWholeImportWithFileLineAndReason() throws {
        let study = try newStudy()
        let before = try CheckCommandTests.contents(study)
        let outcome = try Binaries.run(
            "thematic",
            [
                "import", study, Self.fixtures + "/awkward.txt", Self.fixtures + "/ragged.csv",
                Self.fixtures + "/binary.txt",
            ])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains("\(Self.fixtures)/ragged.csv:3: this row has 4 fields but the header has 3"))
        #expect(outcome.standardError.contains("\(Self.fixtures)/binary.txt:2: the file holds NUL bytes"))
        #expect(outcome.standardError.contains("nothing was imported: 2 problems; the study is unchanged"))
        #expect(try CheckCommandTests.contents(study) == before)
    }

    @Test func importWarnsLoudlyAboutIdentifiersAndRefusesWhenAsked() throws {
        let study = try newStudy()
        let before = try CheckCommandTests.contents(study)
        let refused = try Binaries.run(
            "thematic", ["import", study, Self.fixtures + "/planted-identifiers.md", "--refuse-identifiers"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("WARNING: the anonymisation check found 24 possible identifiers"))
        #expect(refused.standardError.contains("planted-identifiers-001@144  phone  \"01632 960318\""))
        #expect(try CheckCommandTests.contents(study) == before)
        let warned = try Binaries.run("thematic", ["import", study, Self.fixtures + "/planted-identifiers.md"])
        #expect(warned.status == 0)
        #expect(warned.standardError.contains("WARNING"))
    }

    @Test func reimportingAChangedCodedReviewIsRefusedUntilChangesAreAccepted() throws {
        let study = try demoCopy()
        let review = try StudyReader.load(StudyFolder(path: study)).study.corpus.review("R01")!
        let file = TestFolders.scratch() + "/R01.md"
        var paragraphs = review.excerpts.map(\.text)
        paragraphs[3] += " A sentence added in the published version."
        try ("# " + review.title + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n").write(
            toFile: file, atomically: true, encoding: .utf8)
        let before = try CheckCommandTests.contents(study)
        let refused = try Binaries.run("thematic", ["import", study, file])
        #expect(refused.status == 1)
        #expect(
            refused.standardOutput.contains(
                "R01 (\(file)): \(review.excerpts.count - 1) kept, 1 changed (R01-004 -> R01-"))
        #expect(refused.standardError.contains("R01-004 (review R01) is coded by asha, ben"))
        #expect(refused.standardError.contains("--accept-changes"))
        #expect(try CheckCommandTests.contents(study) == before)
        let accepted = try Binaries.run("thematic", ["import", study, file, "--accept-changes"])
        #expect(accepted.status == 0, "\(accepted.standardError)")
        #expect(try Binaries.run("thematic", ["check", study]).status == 0)
    }

    @Test func theDemoStudyHasNoOpenAnonymisationFinding() throws {
        let outcome = try Binaries.run("thematic", ["check", TestFolders.demoStudy, "--identifiers"])
        #expect(outcome.status == 0, "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("the anonymisation check finds nothing open"))
    }

    @Test func findingsAreSettledByAllowingAndRedactingWithWhoAndWhy() throws {
        let study = try newStudy()
        _ = try Binaries.run(
            "thematic", ["import", study, Self.fixtures + "/planted-identifiers.md", "--review-id", "P1"])
        let listed = try Binaries.run("thematic", ["check", study, "--identifiers"])
        #expect(listed.status == 1)
        #expect(listed.standardOutput.contains("P1-002@23  name  \"Pelham\""))
        let allowed = try Binaries.run(
            "thematic",
            ["identifiers", "allow", study, "P1-002@23", "--by", "lena", "--why", "checked with the review team"])
        #expect(
            allowed.standardOutput.contains("Recorded 1 allowed and 0 redacted in identifiers.json."),
            "\(allowed.standardError)")
        let settled = try Binaries.run(
            "thematic",
            [
                "identifiers", "redact", study, "P1-001@144", "P1-001@181", "--by", "lena", "--why",
                "checked with the review team",
            ])
        #expect(settled.status == 0, "\(settled.standardError)")
        #expect(settled.standardOutput.contains("Recorded 0 allowed and 2 redacted in identifiers.json."))
        #expect(!settled.standardOutput.contains("Pelham"))
        let decisions = try Binaries.run("thematic", ["identifiers", "list", study]).standardOutput
        #expect(decisions.contains("allowed   P1-002@23  name  \"Pelham\"  by lena at "))
        #expect(decisions.contains("redacted  P1-001@144  phone  as [PHONE]  by lena at "))
        let text = try String(contentsOfFile: study + "/corpus/P1.json", encoding: .utf8)
        #expect(text.contains("was [PHONE] and Mother's mobile was [PHONE]."))
        #expect(try String(contentsOfFile: study + "/identifiers.json", encoding: .utf8).contains("\"by\": \"lena\""))
        #expect(try Binaries.run("thematic", ["check", study]).status == 0)
    }

    @Test func aDecisionWithoutWhyIsRefused() throws {
        let outcome = try Binaries.run(
            "thematic", ["identifiers", "allow-term", TestFolders.demoStudy, "Larchford", "--by", "lena"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("say why with --why TEXT"))
    }

    @Test func aDecisionByNobodyIsRefusedWithEveryWayToSayWho() throws {
        let outcome = try Binaries.run(
            "thematic", ["identifiers", "allow-term", TestFolders.demoStudy, "Larchford", "--why", "a town"])
        #expect(outcome.status != 0)
        #expect(
            outcome.standardError.contains("say who decides: --by NAME, THEMATIC_USER or `thematic whoami --set NAME`"))
    }
    @Test func aDryRunReportsTheImportAndWritesNothing() throws {
        let study = try newStudy()
        let before = try CheckCommandTests.contents(study)
        let outcome = try Binaries.run("thematic", ["import", study, Self.fixtures + "/awkward.txt", "--dry-run"])
        #expect(outcome.status == 0)
        #expect(
            outcome.standardOutput.contains(
                """
                awkward (\(Self.fixtures)/awkward.txt): new review, 3 excerpts
                  awkward-001  -  "Introduction"  109 chars  "This review concerns Child B. The family moved often. The se…"
                  awkward-002  -  "Background"  40 chars  "Mother was twenty when Child B was born."
                  awkward-003  -  "Empty Section › Findings"  53 chars  "Agencies did not share information. Nobody asked why."
                Dry run: nothing was written.
                """))
        #expect(try CheckCommandTests.contents(study) == before)
    }

    @Test func oneSentencePerExcerptCutsEveryParagraphAtItsSentences() throws {
        let study = try newStudy()
        let outcome = try Binaries.run(
            "thematic",
            [
                "import", study, Self.fixtures + "/awkward.txt", "--split", "sentences", "--sentences", "1",
                "--review-id", "R9",
            ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("R9 (\(Self.fixtures)/awkward.txt): new review, 6 excerpts"))
    }

    @Test func aReviewIdForASpreadsheetIsRefused() throws {
        let outcome = try Binaries.run(
            "thematic", ["import", try newStudy(), Self.fixtures + "/excerpts.csv", "--review-id", "R9"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("a CSV or JSON file names its reviews itself"))
    }
    @Test func aBrokenIdentifiersFileFailsTheCheckWithItsLine() throws {
        let study = try newStudy()
        try
            "{\n  \"kind\": \"thematic.identifiers\",\n  \"schemaVersion\": 1,\n  \"allowedTerms\": 3,\n  \"decisions\": []\n}\n"
            .write(toFile: study + "/identifiers.json", atomically: true, encoding: .utf8)
        let outcome = try Binaries.run("thematic", ["check", study])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("\(study)/identifiers.json:4:"))
    }
}
