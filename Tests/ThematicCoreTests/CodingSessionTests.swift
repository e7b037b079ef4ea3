import CanonicalJSON
import Glibc
import Testing
import ThematicTestSupport

@testable import ThematicCore

@Suite struct CodingSessionTests {
    private func decision(_ codes: [String], finished: Bool = true, at time: String = "2026-11-23T10:00:00Z")
        -> ExcerptCoding
    {
        ExcerptCoding(
            finished: finished, codes: Dictionary(uniqueKeysWithValues: codes.map { ($0, AppliedCode()) }),
            updated: time, codebookRevision: 2)
    }

    private func valid() throws -> StudyFolder { try TestFolders.copyStudy(TestSupport.fixtures + "/valid") }

    @Test func aRecordedActionIsOnDiskBeforeTheSessionCloses() throws {
        let folder = try valid()
        let session = try CodingSession(folder: folder, coder: "ben")
        try session.record("R1-2", decision(["A2"]))
        let seenByAnotherReader = try StudyReader.load(folder).study.codings["ben"]
        #expect(seenByAnotherReader?.excerpts["R1-2"] == decision(["A2"]))
        try session.close()
    }

    @Test func closingFoldsTheJournalIntoTheSnapshot() throws {
        let folder = try valid()
        let session = try CodingSession(folder: folder, coder: "ben")
        try session.record("R1-2", decision([]))
        try session.record("R2-1", decision(["A1"], finished: false))
        try session.close()
        #expect(try FileSystem.readBytes(folder.url("codings/ben.journal")).isEmpty)
        let snapshot = try TestSupport.text(folder.url("codings/ben.json"))
        #expect(snapshot.contains("\"journalSequence\": 2"))
        #expect(try StudyReader.load(folder).study.codings["ben"]?.excerpts.count == 3)
    }

