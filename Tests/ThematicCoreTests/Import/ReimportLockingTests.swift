import CanonicalJSON
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A re-import that removes consensus decisions of changed excerpts never loses one a lead records meanwhile, and
/// never replaces a review that somebody else rewrote after the import read it.
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

    @Test func aReviewRewrittenAfterTheImportReadTheStudyIsKeptAndNothingIsWritten() throws {
        let (study, plan) = try planWithoutR01008()
        try ReviewPull(folder: study.folder, title: "Retitled by a git pull").rewriteR01()
        #expect(throws: FileSnapshot.Changed(file: StudyFolder.reviewFile("R01"))) {
            try CorpusImport.apply(plan, to: study, acceptChanges: true)
        }
        let after = try StudyReader.load(study.folder).study
        #expect(after.corpus.review("R01")?.title == "Retitled by a git pull")
        #expect(after.corpus.excerpt("R01-008") != nil)
        #expect(after.codings == study.codings)
        #expect(after.consensus == study.consensus)
    }

    @Test func aReviewRewrittenWhileTheImportRemovesCodingsIsKeptAndTheImportFinishesWhenRunAgain() throws {
        let (study, plan) = try planWithoutR01008()
        let pull = ReviewPull(folder: study.folder, title: "Retitled by a git pull")
        #expect(throws: FileSnapshot.Changed(file: StudyFolder.reviewFile("R01"))) {
            try CorpusImport.apply(plan, to: study, acceptChanges: true, progress: pull)
        }
        #expect(try StudyReader.load(study.folder).study.corpus.review("R01")?.title == "Retitled by a git pull")
        let reread = try StudyReader.load(study.folder).study
        let draft = try #require(study.corpus.review("R01")).redrafted(without: "R01-008")
        try CorpusImport.apply(
            try CorpusImport.plan(reread, contents: [.reviews([draft])]), to: reread, acceptChanges: true)
        let finished = try StudyReader.load(study.folder).study
        #expect(finished.corpus.review("R01")?.title == "Retitled by a git pull")
        #expect(finished.corpus.excerpt("R01-008") == nil)
        #expect(StudyReader.read(study.folder).errors == [])
    }
}

/// Rewrites R01's title on disk, as a git pull or a redaction would: when asked, or when the import starts removing
/// the codings of changed excerpts (after it read the study, before it writes the review).
private struct ReviewPull: ProgressReporter {
    let folder: StudyFolder
    let title: String

    func rewriteR01() throws {
        var review = try #require(try StudyReader.load(folder).study.corpus.review("R01"))
        review.title = title
        try AtomicFile.write(
            CanonicalWriter.pretty(ReviewFormat.encode(review)), to: folder.url(StudyFolder.reviewFile("R01")))
    }

    func report(_ phase: String, done: Int, total: Int, unit: String) {
        guard phase.hasSuffix("removing codings of changed excerpts"), done == 1 else { return }
        try? rewriteR01()
    }
}
