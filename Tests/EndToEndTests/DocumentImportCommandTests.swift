import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// `thematic import` on published reports as a lead runs it: PDF and Word in, a dry run that lists what would be
/// created and removed, and bad documents refused with the study left as it was.
@Suite struct DocumentImportCommandTests {
    static let documents = TestFolders.packageRoot + "/Tests/ThematicCoreTests/Fixtures/documents"

    private func newStudy() throws -> String { try ImportCommandTests.newStudy(title: "Reports") }

    @Test func aDryRunListsEveryExcerptWithSectionAndPageAndEveryRemovedLineAndWritesNothing() throws {
        let study = try newStudy()
        let before = try CheckCommandTests.contents(study)
        let outcome = try Binaries.run(
            "thematic", ["import", study, Self.documents + "/overview-report.pdf", "--dry-run"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let output = outcome.standardOutput
        #expect(output.contains("overview-report (\(Self.documents)/overview-report.pdf): new review, 29 excerpts"))
        #expect(output.contains("removed 5 running headers, 5 running footers, 7 contents lines"))
        #expect(
            output.contains(
                "  overview-report-012  p. 4  \"3. Key practice episodes\"  461 chars  \"3.4 A strategy discussion was not convened when Child M, who…\""
            ))
        #expect(output.contains("  removed p. 2 contents line: \"Contents\""))
        #expect(output.contains("Dry run: nothing was written."))
        #expect(try CheckCommandTests.contents(study) == before)
    }

    @Test func pdfAndWordReportsImportWithPagesAndTheStudyChecksClean() throws {
        let study = try newStudy()
        let word = TestFolders.scratch() + "/child-m-word.docx"
        try FileManager.default.copyItem(atPath: Self.documents + "/overview-report.docx", toPath: word)
        let outcome = try Binaries.run("thematic", ["import", study, Self.documents + "/overview-report.pdf", word])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("Imported 2 reviews"))
        let loaded = try StudyReader.load(StudyFolder(path: study)).study
        #expect(loaded.corpus.review("overview-report")?.excerpts.first { $0.text.hasPrefix("3.9") }?.page == 5)
        #expect(loaded.corpus.review("child-m-word")?.excerpts.count == 12)
        let check = try Binaries.run("thematic", ["check", study])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    }

    @Test func scannedEncryptedAndTruncatedPDFsAreRefusedByNameAndTheStudyIsUnchanged() throws {
        let study = try newStudy()
        let before = try CheckCommandTests.contents(study)
        let files = ["overview-report.pdf", "scanned.pdf", "encrypted.pdf", "truncated.pdf", "damaged.docx"].map {
            Self.documents + "/" + $0
        }
        let outcome = try Binaries.run("thematic", ["import", study] + files)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("\(Self.documents)/scanned.pdf: the PDF has no text layer"))
        #expect(outcome.standardError.contains("\(Self.documents)/encrypted.pdf: the PDF is encrypted"))
        #expect(outcome.standardError.contains("\(Self.documents)/truncated.pdf: not a readable PDF"))
        #expect(outcome.standardError.contains("\(Self.documents)/damaged.docx: word/document.xml is damaged"))
        #expect(outcome.standardError.contains("nothing was imported: 4 problems; the study is unchanged"))
        #expect(try CheckCommandTests.contents(study) == before)
    }

    @Test func aPageWithoutTextIsAWarningNotASilentGap() throws {
        let study = try newStudy()
        let outcome = try Binaries.run("thematic", ["import", study, Self.documents + "/partly-scanned.pdf"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(
            outcome.standardError.contains("WARNING: \(Self.documents)/partly-scanned.pdf: page 2 has no text layer"))
    }
}
