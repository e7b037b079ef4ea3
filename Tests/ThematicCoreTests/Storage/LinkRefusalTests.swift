import Glibc
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A symbolic link inside a study (git stores them, so a pulled study can carry one) is read through, but never
/// written through: the refusal names the link and its target, and nothing outside the study changes.
@Suite struct LinkRefusalTests {
    /// A copy of the valid study with `relative` replaced by a link to a copy of it outside the study.
    private func studyWithLinkedOut(_ relative: String) throws -> (folder: StudyFolder, outside: String) {
        let folder = try TestSupport.validStudy()
        let outside = TestFolders.scratch() + "/outside"
        try TestFolders.copyTree(folder.url(relative), outside)
        try FileSystem.removeTree(folder.url(relative))
        #expect(symlink(outside, folder.url(relative)) == 0)
        return (folder, outside)
    }

    private func refusal(_ work: () throws -> Void) -> String? {
        do {
            try work()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aStudyIsReadThroughALinkedCodingFile() throws {
        let (folder, _) = try studyWithLinkedOut("codings/asha.json")
        #expect(try TestSupport.load(folder).codings["asha"] != nil)
    }

    @Test func aSessionOnALinkedCodingFileIsRefusedBeforeAnythingIsWritten() throws {
        let (folder, outside) = try studyWithLinkedOut("codings/asha.json")
        let before = try FolderSnapshot.take(folder.path)
        let outsideBefore = try FileSystem.readBytes(outside)
        let message = refusal { _ = try CodingSession(folder: folder, coder: "asha") }
        #expect(
            message
                == "\(folder.url("codings/asha.json")): cannot write: it is a symbolic link to \(outside), and Thematic does not write through links; replace the link with a copy of the file, or remove it"
        )
        #expect(try FileSystem.readBytes(outside) == outsideBefore)
        #expect(try FolderSnapshot.take(folder.path) == before)
    }

    @Test func aSessionInALinkedCodingsFolderIsRefused() throws {
        let (folder, outside) = try studyWithLinkedOut("codings")
        let outsideBefore = try FolderSnapshot.take(outside)
        let message = refusal { _ = try CodingSession(folder: folder, coder: "asha") }
        #expect(
            message?.hasPrefix("\(folder.url("codings")): cannot write: it is a symbolic link to \(outside)") == true)
        #expect(try FolderSnapshot.take(outside) == outsideBefore)
    }

    @Test func savingAStudyWithALinkedReviewFolderIsRefused() throws {
        let (folder, outside) = try studyWithLinkedOut("corpus")
        let study = try TestSupport.load(folder)
        let outsideBefore = try FolderSnapshot.take(outside)
        let message = refusal { try StudyWriter.save(study) }
        #expect(
            message?.hasPrefix("\(folder.url("corpus")): cannot write: it is a symbolic link to \(outside)") == true)
        #expect(try FolderSnapshot.take(outside) == outsideBefore)
    }

    @Test func anAtomicWriteToALinkedReviewLeavesTheLinkAndItsTarget() throws {
        let (folder, outside) = try studyWithLinkedOut("corpus/R1.json")
        let outsideBefore = try FileSystem.readBytes(outside)
        let message = refusal { try AtomicFile.write(Array("{}".utf8), to: folder.url("corpus/R1.json")) }
        #expect(message?.contains("it is a symbolic link to \(outside)") == true)
        #expect(try FileSystem.readBytes(outside) == outsideBefore)
        var info = stat()
        #expect(lstat(folder.url("corpus/R1.json"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
    }

    @Test func aLinkToAFileNotYetThereIsNotCreatedThroughAJournal() throws {
        let folder = try TestSupport.validStudy()
        let outside = TestFolders.scratch() + "/stolen.journal"
        #expect(symlink(outside, folder.url("codings/ben.journal")) == 0)
        #expect(refusal { _ = try CodingSession(folder: folder, coder: "ben") }?.contains("symbolic link") == true)
        #expect(!FileSystem.exists(outside))
    }
}
