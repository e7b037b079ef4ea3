import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// `thematic sync`: each person commits their own files, takes the team's and shares theirs, with no git of
/// their own beyond the first clone.
@Suite struct SyncCommandTests {
    struct Team {
        let remote: String
        let lena: String
        let asha: String
        let ben: String
        func study(_ clone: String) -> String { clone + "/study" }
    }

    /// A bare repository holding a copy of the demo study without asha's and ben's coding, and clones for the
    /// lead (lena), asha and ben, each with their own git identity.
    private func makeTeam() throws -> Team {
        let root = TestFolders.scratch()
        let team = Team(remote: root + "/remote.git", lena: root + "/lena", asha: root + "/asha", ben: root + "/ben")
        try git(root, ["init", "-q", "--bare", team.remote])
        try clone(team.remote, into: team.lena, as: "lena")
        try FileManager.default.copyItem(atPath: TestFolders.demoStudy, toPath: team.study(team.lena))
        for coder in ["asha", "ben"] {
            try FileManager.default.removeItem(atPath: team.study(team.lena) + "/codings/\(coder).json")
        }
        try git(team.lena, ["add", "-A"])
        try git(team.lena, ["commit", "-q", "-m", "demo study"])
        try git(team.lena, ["push", "-q", "origin", "HEAD"])
        try clone(team.remote, into: team.asha, as: "asha")
        try clone(team.remote, into: team.ben, as: "ben")
        return team
    }

    /// A clone with its own git identity (CI has no global one).
    private func clone(_ remote: String, into folder: String, as name: String) throws {
        try git(FileSystem.parent(of: folder), ["clone", "-q", remote, folder])
        try git(folder, ["config", "user.name", name])
        try git(folder, ["config", "user.email", "\(name)@example.invalid"])
    }

    /// Finishes excerpts through a CodingSession, the path the coding screen takes.
    private func code(_ clone: String, coder: String, _ excerpts: [String]) throws {
        let folder = StudyFolder(path: clone + "/study")
        let study = try StudyReader.load(folder, coders: [coder]).study
        let session = try CodingSession(folder: folder, coder: coder, codebook: study.codebook, corpus: study.corpus)
        for (index, excerpt) in excerpts.enumerated() {
            try session.record(
                excerpt,
                ExcerptCoding(
                    finished: true, codes: ["A1": AppliedCode()], updated: "2026-12-04T10:0\(index):00Z",
                    codebookRevision: study.codebook.revision))
        }
        try session.close()
    }

    private func sync(_ clone: String, as name: String) throws -> Binaries.Outcome {
        try Binaries.run("thematic", ["sync", clone + "/study", "--as", name])
    }

    @Test func twoCodersSyncAndEachSeesTheOthersWork() throws {
        let team = try makeTeam()
        try code(team.asha, coder: "asha", ["R01-001", "R01-002", "R02-001"])
        let ashaFirst = try sync(team.asha, as: "asha")
        #expect(ashaFirst.status == 0, "\(ashaFirst.standardError)")
        #expect(
            ashaFirst.standardOutput.contains("committed: asha: 3 excerpts finished in R01, R02"),
            "\(ashaFirst.standardOutput)")

