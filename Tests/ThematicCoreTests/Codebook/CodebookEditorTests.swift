import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Edits applied to a study on disk: two coder files and a consensus, all kept consistent.
@Suite struct CodebookEditorTests {
    @Test func aMergeMovesTheCodingsOfEveryCoderAndTheConsensus() throws {
        let folder = try TestSupport.validStudy()
        try CodebookEditor(folder: folder).apply(
            .merge("A2", into: "A1"), by: "lena", note: "coders could not tell them apart")
        let study = try TestSupport.load(folder)
        #expect(study.codings["asha"]?.excerpts["R2-1"]?.codes == ["A1": AppliedCode(memo: "not sure")])
        #expect(study.codings["ben"]?.excerpts["R1-1"]?.codes == ["A1": AppliedCode()])
        #expect(study.consensus.excerpts["R1-1"]?.coderCodes["ben"] == ["A1"])
        #expect(study.codebook.code("A2")?.status == .merged(into: "A1"))
        #expect(TestSupport.checksClean(folder))
    }

    @Test func aMergeRecordsWhatItMovedInTheHistory() throws {
        let folder = try TestSupport.validStudy()
        let outcome = try CodebookEditor(folder: folder).apply(.merge("A2", into: "A1"), by: "lena")
        #expect(outcome.change.action == .merge(moved: ["asha": 1, "ben": 1, "consensus": 1], bothApplied: 1))
        #expect(
            outcome.change.summary == "merge A2 into A1; codings moved: asha 1, ben 1, consensus 1; 1 had both codes")
    }

    @Test func codesBothAppliedBecomeOneApplicationWithTheUnionOfSpansAndBothMemos() {
        let kept = AppliedCode(spans: [TextSpan(start: 0, end: 5), TextSpan(start: 20, end: 25)], memo: "first")
        let moved = AppliedCode(spans: [TextSpan(start: 3, end: 10)], memo: "second")
        #expect(
            CodingRewrite.combine(kept, moved)
                == AppliedCode(
                    spans: [TextSpan(start: 0, end: 10), TextSpan(start: 20, end: 25)], memo: "first\n\nsecond"))
    }

    @Test func aCodeAppliedToTheWholeExcerptStaysWholeWhenMergedWithASpan() {
        let combined = CodingRewrite.combine(AppliedCode(), AppliedCode(spans: [TextSpan(start: 3, end: 10)]))
        #expect(combined.spans.isEmpty)
    }

    @Test func aSplitAddsItsPartsAndReassignsEveryCodedExcerpt() throws {
        let folder = try TestSupport.validStudy()
        let parts = [
            Code(id: "A1a", name: "Not shared on request", parent: "A"),
            Code(id: "A1b", name: "Never asked", parent: "A"),
        ]
        try CodebookEditor(folder: folder).split("A1", into: parts, assignment: ["R1-1": ["A1b"]], by: "lena")
        let study = try TestSupport.load(folder)
        #expect(
            study.codings["asha"]?.excerpts["R1-1"]?.codes == ["A1b": AppliedCode(spans: [TextSpan(start: 4, end: 17)])]
        )
        #expect(study.codings["ben"]?.excerpts["R1-1"]?.codeIDs == ["A1b", "A2"])
        #expect(study.consensus.excerpts["R1-1"]?.codes == ["A1b": AppliedCode()])
        #expect(study.codebook.code("A1")?.status == .retired)
        #expect(study.codebook.history.suffix(3).map(\.action.type) == ["add", "add", "split"])
        #expect(TestSupport.checksClean(folder))
    }

    @Test func aSplitWithAnUnassignedExcerptIsRefusedAndChangesNothing() throws {
        let folder = try TestSupport.validStudy()
        let before = try FolderSnapshot.take(folder.path)
        let parts = [Code(id: "A1a", name: "One", parent: "A"), Code(id: "A1b", name: "Two", parent: "A")]
        #expect(
            throws: CodebookEditError(
                "1 excerpt is coded A1 but assigned none of A1a, A1b: R1-1; assign them (or give a default) so that nothing is dropped"
            )
        ) {
            try CodebookEditor(folder: folder).split("A1", into: parts, assignment: [:], by: "lena")
        }
        #expect(try FolderSnapshot.take(folder.path) == before)
    }

    @Test func anEditThatRewritesCoderFilesWaitsWhileACoderHasTheStudyOpen() throws {
        let folder = try TestSupport.validStudy()
        let session = try CodingSession(folder: folder, coder: "ben")
        defer { try? session.close() }
        let before = try FolderSnapshot.take(folder.path)
        #expect {
            try CodebookEditor(folder: folder).apply(.merge("A2", into: "A1"), by: "lena")
        } throws: { error in
            "\(error)".hasPrefix("ben has the study open in a coding session")
                && "\(error)".hasSuffix("Nothing was changed.")
        }
        #expect(
            try FolderSnapshot.take(folder.path).filter { !$0.key.hasSuffix(".lock") }
                == before.filter { !$0.key.hasSuffix(".lock") })
    }

    @Test func aCoderMayNotEditTheCodebookUnlessTheStudyAllowsIt() throws {
        let folder = try TestSupport.validStudy()
        #expect(
            throws: CodebookEditError(
                "ben is a coder of this study, and coders may not edit the codebook here: ask a lead, or set \"coderCodebookEdits\": true in the settings of study.json to allow it"
            )
        ) {
            try CodebookEditor(folder: folder).apply(.rename("A1", to: "Withheld"), by: "ben")
        }
    }

    @Test func aCoderMayEditTheCodebookWhenTheStudyAllowsIt() throws {
        let folder = try TestSupport.validStudy()
        var study = try TestSupport.load(folder)
        study.manifest.settings.coderCodebookEdits = true
        try StudyWriter.save(study)
        try CodebookEditor(folder: folder).apply(.rename("A1", to: "Withheld"), by: "ben")
        #expect(try TestSupport.load(folder).codebook.code("A1")?.name == "Withheld")
    }

    @Test func undoingTheAdditionOfACodeAlreadyAppliedIsRefused() throws {
        let folder = try TestSupport.validStudy()
        let editor = CodebookEditor(folder: folder)
        try editor.apply(.add(Code(id: "A3", name: "New", parent: "A")), by: "lena")
        let session = try CodingSession(folder: folder, coder: "ben")
        try session.record(
            "R1-2",
            ExcerptCoding(
                finished: true, codes: ["A3": AppliedCode()], updated: "2026-11-23T12:00:00Z", codebookRevision: 3))
        try session.close()
        #expect(
            throws: CodebookEditError(
                "cannot undo adding A3: it is applied to 1 excerpt already (R1-2); retire it instead")
        ) {
            try editor.apply(.undo, by: "lena")
        }
    }

    @Test func undoOfARenameIsWrittenAsItsOwnRevision() throws {
        let folder = try TestSupport.validStudy()
        let editor = CodebookEditor(folder: folder)
        try editor.apply(.rename("A1", to: "Withheld"), by: "lena")
        try editor.apply(.undo, by: "lena", note: "the old name was clearer")
        let book = try TestSupport.load(folder).codebook
        #expect(book.code("A1")?.name == "Information not shared")
        #expect(book.revision == 4)
        #expect(TestSupport.checksClean(folder))
    }

    @Test func aMergeInterruptedBeforeTheCodebookWasWrittenChecksCleanAndFinishesWhenRunAgain() throws {
        let folder = try TestSupport.validStudy()
        let oldCodebook = try FileSystem.readBytes(folder.url("codebook.json"))
        let editor = CodebookEditor(folder: folder)
        try editor.apply(.merge("A2", into: "A1"), by: "lena")
        // The state a crash just before the codebook's write leaves: codings moved, codebook as it was.
        try AtomicFile.write(oldCodebook, to: folder.url("codebook.json"))
        #expect(TestSupport.checksClean(folder))
        let outcome = try editor.apply(.merge("A2", into: "A1"), by: "lena")
        #expect(outcome.codebook.code("A2")?.status == .merged(into: "A1"))
        #expect(TestSupport.checksClean(folder))
    }

    @Test func usageCountsFinishedExcerptsPerCoderAndInTheConsensus() throws {
        let usage = CodebookUsage(study: try TestSupport.load(try TestSupport.validStudy()))
        #expect(usage.count("A1", coder: "asha") == 1)
        #expect(usage.count("A2", coder: "asha") == 0)
        #expect(usage.count("A2", coder: "ben") == 1)
        #expect(usage.consensus["A1"] == 1)
        #expect(usage.total("A1") == 3)
    }

    @Test func usageListsApplicableCodesNobodyApplied() throws {
        let folder = try TestSupport.validStudy()
        try CodebookEditor(folder: folder).apply(.add(Code(id: "A3", name: "New", parent: "A")), by: "lena")
        let study = try TestSupport.load(folder)
        #expect(CodebookUsage(study: study).unused(in: study.codebook).map(\.id) == ["A3"])
    }

    @Test func aMergeOnTheDemoStudyKeepsEveryFileValid() throws {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        let before = try TestSupport.load(folder)
        let applied = CodebookEditor.excerptsCoded("A2", in: before).count
        try CodebookEditor(folder: folder).apply(.merge("A2", into: "A1"), by: "lena")
        let after = try TestSupport.load(folder)
        #expect(applied > 0)
        #expect(CodebookEditor.excerptsCoded("A2", in: after).isEmpty)
        #expect(StudyReader.read(folder).problems.filter { $0.severity == .error }.isEmpty)
    }
}

