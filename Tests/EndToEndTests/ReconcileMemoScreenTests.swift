import Foundation
import Testing
import ThematicCore

/// The real reconcile screen in tmux shows a coder's memo on the excerpt under review, labelled with the coder.
@Suite(.serialized) final class ReconcileMemoScreen {
    let folder: StudyFolder

    init() throws {
        folder = try Checkout.demoCopy()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder.path)
    }

    @Test func theExcerptUnderReviewShowsACodersMemoBelowTheCodes() throws {
        // The screen opens on the first excerpt still to decide; ben writes a memo on it through his session.
        let study = try StudyReader.load(folder).study
        let excerptID = try #require(try Reconciliation(study: study).resumePoint?.excerpt.id)
        var decision = try #require(study.codings["ben"]?.excerpts[excerptID])
        decision.memo = "ben's memo for the lead"
        let writer = try CodingSession(folder: folder, coder: "ben")
        try writer.record(excerptID, decision)
        try writer.close()

        let session = try TmuxSession(
            command: [try Checkout.binary, "reconcile", "screen", folder.path, "--lead", "lena"], rows: 60)
        let shown = try session.waitFor("┌ \(excerptID) ·", "── Memos", "ben on the excerpt", "ben's memo for the lead")
        #expect(shown.found, "the memo is not on screen:\n\(shown.screen)")
        let lines = shown.screen.split(separator: "\n")
        let memos = try #require(lines.firstIndex { $0.contains("── Memos") })
        #expect(lines.firstIndex { $0.contains("── Coders") }.map { $0 < memos } == true)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }
}
