import CanonicalJSON
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A codebook edit that rewrites consensus decisions never loses one a lead records at the same moment.
@Suite struct CodebookEditorLockingTests {
    @Test func aMergeWaitsWhileALeadHasAReconciliationSessionOpen() throws {
        let folder = try TestSupport.validStudy()
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        defer { session.close() }
        #expect {
            try CodebookEditor(folder: folder).apply(.merge("A2", into: "A1"), by: "lena")
        } throws: { error in
            "\(error)".hasPrefix("a reconciliation session has consensus.json open (pid ")
                && "\(error)".hasSuffix(
                    "merging A2 into A1 changes the lead's decisions, so it waits until the lead closes that session. Nothing was changed."
                )
        }
        let study = try TestSupport.load(folder)
        #expect(study.codebook.code("A2")?.status == .active)
        #expect(study.codings["ben"]?.excerpts["R1-1"]?.codeIDs.contains("A2") == true)
    }

    @Test func retiringACodeWaitsWhileALeadHasAReconciliationSessionOpen() throws {
        let folder = try TestSupport.validStudy()
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        defer { session.close() }
        #expect(throws: StudyLocks.Refusal.self) {
            try CodebookEditor(folder: folder).apply(.retire("A2"), by: "lena")
        }
        #expect(try TestSupport.load(folder).codebook.code("A2")?.status == .active)
    }

    @Test func aDecisionWrittenWhileAMergeRewritesCodingsIsKeptAndTheMergeFinishesWhenRunAgain() throws {
        let folder = try TestSupport.validStudy()
        let decided = ConsensusHook(folder: folder, note: "decided while the merge ran")
        #expect(throws: FileSnapshot.Changed(file: StudyFolder.consensusFile)) {
            try CodebookEditor(folder: folder).apply(.merge("A2", into: "A1"), by: "lena", progress: decided)
        }
        #expect(try TestSupport.load(folder).consensus.excerpts["R1-1"]?.note == "decided while the merge ran")
        try CodebookEditor(folder: folder).apply(.merge("A2", into: "A1"), by: "lena")
        let study = try TestSupport.load(folder)
        #expect(study.consensus.excerpts["R1-1"]?.note == "decided while the merge ran")
        #expect(study.consensus.excerpts["R1-1"]?.coderCodes["ben"] == ["A1"])
        #expect(study.codebook.code("A2")?.status == .merged(into: "A1"))
        #expect(TestSupport.checksClean(folder))
    }
}

/// Rewrites a consensus decision's note on disk (as a git pull would) when the merge starts writing coders' files.
private struct ConsensusHook: ProgressReporter {
    let folder: StudyFolder
    let note: String

    func report(_ phase: String, done: Int, total: Int, unit: String) {
        guard phase.hasSuffix("rewriting codings"), done == 0,
            var consensus = try? TestSupport.load(folder).consensus
        else { return }
        consensus.excerpts["R1-1"]?.note = note
        try? AtomicFile.write(
            CanonicalWriter.pretty(ConsensusFormat.encode(consensus)), to: folder.url(StudyFolder.consensusFile))
    }
}
