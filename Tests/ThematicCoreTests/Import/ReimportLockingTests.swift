import CanonicalJSON
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A re-import that removes consensus decisions of changed excerpts never loses one a lead records meanwhile.
@Suite struct ReimportLockingTests {
    /// The demo study, and a plan that re-imports R01 without its excerpt R01-008 (which has a decision).
    private func planWithoutR01008() throws -> (Study, ImportPlan) {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        let study = try StudyReader.load(folder).study
        let review = try #require(study.corpus.review("R01"))
        let draft = review.redrafted(without: "R01-008")
        return (study, try CorpusImport.plan(study, contents: [.reviews([draft])]))
    }

    @Test func aDecisionRecordedAfterTheStudyWasReadIsKept() throws {
        let (study, plan) = try planWithoutR01008()
        var consensus = study.consensus
        let other = try #require(consensus.excerpts.keys.sorted().first { $0 != "R01-008" })
        consensus.excerpts[other]?.note = "decided after the import read the study"
        try AtomicFile.write(
            CanonicalWriter.pretty(ConsensusFormat.encode(consensus)), to: study.folder.url(StudyFolder.consensusFile))
        try CorpusImport.apply(plan, to: study, acceptChanges: true)
        let after = try StudyReader.load(study.folder).study
        #expect(after.consensus.excerpts[other]?.note == "decided after the import read the study")
        #expect(after.consensus.excerpts["R01-008"] == nil)
    }

    @Test func aReimportRemovingDecisionsWaitsWhileALeadReconciles() throws {
        let (study, plan) = try planWithoutR01008()
        let session = try ReconciliationSession(folder: study.folder, lead: "lena")
        defer { session.close() }
        #expect(throws: StudyLocks.Refusal.self) {
            try CorpusImport.apply(plan, to: study, acceptChanges: true)
        }
        #expect(try StudyReader.load(study.folder).study.corpus == study.corpus)
    }
}
