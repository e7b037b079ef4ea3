import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// Two coders on two machines: each codes in a clone of the same repository, commits, pulls and pushes; git must
/// merge their work without a conflict, whatever order they push in.
@Suite struct GitTeamTests {
    struct Team {
        let remote: String
        let lead: String
        let asha: String
        let ben: String
    }

    /// A bare repository holding a small study, and clones for the lead, asha and ben.
    private func makeTeam() throws -> Team {
        let root = TestFolders.scratch()
        let team = Team(remote: root + "/remote.git", lead: root + "/lead", asha: root + "/asha", ben: root + "/ben")
        try git(root, ["init", "-q", "--bare", team.remote])
        try git(root, ["clone", "-q", team.remote, team.lead])
        let generated = try Binaries.run(
            "thematic-bench",
            ["generate", team.lead + "/study", "--reviews", "3", "--excerpts", "30", "--codes", "8", "--coders", "0"])
        try #require(generated.status == 0, "\(generated.standardError)")
        try git(team.lead, ["add", "-A"])
        try git(team.lead, ["commit", "-q", "-m", "study"])
        try git(team.lead, ["push", "-q", "origin", "HEAD"])
        try git(root, ["clone", "-q", team.remote, team.asha])
        try git(root, ["clone", "-q", team.remote, team.ben])
        return team
    }

    /// Codes through a CodingSession, the path the coding screen uses; `keepJournal` leaves the session's last
    /// actions in the journal, as after a crash.
    private func code(_ clone: String, coder: String, _ decisions: [(String, [String])], keepJournal: Bool = false)
        throws -> [String: ExcerptCoding]
    {
        let folder = StudyFolder(path: clone + "/study")
        let study = try StudyReader.load(folder, coders: [coder]).study
        let session = try CodingSession(folder: folder, coder: coder, codebook: study.codebook, corpus: study.corpus)
        for (index, (excerpt, codes)) in decisions.enumerated() {
            try session.record(
                excerpt,
                ExcerptCoding(
                    finished: true, codes: Dictionary(uniqueKeysWithValues: codes.map { ($0, AppliedCode()) }),
                    updated: "2026-11-23T10:0\(index):00Z", codebookRevision: 1))
        }
        let result = session.coding.excerpts
        if !keepJournal { try session.close() }
        return result
    }

    private func commitAndSync(_ clone: String, message: String) throws {
        try git(clone, ["add", "-A"])
        try git(clone, ["commit", "-q", "-m", message])
        try git(clone, ["-c", "pull.rebase=false", "pull", "-q", "--no-edit", "origin", "HEAD"])
        try git(clone, ["push", "-q", "origin", "HEAD"])
    }

    @Test(arguments: [true, false])
    func twoCodersNeverConflictWhateverOrderTheyPushIn(ashaFirst: Bool) throws {
        let team = try makeTeam()
        let overlap = ["S0001-0001", "S0001-0002", "S0002-0001"]
        let ashaCodes = try code(
            team.asha, coder: "asha",
            [(overlap[0], ["K1.1"]), (overlap[1], []), (overlap[2], ["K1.2", "K1.3"]), ("S0003-0001", ["K1.4"])])
        let benCodes = try code(
            team.ben, coder: "ben",
            [(overlap[0], ["K1.1"]), (overlap[1], ["K1.5"]), (overlap[2], ["K1.2"]), ("S0002-0005", [])],
            keepJournal: true)
        let order = ashaFirst ? [team.asha, team.ben] : [team.ben, team.asha]
        for clone in order { try commitAndSync(clone, message: "coding from \(clone)") }
        try git(order[0], ["-c", "pull.rebase=false", "pull", "-q", "--no-edit", "origin", "HEAD"])
        try git(team.lead, ["-c", "pull.rebase=false", "pull", "-q", "--no-edit", "origin", "HEAD"])

        var loaded: [Study] = []
        for clone in [team.asha, team.ben, team.lead] {
            let check = try Binaries.run("thematic", ["check", clone + "/study"])
            #expect(check.status == 0, "\(clone): \(check.standardError)")
            let study = try StudyReader.load(StudyFolder(path: clone + "/study")).study
            #expect(study.codings["asha"]?.excerpts == ashaCodes, "\(clone): asha's actions")
            #expect(study.codings["ben"]?.excerpts == benCodes, "\(clone): ben's actions")
            loaded.append(study)
        }
        #expect(loaded[0].codings == loaded[1].codings && loaded[1].codings == loaded[2].codings)
        let figures = try [team.asha, team.ben, team.lead].map { clone in
            try Binaries.run("thematic", ["agree", clone + "/study", "--format", "json"]).standardOutput
        }
        #expect(figures[0].contains("\"per_code\""), "agreement computes in a clone")
        #expect(figures[0] == figures[1] && figures[1] == figures[2], "every clone gives the same agreement figures")
        let tracked = try git(team.lead, ["ls-files", "study/codings"])
        #expect(!tracked.contains(".lock"), "lock files stay out of git")
    }

    @Test func conflictMarkersInACoderFileAreRefusedAndTheFileKept() throws {
        let team = try makeTeam()
        _ = try code(team.asha, coder: "asha", [("S0001-0001", ["K1.1"])])
        let file = team.asha + "/study/codings/asha.json"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "        \"K1.1\": {}\n",
            with: "<<<<<<< HEAD\n        \"K1.1\": {}\n=======\n        \"K1.2\": {}\n>>>>>>> theirs\n")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let check = try Binaries.run("thematic", ["check", team.asha + "/study"])
        #expect(check.status == 1)
        #expect(
            check.standardError.contains("codings/asha.json:7:1: git merge conflict markers (lines 7, 9, 11)"),
            "\(check.standardError)")
        #expect(throws: StudyLoadError.self) {
            try CodingSession(folder: StudyFolder(path: team.asha + "/study"), coder: "asha")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    @discardableResult
    private func git(_ directory: String, _ arguments: [String]) throws -> String {
        try Git.run(directory, arguments, settings: ["user.name=Thematic Test", "user.email=test@example.invalid"])
    }
}
