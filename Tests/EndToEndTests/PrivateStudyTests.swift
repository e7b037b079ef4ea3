import Glibc
import Testing
import ThematicCore
import ThematicTestSupport

/// `thematic init` makes a study its owner's only (or the group's too), and `thematic check` says when anyone on the
/// computer can read it.
@Suite struct PrivateStudyTests {
    private func initialised(_ extra: [String] = []) throws -> String {
        let study = TestFolders.scratch() + "/study"
        let outcome = try Binaries.run("thematic", ["init", study, "--title", "Private"] + extra)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return study
    }

    @Test func initMakesAStudyOnlyItsOwnerCanRead() throws {
        let study = try initialised()
        #expect(FileSystem.permissions(of: study) == 0o700)
        #expect(FileSystem.permissions(of: study + "/corpus") == 0o700)
        #expect(FileSystem.permissions(of: study + "/study.json") == 0o600)
    }

    @Test func shareWithGroupLetsTheGroupRead() throws {
        let study = try initialised(["--share-with-group"])
        #expect(FileSystem.permissions(of: study) == 0o750)
        #expect(FileSystem.permissions(of: study + "/codings") == 0o750)
        #expect(FileSystem.permissions(of: study + "/codebook.json") == 0o640)
        let check = try Binaries.run("thematic", ["check", study])
        #expect(check.status == 0 && check.standardError == "", "\(check.standardError)")
    }

    @Test func checkWarnsAboutAWorldReadableFileAndSaysHowToFixIt() throws {
        let study = try initialised()
        #expect(chmod(study + "/codebook.json", 0o644) == 0)
        let check = try Binaries.run("thematic", ["check", study])
        #expect(check.status == 0, "a warning does not fail the check")
        #expect(check.standardError.contains("\(study): warning: anyone on this computer can read or change 1 file"))
        #expect(
            check.standardError.contains(
                "(codebook.json); to keep it to yourself and your group: chmod -R o-rwx \(study)"))
        #expect(check.standardOutput.contains("; 1 warning"))
    }
}
