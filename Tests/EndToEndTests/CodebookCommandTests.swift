import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// `thematic codebook ...` as a lead runs it on a copy of the demo study; `thematic check` passes after every change.
@Suite struct CodebookCommandTests {
    /// A private copy of the demo study (three coders and a consensus).
    private func demo() throws -> String {
        let folder = TestFolders.scratch() + "/study"
        let outcome = try Binaries.run("thematic", ["demo", folder])
        try #require(outcome.status == 0, "\(outcome.standardError)")
        return folder
    }

    private func thematic(_ arguments: String...) throws -> Binaries.Outcome { try Binaries.run("thematic", arguments) }

    private func checksClean(_ study: String) throws -> Bool {
        let outcome = try thematic("check", study)
        return outcome.status == 0 && outcome.standardOutput.contains(": OK: ")
    }

    @Test func everyKindOfChangeLeavesAStudyThatChecksClean() throws {
        let study = try demo()
        let changes: [[String]] = [
            [
                "add", study, "A9", "--name", "Records not read", "--parent", "A", "--brief",
                "Records held but not read", "--by", "lena",
            ],
            [
                "edit", study, "A9", "--when-not-to-use", "The records were read late", "--colour", "#1f77b4", "--by",
                "lena",
            ],
            ["move", study, "A9", "--parent", "B", "--position", "1", "--by", "lena"],
            ["reorder", study, "A9", "--position", "2", "--by", "lena"],
            ["rename", study, "A1", "GP information withheld", "--by", "lena", "--note", "shorter"],
            ["merge", study, "A2", "--into", "A1", "--by", "lena"],
            [
                "split", study, "A3", "--into", "A3a=Police to health", "--into", "A3b=Police to school", "--rule",
                "A3b:school", "--default", "A3a", "--by", "lena",
            ],
            ["retire", study, "A4", "--by", "lena"],
            ["undo", study, "--by", "lena"],
            ["undo", study, "--by", "lena"],
            ["undo", study, "--by", "lena"],
            ["undo", study, "--by", "lena"],
            ["undo", study, "--by", "lena"],
        ]
        var beforeMerge = ""
        for arguments in changes {
            if arguments[0] == "merge" { beforeMerge = try thematic("agree", study, "--format", "json").standardOutput }
            let outcome = try Binaries.run("thematic", ["codebook"] + arguments)
            #expect(outcome.status == 0, "\(arguments[0]): \(outcome.standardError)")
            #expect(try checksClean(study), "after \(arguments[0])")
            let agreement = try thematic("agree", study, "--coders", "asha,ben", "--format", "csv")
            #expect(
                agreement.status == 0 && agreement.standardOutput.hasPrefix("code,"),
                "agreement after \(arguments[0]): \(agreement.standardError)")
        }
        let rolledUp = try thematic("agree", study, "--coders", "asha,ben", "--level", "1")
        #expect(rolledUp.standardOutput.contains("\nA  "), "the merged and split codes still roll up into stage A")
        let history = try thematic("codebook", "history", study).standardOutput.split(separator: "\n").suffix(5)
        #expect(
            history.map { $0.split(separator: "\t")[3] } == [
                "undo revision 11 (retire of A4)",
                "undo revision 10 (split of A3, A3a, A3b); codings restored: asha 5, ben 5, cara 0, consensus 2",
                "undo revision 9 (add of A3b)",
                "undo revision 8 (add of A3a)",
                "undo revision 7 (merge of A2, A1); codings restored: asha 5, ben 4, cara 0, consensus 1",
            ])
        #expect(
            try thematic("agree", study, "--format", "json").standardOutput == beforeMerge,
            "undoing the retire, split, its parts and the merge gives back every coding")
    }

    @Test func historyShowsWhoChangedWhatAndWhy() throws {
        let study = try demo()
        _ = try thematic(
            "codebook", "rename", study, "A1", "GP information withheld", "--by", "lena", "--note", "shorter")
        let outcome = try thematic("codebook", "history", study)
        #expect(outcome.status == 0)
        let last = outcome.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("2\t"))
        #expect(
            last.contains(
                "\tlena\trename A1 from \"Information about a parent known to the GP, relevant to safeguarding, is not shared with the child's health professionals\" to \"GP information withheld\"\t(shorter)"
            ))
    }

    @Test func usageCountsEachCodersExcerptsAndFlagsUnusedCodes() throws {
        let study = try demo()
        _ = try thematic("codebook", "add", study, "G9", "--name", "Nobody uses this", "--parent", "G", "--by", "lena")
        let outcome = try thematic("codebook", "usage", study)
        #expect(outcome.standardOutput.hasPrefix("code\tname\tasha\tben\tcara\tconsensus\ttotal\n"))
        #expect(outcome.standardOutput.contains("\nG9\tNobody uses this\t0\t0\t0\t0\t0\tnever used\n"))
    }

    @Test func aCoderIsRefusedAndNothingChanges() throws {
        let study = try demo()
        let before = try FolderSnapshot.take(study, skippingLocks: true)
        let outcome = try thematic("codebook", "retire", study, "A1", "--by", "ben")
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains("ben is a coder of this study, and coders may not edit the codebook here"))
        #expect(try FolderSnapshot.take(study, skippingLocks: true) == before)
    }

    @Test func aSplitThatWouldDropExcerptsIsRefusedAndListsThem() throws {
        let study = try demo()
        let before = try FolderSnapshot.take(study, skippingLocks: true)
        let outcome = try thematic(
            "codebook", "split", study, "A3", "--into", "A3a=One", "--into", "A3b=Two", "--rule", "A3b:school", "--by",
            "lena")
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("coded A3 but assigned none of A3a, A3b: R"))
        #expect(try FolderSnapshot.take(study, skippingLocks: true) == before)
    }

    @Test func aMalformedSplitRuleIsRefusedEvenWhenNoExcerptIsCoded() throws {
        let study = try demo()
        #expect(
            try thematic("codebook", "add", study, "A9", "--name", "Not yet used", "--parent", "A", "--by", "lena")
                .status == 0)
        let before = try FolderSnapshot.take(study, skippingLocks: true)
        let outcome = try thematic(
            "codebook", "split", study, "A9", "--into", "A9a=One", "--into", "A9b=Two", "--rule", "A9b school",
            "--default", "A9a", "--by", "lena")
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--rule A9b school: expected ID:TEXT with ID one of A9a, A9b"))
        #expect(try FolderSnapshot.take(study, skippingLocks: true) == before)
    }

    @Test func aQdcRoundTripThroughANewStudyKeepsTheCodebook() throws {
        let study = try demo()
        let folder = TestFolders.scratch()
        #expect(try thematic("codebook", "export", study, "-o", folder + "/codebook.qdc").status == 0)
        #expect(try thematic("init", folder + "/new", "--title", "New").status == 0)
        let outcome = try thematic("codebook", "import", folder + "/new", folder + "/codebook.qdc", "--by", "lena")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let original = try StudyReader.load(StudyFolder(path: study)).study.codebook.codes
        #expect(try StudyReader.load(StudyFolder(path: folder + "/new")).study.codebook.codes == original)
    }

    @Test func aTruncatedQdcIsAClearErrorAndChangesNothing() throws {
        let study = try demo()
        let folder = TestFolders.scratch()
        _ = try thematic("codebook", "export", study, "-o", folder + "/codebook.qdc")
        let bytes = try FileSystem.readBytes(folder + "/codebook.qdc")
        try AtomicFile.write(Array(bytes.prefix(bytes.count / 3)), to: folder + "/cut.qdc")
        let before = try FolderSnapshot.take(study, skippingLocks: true)
        let outcome = try thematic("codebook", "import", study, folder + "/cut.qdc", "--by", "lena")
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("cut.qdc: not well-formed XML (at line "))
        #expect(try FolderSnapshot.take(study, skippingLocks: true) == before)
    }

    @Test func theNVivoProjectImportsIntoANewStudy() throws {
        let folder = TestFolders.scratch()
        _ = try thematic("init", folder + "/new", "--title", "New")
        let outcome = try thematic(
            "codebook", "import", folder + "/new",
            TestFolders.packageRoot + "/Tests/ThematicCoreTests/Fixtures/refi/nvivo-mac-15-codebook.qdpx", "--by",
            "lena")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("Imported 262 codes"))
        #expect(try checksClean(folder + "/new"))
    }

    @Test func exportsWriteEachFormatByItsExtension() throws {
        let study = try demo()
        let folder = TestFolders.scratch()
        for name in ["codebook.qdc", "study.qdpx", "codebook.md", "codebook.html"] {
            let outcome = try thematic("codebook", "export", study, "-o", folder + "/" + name)
            #expect(outcome.status == 0 && FileSystem.exists(folder + "/" + name), "\(name): \(outcome.standardError)")
        }
    }

    @Test func aQdpxBringsBackACodersCodingsIntoTheStudy() throws {
        let study = try demo()
        let folder = TestFolders.scratch()
        #expect(try thematic("codebook", "export", study, "-o", folder + "/study.qdpx").status == 0)
        let original = try StudyReader.load(StudyFolder(path: study)).study.codings["cara"]?.excerpts
        try FileSystem.remove(study + "/codings/cara.json")
        let outcome = try thematic("codebook", "import", study, folder + "/study.qdpx", "--by", "lena")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("(cara 44)"))
        #expect(try StudyReader.load(StudyFolder(path: study)).study.codings["cara"]?.excerpts == original)
        #expect(try checksClean(study))
    }

    @Test func theCodebookOnlyImportOfAProjectIntoANewStudyWritesNoCodingsAndNamesTheSkippedSources() throws {
        let folder = TestFolders.scratch()
        #expect(try thematic("codebook", "export", try demo(), "-o", folder + "/demo.qdpx").status == 0)
        _ = try thematic("init", folder + "/new", "--title", "New")
        let outcome = try thematic("codebook", "import", folder + "/new", folder + "/demo.qdpx", "--by", "lena")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("Imported 51 codes and 0 changed excerpt records"))
        #expect(
            outcome.standardError.contains(
                "14 sources match no review of the study, so their codings were not imported: \"R01\""))
        #expect(!FileSystem.exists(folder + "/new/codings/asha.json"))
        #expect(try checksClean(folder + "/new"))
    }

    @Test func aDryRunSplitListsEachExcerptsAssignmentAndChangesNothing() throws {
        let study = try demo()
        let before = try FolderSnapshot.take(study, skippingLocks: true)
        let outcome = try thematic(
            "codebook", "split", study, "A3", "--into", "A3a=One", "--into", "A3b=Two", "--rule", "A3b:school",
            "--dry-run")
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains("\tA3b\t") || $0.contains("\tNOT ASSIGNED\t") })
        #expect(try FolderSnapshot.take(study, skippingLocks: true) == before)
    }

    @Test func groupsAreMadeFilledEmptiedAndDeletedAsRevisionsThatUndoReverts() throws {
        let study = try demo()
        let changes: [[String]] = [
            [
                "create", study, "health", "--name", "Health", "--description", "Health services", "--code", "A1",
                "--by", "lena",
            ],
            ["add", study, "A3", "A4", "--to", "health", "--by", "lena"],
            ["remove", study, "A1", "--from", "health", "--by", "lena"],
        ]
        for arguments in changes {
            let outcome = try Binaries.run("thematic", ["codebook", "group"] + arguments)
            #expect(outcome.status == 0, "\(arguments[0]): \(outcome.standardError)")
            #expect(try checksClean(study), "after \(arguments[0])")
        }
        let listed = try thematic("codebook", "group", "list", study).standardOutput
        #expect(listed.hasPrefix("health\tHealth\t2 codes\tA3 Information about domestic violence"), "\(listed)")
        #expect(try thematic("codebook", "group", "delete", study, "health", "--by", "lena").status == 0)
        #expect(try thematic("codebook", "group", "list", study).standardOutput.hasPrefix("No groups"))
        #expect(try thematic("codebook", "undo", study, "--by", "lena").status == 0)
        #expect(try thematic("codebook", "group", "list", study).standardOutput == listed)
        let history = try thematic("codebook", "history", study).standardOutput.split(separator: "\n").suffix(5)
        #expect(
            history.map { $0.split(separator: "\t")[3] } == [
                "add group health with A1", "add A3, A4 to group health", "remove A1 from group health",
                "delete group health", "undo revision 5 (delete-group of A3, A4)",
            ])
    }

    @Test func aGroupChangeThatNamesAnUnknownCodeIsRefusedAndChangesNothing() throws {
        let study = try demo()
        let before = try FolderSnapshot.take(study)
        let outcome = try thematic(
            "codebook", "group", "create", study, "risk", "--name", "Risk", "--code", "Z9", "--by", "lena")
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("no code \"Z9\" in the codebook"), "\(outcome.standardError)")
        #expect(try FolderSnapshot.take(study) == before)
    }
}
