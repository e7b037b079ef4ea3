import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Whose each changed file is when `thematic sync --as NAME` runs, decided from the study before and after.
@Suite struct SyncOwnershipTests {
    let before: Study

    init() throws {
        before = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
    }

    private func ownership(_ paths: [String], _ person: String, after: Study, emptyFiles: Set<String> = [])
        -> SyncOwnership
    {
        SyncOwnership(
            changed: paths, person: person, changes: StudyChanges(from: before, to: after), corpus: after.corpus,
            emptyFiles: emptyFiles)
    }

    @Test func aCodersOwnFilesAreTheirsAndAnotherCodersAreNot() {
        let owned = ownership(["codings/cara.json", "codings/cara.journal", "codings/ben.json"], "cara", after: before)
        #expect(owned.mine == ["codings/cara.journal", "codings/cara.json"])
        #expect(owned.others == ["codings/ben.json"])
    }

    @Test func theConsensusIsTheLeadsWhoseDecisionsChanged() throws {
        var after = before
        let id = try #require(after.consensus.excerpts.keys.sorted().first)
        after.consensus.excerpts[id]?.note = "settled in the meeting"
        #expect(ownership(["consensus.json"], "lena", after: after).mine == ["consensus.json"])
        #expect(ownership(["consensus.json"], "asha", after: after).others == ["consensus.json"])
    }

    @Test func anAssignmentMadeWithoutByIsNobodysToSync() {
        var after = before
        after.assignments.items.append(
            Assignment(coder: "asha", method: .all, excerpts: [], by: nil, at: "2026-12-04T10:00:00Z"))
        #expect(ownership(["assignments.json"], "lena", after: after).others == ["assignments.json"])
        after.assignments.items[after.assignments.items.count - 1].by = "lena"
        #expect(ownership(["assignments.json"], "lena", after: after).mine == ["assignments.json"])
    }

    @Test func lockAndTemporaryFilesAndOthersEmptyJournalsAreLeftAlone() {
        let owned = ownership(
            ["codings/ben.lock", "codings/.ben.json.42.tmp", "codings/ben.journal"], "asha", after: before,
            emptyFiles: ["codings/ben.journal"])
        #expect(owned.mine.isEmpty && owned.others.isEmpty)
        #expect(owned.notStudyFiles == ["codings/ben.journal"])
    }

    @Test func theCommitMessageCountsNewlyFinishedExcerptsByReview() {
        var after = before
        for id in ["R01-001", "R01-002", "R01-003"] {
            after.codings["cara"]?.excerpts[id] = ExcerptCoding(
                finished: true, updated: "2026-12-04T10:00:00Z", codebookRevision: 1)
        }
        let message = SyncReport.commitMessage(
            person: "cara", files: ["codings/cara.json"], changes: StudyChanges(from: before, to: after),
            corpus: after.corpus)
        #expect(message == "cara: 3 excerpts finished in R01")
        #expect(SyncReport.incoming(StudyChanges(from: before, to: after)) == ["cara finished 3 excerpts"])
    }
}
