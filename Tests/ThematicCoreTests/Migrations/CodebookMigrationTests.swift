import CanonicalJSON
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Codebooks written by earlier builds: the demo study as version 1 shipped it, a version-1 codebook with every
/// kind of change a lead makes, and a version-2 codebook whose history changed groups, all made by those builds.
/// Each is read through its migration steps, written at version 3 with nothing lost, and then round-trips.
@Suite struct CodebookMigrationTests {
    static let folder = TestSupport.fixtures + "/migration"

    private func read(_ name: String) throws -> Codebook { try StudyCreator.readCodebook(Self.folder + "/" + name) }

    private func written(_ codebook: Codebook) -> [UInt8] { CanonicalWriter.pretty(CodebookFormat.encode(codebook)) }

    @Test func theVersionOneDemoStudyOpensClean() throws {
        let result = StudyReader.read(StudyFolder(path: Self.folder + "/demo-version-1"))
        #expect(result.problems == [])
        #expect(
            result.study?.codebook.history == [
                CodebookChange(
                    revision: 1, at: "2026-11-23T00:00:00Z", by: "thematic", action: .create,
                    note:
                        "Created from the LiPP A3 grid (Appendix 3 of DFE-RR520): stages A-G as categories, the 44 practice issues as codes."
                )
            ])
    }

    @Test func theFirstWriteOfAVersionOneStudyWritesVersionThreeAndThenItRoundTrips() throws {
        let folder = try TestFolders.copyStudy(Self.folder + "/demo-version-1")
        let before = try TestSupport.load(folder).codebook
        try CodebookEditor(folder: folder).apply(
            .rename("A1", to: "GP information withheld"), by: "lena", at: "2026-12-05T09:00:00Z")
        let bytes = try FileSystem.readBytes(folder.url(StudyFolder.codebookFile))
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"schemaVersion\": 3"))
        let after = try TestSupport.load(folder).codebook
        #expect(Array(after.history.dropLast()) == before.history)
        #expect(
            after.history.last?.action == .rename(from: before.code("A1")?.name ?? "", to: "GP information withheld"))
        #expect(written(after) == bytes)
        #expect(TestSupport.checksClean(folder))
    }

    @Test func everyKindOfChangeAVersionOneBuildRecordedIsReadIntoItsTypedAction() throws {
        let history = try read("codebook-version-1-history.json").history
        #expect(
            history.map(\.action) == [
                .create,
                .add(parent: "A"),
                .edit([
                    .colour: FieldChange(from: nil, to: "#1f77b4"),
                    .whenNotToUse: FieldChange(from: nil, to: "The records were read late"),
                ]),
                .move(from: CodePlace(parent: "A", position: 4), to: CodePlace(parent: "B", position: 0)),
                .reorder(from: CodePlace(parent: "B", position: 0), to: CodePlace(parent: "B", position: 1)),
                .rename(
                    from:
                        "Information about a parent known to the GP, relevant to safeguarding, is not shared with the child's health professionals",
                    to: "GP information withheld"),
                .merge(moved: ["asha": 5, "ben": 4, "cara": 0, "consensus": 1], bothApplied: 3),
                .add(parent: "A"),
                .add(parent: "A"),
                .split(moved: ["asha": 5, "ben": 5, "cara": 0, "consensus": 2]),
                .retire,
                .undo(revision: 11, type: "retire", restored: nil, keptAsCodedSince: []),
                .undo(
                    revision: 10, type: "split", restored: ["asha": 5, "ben": 5, "cara": 0, "consensus": 2],
                    keptAsCodedSince: []),
            ])
        #expect(history.map(\.revision) == Array(1...13))
        #expect(history.compactMap(\.note).count == 7)
        #expect(
            history[9].codes == ["A3", "A3a", "A3b"] && history[12].by == "mo"
                && history[12].note == "split was premature")
    }

    @Test func theCodingsAMergeOrSplitMovedAreKeptSoThatItCanStillBeUndone() throws {
        let book = try read("codebook-version-1-history.json")
        #expect(book.history[6].codings?.coders["asha"]?.isEmpty == false)
        #expect(book.history[9].codings?.consensus.count == 2)
        var undone = book
        for _ in 1...3 { undone = try undone.applying(.undo, by: "lena", at: "2026-12-05T09:00:00Z") }
        #expect(undone.code("A2")?.status == .active)
        #expect(undone.history.last?.summary == "undo revision 7 (merge of A2, A1)")
    }

    @Test func aVersionTwoCodebookKeepsTheGroupsBeforeEachGroupChange() throws {
        let book = try read("codebook-version-2-groups.json")
        let groupChanges = book.history.filter { $0.revision >= 14 }
        #expect(
            groupChanges.map(\.action) == [
                .addGroup("health"), .addToGroup("health"), .removeFromGroup("health"), .addGroup("police"),
                .deleteGroup("police"), .undo(revision: 18, type: "delete-group", restored: nil, keptAsCodedSince: []),
                .merge(moved: ["asha": 6, "ben": 5, "cara": 0, "consensus": 0], bothApplied: 0),
            ])
        #expect(
            groupChanges.map { $0.groupsBefore?.map(\.id) } == [
                [], ["health"], ["health"], ["health"], ["health", "police"], ["health"], ["health", "police"],
            ])
        #expect(book.groups.map(\.id) == ["health", "police"])
    }

    @Test func aMigratedCodebookIsWrittenAtVersionThreeAndThenRoundTripsByteForByte() throws {
        for name in ["codebook-version-1-history.json", "codebook-version-2-groups.json"] {
            let book = try read(name)
            let bytes = written(book)
            #expect(String(decoding: bytes, as: UTF8.self).contains("\"schemaVersion\": 3"), "\(name)")
            var problems = FileProblems()
            let again = try CodebookFormat.decode(try JSONParser.parse(bytes), problems: &problems)
            #expect(again == book, "\(name)")
            #expect(written(again) == bytes, "\(name)")
        }
    }

    @Test func theHistoryReadsAsSentences() throws {
        let history = try read("codebook-version-1-history.json").history
        #expect(
            history.map(\.summary) == [
                "create the codebook",
                "add A9 under A",
                "edit A9: when not to use, colour",
                "move A9 under B (position 1; it was under A)",
                "reorder A9 to position 2 under B",
                "rename A1 from \"Information about a parent known to the GP, relevant to safeguarding, is not shared with the child's health professionals\" to \"GP information withheld\"",
                "merge A2 into A1; codings moved: asha 5, ben 4, cara 0, consensus 1; 3 had both codes",
                "add A3a under A",
                "add A3b under A",
                "split A3 into A3a, A3b; codings moved: asha 5, ben 5, cara 0, consensus 2",
                "retire A4",
                "undo revision 11 (retire of A4)",
                "undo revision 10 (split of A3, A3a, A3b); codings restored: asha 5, ben 5, cara 0, consensus 2",
            ])
    }
}
