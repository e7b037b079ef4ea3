import CanonicalJSON
import Foundation
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A coder's snapshot is read by the fast scan when it can be; what the study reports must not depend on which
/// reading ran: the same coding, the same problems at the same places, the journal replayed on top.
@Suite struct CodingReaderTests {
    private func validStudy() throws -> StudyFolder { try TestSupport.validStudy() }

    /// Replaces `text` in a coder's snapshot with `replacement`, failing the test if it is not there.
    private func edit(_ folder: StudyFolder, _ coder: String, _ text: String, _ replacement: String) throws {
        let path = folder.url(StudyFolder.codingFile(coder))
        let before = try TestSupport.text(path)
        #expect(before.contains(text))
        try AtomicFile.write(Array(before.replacingOccurrences(of: text, with: replacement).utf8), to: path)
    }

    private func load(_ folder: StudyFolder, _ coder: String) throws -> (CodingReader.Loaded?, [StudyProblem]) {
        let study = try StudyReader.load(folder, coders: []).study
        let context = ReferenceContext(codebook: study.codebook, corpus: study.corpus)
        var problems: [StudyProblem] = []
        let loaded = CodingReader.load(folder, coder: coder, context: context, problems: &problems)
        return (loaded, problems)
    }

    @Test func aSnapshotIsReadAsTheGeneralReadingReadsItAndItsBytesAreKept() throws {
        let folder = try validStudy()
        let bytes = try FileSystem.readBytes(folder.url("codings/asha.json"))
        #expect(CodingSnapshotScan.read(bytes) != nil)
        var found = FileProblems()
        let general = try CodingFormat.decode(JSONParser.parse(bytes), problems: &found)
        let (loaded, problems) = try load(folder, "asha")
        #expect(problems == [])
        #expect(loaded?.coding == general)
        #expect(loaded?.snapshotBytes == bytes)
    }

    @Test func anUnknownCodeInAPlainSnapshotIsReportedAtTheCode() throws {
        let folder = try validStudy()
        try edit(folder, "asha", "\"A2\": {\n          \"memo\"", "\"Z9\": {\n          \"memo\"")
        #expect(
            StudyReader.read(folder).problems.map(\.description) == [
                "codings/asha.json:28:15: excerpts[\"R2-1\"].codes[\"Z9\"]: unknown code \"Z9\": not in codebook.json"
            ])
    }

    @Test func aWarningInAPlainSnapshotIsReportedAtItsRecord() throws {
        let folder = try validStudy()
        try edit(
            folder, "asha", "\"R1-2\": {\n      \"codebookRevision\": 2", "\"R1-2\": {\n      \"codebookRevision\": 3")
        let result = StudyReader.read(folder)
        #expect(result.errors == [])
        #expect(
            result.warnings.map(\.description) == [
                "codings/asha.json:19:13: warning: excerpts[\"R1-2\"].codebookRevision: coded against codebook revision 3, but codebook.json is at revision 2 (an older codebook came in?)"
            ])
        #expect(result.study?.codings["asha"]?.excerpts["R1-2"]?.codebookRevision == 3)
    }

    @Test func anUnknownFieldIsReportedWhereItStands() throws {
        let folder = try validStudy()
        try edit(folder, "ben", "\"finished\": true,", "\"finished\": true,\n      \"colour\": \"red\",")
        #expect(
            StudyReader.read(folder).problems.map(\.description) == [
                "codings/ben.json:11:17: excerpts[\"R1-1\"].colour: unknown field \"colour\"; expected one of: codebookRevision, codes, finished, memo, updated"
            ])
    }

    @Test func aRecordTheJournalReplacesIsCheckedAsTheJournalHasIt() throws {
        let folder = try validStudy()
        try edit(folder, "asha", "\"A2\": {\n          \"memo\"", "\"Z9\": {\n          \"memo\"")
        let replacement = ExcerptCoding(
            finished: true, codes: ["A1": AppliedCode()], updated: "2026-11-05T10:00:00Z", codebookRevision: 2)
        let entry = CodingJournal.Entry(sequence: 1, excerptID: "R2-1", record: replacement)
        try AtomicFile.write(CodingJournal.encode(entry), to: folder.url("codings/asha.journal"))
        let (loaded, problems) = try load(folder, "asha")
        #expect(problems == [])
        #expect(loaded?.coding.excerpts["R2-1"] == replacement)
        #expect(loaded?.coding.journalSequence == 1)
        #expect(loaded?.coding.excerpts.count == 3)
    }

    /// A journal left behind by a kill after the snapshot was written names a record the snapshot already holds: the
    /// snapshot's record is the one that counts, and it is checked.
    @Test func aRecordTheJournalNoLongerReplacesIsCheckedAsTheSnapshotHasIt() throws {
        let folder = try validStudy()
        try edit(
            folder, "asha", "\"R2-1\": {\n      \"codebookRevision\": 2", "\"R2-1\": {\n      \"codebookRevision\": 3")
        try edit(folder, "asha", "\"journalSequence\": 0", "\"journalSequence\": 1")
        let replacement = ExcerptCoding(
            finished: true, codes: ["A1": AppliedCode()], updated: "2026-11-05T10:00:00Z", codebookRevision: 2)
        let entry = CodingJournal.Entry(sequence: 1, excerptID: "R2-1", record: replacement)
        try AtomicFile.write(CodingJournal.encode(entry), to: folder.url("codings/asha.journal"))
        let result = StudyReader.read(folder)
        #expect(
            result.problems.map(\.description) == [
                "codings/asha.json:25:13: warning: excerpts[\"R2-1\"].codebookRevision: coded against codebook revision 3, but codebook.json is at revision 2 (an older codebook came in?)"
            ])
        #expect(result.study?.codings["asha"]?.excerpts["R2-1"]?.codebookRevision == 3)
    }
}
