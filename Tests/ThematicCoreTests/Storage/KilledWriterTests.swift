import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Studies as a kill left them, kept from the soak (`thematic-bench soak`), each of which must load as the writer's
/// acknowledged work says.
@Suite struct KilledWriterTests {
    /// Seed 5318: a re-import was killed after ben's journal recorded the removal of R01-001 and before his snapshot
    /// was replaced (its temporary file is still there), and the re-run then wrote the reviews without R01-001.
    @Test func aSnapshotRecordTheJournalRemovesIsNotCheckedAgainstTheCorpus() throws {
        let folder = StudyFolder(path: TestSupport.fixtures + "/killed/reimport-before-fold")
        let result = StudyReader.read(folder)
        #expect(result.problems == [])
        let study = try #require(result.study)
        #expect(study.corpus.excerpt("R01-001") == nil)
        #expect(study.codings["ben"]?.excerpts["R01-001"] == nil)
        #expect(study.codings["ben"]?.excerpts.isEmpty == false)
    }
}
