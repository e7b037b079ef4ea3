import Foundation
import Testing
import ThematicTestSupport

/// Input a careless or hostile collaborator could hand a researcher, through the real binary: each is refused with
/// the file, the place and what was expected, a non-zero exit, and the researcher's files left as they were.
@Suite struct HostileInputCommandTests {
    private func demoCopy() throws -> String {
        let folder = TestFolders.scratch() + "/demo"
        let outcome = try Binaries.run("thematic", ["demo", folder])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return folder
    }

    /// Makes `path` (new or not) `size` bytes long without writing them.
    private func sparseFile(_ path: String, size: Int) {
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        #expect(descriptor >= 0 && ftruncate(descriptor, off_t(size)) == 0)
        close(descriptor)
    }

    @Test func aStudyInAFolderWithSpacesAndAccentsIsCreatedImportedCodedExportedAndChecked() throws {
        let demo = try demoCopy()
        let project = TestFolders.scratch() + "/demo.qdpx"
        #expect(try Binaries.run("thematic", ["codebook", "export", demo, "-o", project]).status == 0)
        let study = TestFolders.scratch() + "/x/Étude d'équipe 1"
        let steps: [[String]] = [
            ["init", study + "/", "--title", "Étude d'équipe"],
            ["import", study + "/", project],
            ["assign", study, "--coder", "dana", "--sample", "10", "--seed", "3"],
            ["export", "matrix", study, "-o", study + "/matrice thème.csv"],
            ["retrieve", study, "--code", "C3", "-o", study + "/extraits é.csv"],
            ["check", study + "/"],
        ]
        for step in steps {
            let outcome = try Binaries.run("thematic", step)
            #expect(outcome.status == 0, "\(step): \(outcome.standardError)")
        }
        #expect(FileManager.default.fileExists(atPath: study + "/codings/asha.json"))
        #expect(FileManager.default.fileExists(atPath: study + "/matrice thème.csv"))
        #expect(try Binaries.run("thematic", ["status", study]).standardOutput.contains("asha"))
    }

    @Test func aWriteThroughALinkOutOfTheStudyIsRefusedNamingTheLinkAndItsTarget() throws {
        let study = try demoCopy()
        let outside = TestFolders.scratch() + "/not-the-study.json"
        #expect(symlink(outside, study + "/assignments.json") == 0)
        let outcome = try Binaries.run("thematic", ["assign", study, "--coder", "dana", "--sample", "10"])
        #expect(outcome.status != 0)
        #expect(
            outcome.standardError.contains(
                "\(study)/assignments.json: cannot write: it is a symbolic link to \(outside), and Thematic does not write through links"
            ), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: outside))
    }

    @Test func aTwoGigabyteReviewIsRefusedByNameBeforeItIsRead() throws {
        let study = try demoCopy()
        sparseFile(study + "/corpus/R01.json", size: 2 << 30)
        let outcome = try Binaries.run("thematic", ["check", study])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains(
                "\(study)/corpus/R01.json: cannot read: it is 2 GiB, over the 1 GiB Thematic reads for a file of this kind"
            ), "\(outcome.standardError)")
    }

    @Test func aDocumentOverTheImportLimitIsRefusedAndNothingImported() throws {
        let study = try demoCopy()
        let before = try FolderSnapshot.take(study, skippingLocks: true)
        let document = TestFolders.scratch() + "/interview.txt"
        sparseFile(document, size: 600 << 20)
        let outcome = try Binaries.run("thematic", ["import", study, document])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("it is 600 MiB, over the 512 MiB"), "\(outcome.standardError)")
        #expect(try FolderSnapshot.take(study, skippingLocks: true) == before)
    }

    @Test func aCodingFileNestedAHundredThousandDeepIsRefusedWithItsLineAndColumn() throws {
        let study = try demoCopy()
        try Data(String(repeating: "[", count: 100_000).utf8).write(
            to: URL(fileURLWithPath: study + "/codings/ben.json"))
        let outcome = try Binaries.run("thematic", ["check", study])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains("\(study)/codings/ben.json:1:513: nesting deeper than 512 levels"),
            "\(outcome.standardError)")
    }
}
