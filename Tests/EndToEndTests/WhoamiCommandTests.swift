import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// A person is named once (`thematic whoami --set`, or THEMATIC_USER) and every command that needs a name uses it.
@Suite struct WhoamiCommandTests {
    private func demo() throws -> String {
        let folder = TestFolders.scratch() + "/study"
        let outcome = try Binaries.run("thematic", ["demo", folder])
        try #require(outcome.status == 0, "\(outcome.standardError)")
        return folder
    }

    @Test func aNameSetOnceIsStoredInTheConfigFolderAndPrintedWithWhereItCameFrom() throws {
        let config = TestFolders.scratch()
        let set = try Binaries.run("thematic", ["whoami", "--set", "asha"], environment: ["XDG_CONFIG_HOME": config])
        #expect(set.status == 0, "\(set.standardError)")
        #expect(try String(contentsOfFile: config + "/thematic/user", encoding: .utf8) == "asha\n")
        let shown = try Binaries.run("thematic", ["whoami"], environment: ["XDG_CONFIG_HOME": config])
        #expect(shown.standardOutput == "asha (from \(config)/thematic/user)\n")
    }

    @Test func theEnvironmentWinsOverTheStoredName() throws {
        let config = TestFolders.scratch()
        _ = try Binaries.run("thematic", ["whoami", "--set", "asha"], environment: ["XDG_CONFIG_HOME": config])
        let shown = try Binaries.run(
            "thematic", ["whoami"], environment: ["XDG_CONFIG_HOME": config, "THEMATIC_USER": "lena"])
        #expect(shown.standardOutput == "lena (from THEMATIC_USER)\n")
    }

    @Test func anInvalidNameIsRefusedWithTheRuleAndNothingIsStored() throws {
        let config = TestFolders.scratch()
        let set = try Binaries.run(
            "thematic", ["whoami", "--set", "Asha Smith"], environment: ["XDG_CONFIG_HOME": config])
        #expect(set.status != 0)
        #expect(set.standardError.contains(Identifier.coderNameRule))
        #expect(!FileManager.default.fileExists(atPath: config + "/thematic/user"))
    }

    @Test func withNoNameAndNoTerminalNothingIsGuessedAndTheWaysToSetOneAreNamed() throws {
        let shown = try Binaries.run(
            "thematic", ["whoami"], environment: ["GIT_CONFIG_GLOBAL": Self.gitConfig(name: "Jane Smith")])
        #expect(shown.status != 0)
        #expect(shown.standardError.contains("THEMATIC_USER=NAME or `thematic whoami --set NAME`"))
        #expect(shown.standardError.contains("\"jane-smith\""))
    }

    @Test func aCodebookChangeIsRecordedAsMadeByTheNamedPerson() throws {
        let study = try demo()
        let rename = try Binaries.run(
            "thematic", ["codebook", "rename", study, "A1", "GP information withheld"],
            environment: ["THEMATIC_USER": "lena"])
        #expect(rename.status == 0, "\(rename.standardError)")
        let history = try Binaries.run("thematic", ["codebook", "history", study]).standardOutput
        let last = try #require(history.split(separator: "\n").last)
        #expect(last.split(separator: "\t")[2] == "lena")
        #expect(try String(contentsOfFile: study + "/codebook.json", encoding: .utf8).contains("\"by\": \"lena\""))
    }

    @Test func anExplicitByWinsOverTheNamedPerson() throws {
        let study = try demo()
        let rename = try Binaries.run(
            "thematic", ["codebook", "rename", study, "A1", "Withheld", "--by", "mo"],
            environment: ["THEMATIC_USER": "lena"])
        #expect(rename.status == 0, "\(rename.standardError)")
        let history = try Binaries.run("thematic", ["codebook", "history", study]).standardOutput
        #expect(try #require(history.split(separator: "\n").last).split(separator: "\t")[2] == "mo")
    }

    @Test func aChangeByNobodyIsRefusedWithEveryWayToSayWho() throws {
        let study = try demo()
        let before = try String(contentsOfFile: study + "/codebook.json", encoding: .utf8)
        let rename = try Binaries.run("thematic", ["codebook", "rename", study, "A1", "Withheld"])
        #expect(rename.status != 0)
        #expect(
            rename.standardError.contains(
                "say who makes the change: --by NAME, THEMATIC_USER or `thematic whoami --set NAME`"))
        #expect(try String(contentsOfFile: study + "/codebook.json", encoding: .utf8) == before)
    }

    @Test func aReconcileDecisionIsRecordedAsTheNamedLeads() throws {
        let study = try demo()
        let next = try Binaries.run("thematic", ["reconcile", "next", study]).standardOutput
        let line = try #require(next.split(separator: "\n").first { $0.hasPrefix("Decide with:") })
        let excerpt = try #require(line.split(separator: " ").drop { $0 != "decide" }.dropFirst(2).first)
        let decided = try Binaries.run(
            "thematic", ["reconcile", "decide", study, String(excerpt), "--union"],
            environment: ["THEMATIC_USER": "priya"])
        #expect(decided.status == 0, "\(decided.standardError)")
        #expect(try String(contentsOfFile: study + "/consensus.json", encoding: .utf8).contains("\"lead\": \"priya\""))
    }

    @Test func reconcileWithoutASubcommandPrintsProgressEvenWhenAPersonIsNamed() throws {
        let study = try demo()
        let progress = try Binaries.run("thematic", ["reconcile", study], environment: ["THEMATIC_USER": "lena"])
        #expect(progress.status == 0, "\(progress.standardError)")
        #expect(
            progress.standardOutput.contains("Next: ") || progress.standardOutput.contains("Nothing left to decide."))
    }

    /// A git config file that names the user, standing in for the person's own ~/.gitconfig.
    static func gitConfig(name: String) throws -> String {
        let path = TestFolders.scratch() + "/gitconfig"
        try "[user]\n\tname = \(name)\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
