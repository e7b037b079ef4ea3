import Testing

@testable import ThematicCore

/// Undoing a merge or a split puts every coding it moved back, from what its history entry recorded.
@Suite struct CodebookUndoTests {
    @Test func aMergeRecordsEachMovedCodingBeforeAndAfterInItsHistoryEntry() throws {
        let folder = try TestSupport.validStudy()
        try CodebookEditor(folder: folder).apply(.merge("A2", into: "A1"), by: "lena")
        let codings = try #require(try TestSupport.load(folder).codebook.history.last?.codings)
        #expect(
            codings.coders["asha"]?["R2-1"]
                == .init(before: ["A2": AppliedCode(memo: "not sure")], after: ["A1": AppliedCode(memo: "not sure")]))
        #expect(codings.coders["ben"]?["R1-1"]?.before.keys.sorted() == ["A1", "A2"])
        #expect(codings.coders["ben"]?["R1-1"]?.after.keys.sorted() == ["A1"])
        #expect(codings.consensus["R1-1"]?.before.coderCodes["ben"] == ["A1", "A2"])
        #expect(codings.consensus["R1-1"]?.after.coderCodes["ben"] == ["A1"])
    }

    /// What a screen shows after a change without reading the study again.
    @Test func aMergeAndItsUndoTellTheCodingsAndTheConsensusAsTheFilesNowHoldThem() throws {
        let folder = try TestSupport.validStudy()
        let editor = CodebookEditor(folder: folder)
        for edit in [CodebookEdit.merge("A2", into: "A1"), .undo] {
            let written = try #require(try editor.apply(edit, by: "lena").codingsWritten)
            let onDisk = try TestSupport.load(folder)
            #expect(written.coders == onDisk.codings)
            #expect(written.consensus == onDisk.consensus)
        }
        #expect(try editor.apply(.rename("A1", to: "Another name"), by: "lena").codingsWritten == nil)
    }

    @Test func undoingAMergePutsBackEveryCoderFileAndTheConsensus() throws {
        let folder = try TestSupport.validStudy()
        let before = try TestSupport.load(folder)
        let editor = CodebookEditor(folder: folder)
        try editor.apply(.merge("A2", into: "A1"), by: "lena")
        let outcome = try editor.apply(.undo, by: "lena", note: "the merge lost a distinction")
        let after = try TestSupport.load(folder)
        #expect(after.codings.mapValues(\.excerpts) == before.codings.mapValues(\.excerpts))
        #expect(after.consensus == before.consensus)
        #expect(after.codebook.code("A2")?.status == .active)
        #expect(after.codebook.revision == before.codebook.revision + 2)
        #expect(outcome.rewritten == ["asha": 1, "ben": 1, "consensus": 1])
        #expect(outcome.keptAsCodedSince.isEmpty)
        #expect(
            outcome.change.action
                == .undo(
                    revision: before.codebook.revision + 1, type: "merge",
                    restored: ["asha": 1, "ben": 1, "consensus": 1], keptAsCodedSince: []))
        #expect(TestSupport.checksClean(folder))
    }

    @Test func undoingASplitPutsTheCodeBackAndThenItsPartsCanBeUndoneToo() throws {
        let folder = try TestSupport.validStudy()
        let before = try TestSupport.load(folder)
        let editor = CodebookEditor(folder: folder)
        let parts = [
            Code(id: "A1a", name: "Not shared on request", parent: "A"),
            Code(id: "A1b", name: "Never asked", parent: "A"),
        ]
        try editor.split("A1", into: parts, assignment: ["R1-1": ["A1a", "A1b"]], by: "lena")
        try editor.apply(.undo, by: "lena")
        var after = try TestSupport.load(folder)
        #expect(after.codings.mapValues(\.excerpts) == before.codings.mapValues(\.excerpts))
        #expect(after.consensus == before.consensus)
        #expect(after.codebook.code("A1")?.status == .active)
        try editor.apply(.undo, by: "lena")
        try editor.apply(.undo, by: "lena")
        after = try TestSupport.load(folder)
        #expect(after.codebook.codes == before.codebook.codes)
        #expect(TestSupport.checksClean(folder))
    }

    @Test func aCodingChangedSinceTheMergeIsLeftAsCodedAndListed() throws {
        let folder = try TestSupport.validStudy()
        let editor = CodebookEditor(folder: folder)
        try editor.apply(.merge("A2", into: "A1"), by: "lena")
        let session = try CodingSession(folder: folder, coder: "asha")
        var record = try #require(session.coding.excerpts["R2-1"])
        record.codes["A1"] = AppliedCode(memo: "rethought after the merge")
        try session.record("R2-1", record)
        try session.close()
        let outcome = try editor.apply(.undo, by: "lena")
        let after = try TestSupport.load(folder)
        #expect(outcome.keptAsCodedSince == ["asha:R2-1"])
        #expect(
            after.codings["asha"]?.excerpts["R2-1"]?.codes == ["A1": AppliedCode(memo: "rethought after the merge")])
        #expect(after.codings["ben"]?.excerpts["R1-1"]?.codeIDs == ["A1", "A2"])
        #expect(TestSupport.checksClean(folder))
    }

    @Test func aMergeRecordedWithoutItsCodingsCannotBeUndone() throws {
        let folder = try TestSupport.validStudy()
        let editor = CodebookEditor(folder: folder)
        try editor.apply(.merge("A2", into: "A1"), by: "lena")
        var book = try TestSupport.load(folder).codebook
        book.history[book.history.count - 1].codings = nil
        try editor.writeCodebook(book, replacing: book.revision)
        #expect(throws: CodebookEditError.self) { try editor.apply(.undo, by: "lena") }
        #expect(try TestSupport.load(folder).codebook.code("A2")?.status == .merged(into: "A1"))
    }
}