    @Test func recordsWrittenInTheSnapshotAreOnDiskWithTheJournalEmptyAndEarlierActionsKept() throws {
        let folder = try valid()
        let session = try CodingSession(folder: folder, coder: "ben")
        try session.record("R1-2", decision(["A2"]))
        try session.recordInSnapshot(all: [("R2-1", decision(["A1"])), ("R1-1", nil)])
        #expect(try FileSystem.readBytes(folder.url("codings/ben.journal")).isEmpty)
        let onDisk = try #require(try StudyReader.load(folder).study.codings["ben"])
        #expect(
            onDisk.excerpts["R1-2"] == decision(["A2"]) && onDisk.excerpts["R2-1"] == decision(["A1"])
                && onDisk.excerpts["R1-1"] == nil)
        #expect(onDisk.journalSequence == 3)
        try session.close()
    }

    @Test func aNewCoderGetsAFileOnFirstUse() throws {
        let folder = try valid()
        let session = try CodingSession(folder: folder, coder: "cara")
        try session.close()
        #expect(FileSystem.exists(folder.url("codings/cara.json")))
        #expect(StudyReader.read(folder).problems == [])
    }

    @Test func undoingToNotCodedRemovesTheExcerpt() throws {
        let folder = try valid()
        let session = try CodingSession(folder: folder, coder: "asha")
        try session.record("R1-1", nil)
        try session.close()
        #expect(try StudyReader.load(folder).study.codings["asha"]?.excerpts["R1-1"] == nil)
    }

    @Test func aSecondSessionForTheSameCoderIsRefused() throws {
        let folder = try valid()
        let first = try CodingSession(folder: folder, coder: "ben")
        let error = #expect(throws: CoderLock.Held.self) { try CodingSession(folder: folder, coder: "ben") }
        #expect(error?.description.hasPrefix("codings/ben.json is held by another Thematic session (pid ") == true)
        try first.close()
        try CodingSession(folder: folder, coder: "ben").close()
    }

    @Test func aJournalLeftByACrashIsReplayedOnOpen() throws {
        let folder = try valid()
        let entry = CodingJournal.Entry(sequence: 1, excerptID: "R1-2", record: decision(["A1"]))
        try AtomicFile.write(CodingJournal.encode(entry), to: folder.url("codings/ben.journal"))
        #expect(try StudyReader.load(folder).study.codings["ben"]?.excerpts["R1-2"] == decision(["A1"]))
        let session = try CodingSession(folder: folder, coder: "ben")
        #expect(session.coding.excerpts["R1-2"] == decision(["A1"]))
        #expect(try FileSystem.readBytes(folder.url("codings/ben.journal")).isEmpty)
        try session.close()
    }

    @Test func aTornLastJournalLineIsIgnoredAndCutOff() throws {
        let folder = try valid()
        let whole = CodingJournal.encode(CodingJournal.Entry(sequence: 1, excerptID: "R1-2", record: decision(["A1"])))
        let torn = Array(
            CodingJournal.encode(CodingJournal.Entry(sequence: 2, excerptID: "R2-1", record: decision(["A2"]))).prefix(
                30))
        try AtomicFile.write(whole + torn, to: folder.url("codings/ben.journal"))
        let result = StudyReader.read(folder)
        #expect(result.errors == [])
        #expect(
            result.warnings.map(\.description) == [
                "codings/ben.journal:2:1: warning: the last line is incomplete (a write interrupted by a crash, never acknowledged); it is ignored and will be removed by the next session"
            ])
        let session = try CodingSession(folder: folder, coder: "ben")
        #expect(session.coding.excerpts["R2-1"] == nil)
        #expect(session.coding.excerpts["R1-2"] == decision(["A1"]))
        try session.close()
        #expect(StudyReader.read(folder).problems == [])
    }

    @Test func journalLinesAlreadyInTheSnapshotAreNotAppliedTwice() throws {
        let folder = try valid()
        let session = try CodingSession(folder: folder, coder: "ben")
        try session.record("R1-2", decision(["A1"]))
        try session.record("R1-2", decision(["A2"]))
        let journal = try FileSystem.readBytes(folder.url("codings/ben.journal"))
        try session.close()
        // A crash between writing the snapshot and emptying the journal leaves both.
        try AtomicFile.write(journal, to: folder.url("codings/ben.journal"))
        #expect(try StudyReader.load(folder).study.codings["ben"]?.excerpts["R1-2"] == decision(["A2"]))
    }

    @Test func aSnapshotChangedByAnotherProgramIsNotOverwritten() throws {
        let folder = try valid()
        let session = try CodingSession(folder: folder, coder: "ben")
        try session.record("R1-2", decision(["A1"]))
        var replaced = try FileSystem.readBytes(folder.url("codings/ben.json"))
        replaced.append(contentsOf: Array(" ".utf8))
        try AtomicFile.write(replaced, to: folder.url("codings/ben.json"))
        #expect(throws: CodingSession.SnapshotChanged.self) { try session.close() }
        #expect(try FileSystem.readBytes(folder.url("codings/ben.json")) == replaced)
        #expect(try !FileSystem.readBytes(folder.url("codings/ben.journal")).isEmpty)
    }

    @Test func aSnapshotChangedInOneByteOfTheSameLengthIsNotOverwritten() throws {
        let folder = try valid()
        let session = try CodingSession(folder: folder, coder: "ben")
        try session.record("R1-2", decision(["A1"]))
        var replaced = try FileSystem.readBytes(folder.url("codings/ben.json"))
        let place = replaced.lastIndex(of: UInt8(ascii: "A"))!
        replaced[place] = UInt8(ascii: "B")
        try AtomicFile.write(replaced, to: folder.url("codings/ben.json"))
        #expect(throws: CodingSession.SnapshotChanged.self) { try session.close() }
        #expect(try FileSystem.readBytes(folder.url("codings/ben.json")) == replaced)
    }

    @Test func aSnapshotThatAlreadyHoldsTheCodingIsNotReplaced() throws {
        let folder = try valid()
        let session = try CodingSession(folder: folder, coder: "ben")
        try session.record("R1-2", decision(["A1"]))
        try session.compact()
        let written = try inode(folder.url("codings/ben.json"))
        try session.compact()
        #expect(try inode(folder.url("codings/ben.json")) == written)
        try session.close()
    }

    private func inode(_ path: String) throws -> UInt {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileError(path: path, action: "stat", errno: errno) }
        return UInt(info.st_ino)
    }

    @Test func aSessionOnABrokenCodingFileIsRefusedAndTheFileKept() throws {
        let folder = try TestFolders.copyStudy(TestSupport.fixtures + "/broken/truncated-json")
        let before = try FileSystem.readBytes(folder.url("codings/asha.json"))
        #expect(throws: StudyLoadError.self) { try CodingSession(folder: folder, coder: "asha") }
        #expect(try FileSystem.readBytes(folder.url("codings/asha.json")) == before)
    }

    @Test func invalidCoderNamesAreRefused() throws {
        let folder = try valid()
        #expect(throws: StudyLoadError.self) { try CodingSession(folder: folder, coder: "Asha Smith") }
        #expect(throws: StudyLoadError.self) { try CodingSession(folder: folder, coder: "consensus") }
    }
}

@Suite struct CodingSessionBatchTests {
    @Test func aBatchIsDurableAndNumberedLikeSingleRecords() throws {
        let folder = try TestFolders.copyStudy(TestSupport.fixtures + "/valid")
        let session = try CodingSession(folder: folder, coder: "ben")
        let done = ExcerptCoding(
            finished: true, codes: ["A1": AppliedCode()], updated: "2026-11-23T10:00:00Z", codebookRevision: 2)
        try session.record(all: [("R1-2", done), ("R2-1", done), ("R1-1", nil)])
        let seen = try StudyReader.load(folder).study.codings["ben"]
        #expect(seen?.journalSequence == 3)
        #expect(seen?.excerpts == ["R1-2": done, "R2-1": done])
        try session.record("R1-1", done)
        #expect(session.coding.journalSequence == 4)
        try session.close()
    }
}