        try code(team.ben, coder: "ben", ["R03-001", "R03-002"])
        let benSync = try sync(team.ben, as: "ben")
        #expect(benSync.status == 0, "\(benSync.standardError)")
        #expect(
            benSync.standardOutput.contains("committed: ben: 2 excerpts finished in R03"), "\(benSync.standardOutput)")
        #expect(benSync.standardOutput.contains("from the team: asha finished 3 excerpts"), "\(benSync.standardOutput)")

        let ashaAgain = try sync(team.asha, as: "asha")
        #expect(ashaAgain.status == 0, "\(ashaAgain.standardError)")
        #expect(ashaAgain.standardOutput.contains("nothing of yours to commit"), "\(ashaAgain.standardOutput)")
        #expect(
            ashaAgain.standardOutput.contains("from the team: ben finished 2 excerpts"), "\(ashaAgain.standardOutput)")

        for clone in [team.asha, team.ben] {
            let study = try StudyReader.load(StudyFolder(path: team.study(clone))).study
            #expect(study.codings["asha"]?.finishedCount == 3, "\(clone): asha's work")
            #expect(study.codings["ben"]?.finishedCount == 2, "\(clone): ben's work")
            #expect(try git(clone, ["status", "--porcelain"]).isEmpty, "\(clone): nothing left uncommitted")
        }
        #expect(
            try git(team.asha, ["rev-parse", "HEAD"]) == git(team.ben, ["rev-parse", "HEAD"]),
            "both clones at the same commit")
    }

    @Test func aLeadsCodebookRevisionIsCommittedWithItsConsensusAndReportedToCoders() throws {
        let team = try makeTeam()
        let merge = try Binaries.run(
            "thematic",
            ["codebook", "merge", team.study(team.lena), "A2", "--into", "A1", "--by", "lena", "--note", "one theme"])
        try #require(merge.status == 0, "\(merge.standardError)")
        let lenaSync = try sync(team.lena, as: "lena")
        #expect(lenaSync.status == 0, "\(lenaSync.standardError)")
        #expect(
            lenaSync.standardOutput.contains("committed: lena: codebook revision 1 → 2 (merge A2 into A1)"),
            "\(lenaSync.standardOutput)")
        #expect(try git(team.lena, ["show", "--name-only", "--format=", "HEAD"]).contains("study/consensus.json"))

        let ashaSync = try sync(team.asha, as: "asha")
        #expect(ashaSync.status == 0, "\(ashaSync.standardError)")
        #expect(
            ashaSync.standardOutput.contains(
                "codebook revision 1 → 2 (merge A2 into A1); 1 consensus decision by lena"),
            "\(ashaSync.standardOutput)")
        #expect(try StudyReader.load(StudyFolder(path: team.study(team.asha))).study.codebook.revision == 2)
    }

    @Test func someoneElsesChangedFileIsRefusedAndNothingCommitted() throws {
        let team = try makeTeam()
        try code(team.asha, coder: "asha", ["R01-001"])
        try code(team.asha, coder: "ben", ["R01-001"])
        let head = try git(team.asha, ["rev-parse", "HEAD"])
        let refused = try sync(team.asha, as: "asha")
        #expect(refused.status != 0)
        #expect(
            refused.standardError.contains(
                "not syncing: these files belong to others and were changed here: codings/ben.json."),
            "\(refused.standardError)")
        #expect(try git(team.asha, ["rev-parse", "HEAD"]) == head, "nothing committed")
    }

    @Test func aConflictingPullIsUndoneAndTheLocalCommitKept() throws {
        let team = try makeTeam()
        // Setup by hand: both clones commit a different study.json, which no sync would commit.
        for (clone, title) in [(team.lena, "Lena's title"), (team.asha, "Asha's title")] {
            let manifest = team.study(clone) + "/study.json"
            let text = try String(contentsOfFile: manifest, encoding: .utf8)
                .replacingOccurrences(of: "Demo study: fourteen fictional serious case reviews", with: title)
            try text.write(toFile: manifest, atomically: true, encoding: .utf8)
            try git(clone, ["commit", "-q", "-a", "-m", "retitle"])
        }
        try git(team.lena, ["push", "-q", "origin", "HEAD"])
        try code(team.asha, coder: "asha", ["R01-001"])
        let failed = try sync(team.asha, as: "asha")
        #expect(failed.status != 0)
        #expect(
            failed.standardError.contains("the pull from the team failed in study/study.json"),
            "\(failed.standardError)")
        #expect(failed.standardError.contains("your commit is kept"), "\(failed.standardError)")
        #expect(try git(team.asha, ["log", "-1", "--format=%s"]).hasPrefix("asha: 1 excerpt finished in R01"))
        #expect(try git(team.asha, ["status", "--porcelain"]).isEmpty, "no rebase left half done")
        #expect(
            try String(contentsOfFile: team.study(team.asha) + "/study.json", encoding: .utf8).contains("Asha's title"))
    }

    @Test func aStudyOutsideARepositoryIsAClearFailure() throws {
        let folder = TestFolders.scratch() + "/study"
        try FileManager.default.copyItem(atPath: TestFolders.demoStudy, toPath: folder)
        let outcome = try Binaries.run("thematic", ["sync", folder, "--as", "asha"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("is not in a git repository"), "\(outcome.standardError)")
    }

    @discardableResult
    private func git(_ directory: String, _ arguments: [String]) throws -> String {
        try Git.run(directory, arguments)
    }
}