extension CodebookEditorTests {
    @Test func aSplitInterruptedBeforeTheCodebookWasWrittenChecksCleanAndFinishesWhenRunAgain() throws {
        let folder = try TestSupport.validStudy()
        let editor = CodebookEditor(folder: folder)
        let parts = [Code(id: "A1a", name: "One", parent: "A"), Code(id: "A1b", name: "Two", parent: "A")]
        for part in parts { try editor.apply(.add(part), by: "lena") }
        let withParts = try FileSystem.readBytes(folder.url("codebook.json"))
        try editor.split("A1", into: parts, assignment: ["R1-1": ["A1a"]], by: "lena")
        // The state a crash just before the split's codebook write leaves: codings moved, parts added, A1 still active.
        try AtomicFile.write(withParts, to: folder.url("codebook.json"))
        #expect(TestSupport.checksClean(folder))
        let outcome = try editor.split("A1", into: parts, assignment: ["R1-1": ["A1a"]], by: "lena")
        #expect(outcome.codebook.code("A1")?.status == .retired)
        #expect(outcome.codebook.history.suffix(3).map(\.action.type) == ["add", "add", "split"])
        #expect(TestSupport.checksClean(folder))
    }
}

extension CodebookEditorTests {
    @Test func codingSessionsOfferCodebookEditsOnlyWhenTheStudyAllowsThem() {
        #expect(!CodebookGuard.codingSessionsMayEdit(StudySettings()))
        #expect(CodebookGuard.codingSessionsMayEdit(StudySettings(coderCodebookEdits: true)))
    }

    @Test func aLeadWhoIsNotACoderMayAlwaysEdit() {
        #expect(CodebookGuard.refusal(editor: "lena", coders: ["asha", "ben"], settings: StudySettings()) == nil)
    }

    @Test func theConsensusListOfACodersCodesNamesTheTargetOnce() {
        #expect(CodingRewrite.replacing(["A1", "A2", "C3"], "A2", with: ["A1"]) == ["A1", "C3"])
    }
}
