import Foundation
import TerminalUI
import Testing
import ThematicCore
import ThematicTestSupport

@testable import ThematicApp

/// Decisions made from the keyboard land in consensus.json with their provenance, and only when confirmed.
@Suite struct ReconcileDecisions {
    /// The decision for R1-1 (the first disagreement, where the screen opens) after `keys`.
    func decideFirst(_ keys: [String]) throws -> ConsensusDecision? {
        let folder = try ReconcileStudy.folder()
        try ReconcileStudy.run(folder, keys: keys)
        return try ReconcileStudy.consensus(folder).excerpts["R1-1"]
    }

    @Test func acceptingACoderRecordsTheirCodesAndSpansWithTheProvenance() throws {
        let decision = try #require(try decideFirst(["1"] + .typing("asha saw the move") + ["<Enter>"]))
        #expect(decision.codes == ["A1": AppliedCode(), "A2": AppliedCode(spans: [TextSpan(start: 0, end: 25)])])
        #expect(decision.basis == .coder("asha"))
        #expect(decision.comparedCoders == ["asha", "ben"])
        #expect(decision.coderCodes == ["asha": ["A1", "A2"], "ben": ["A1"]])
        #expect(decision.lead == "lena")
        #expect(decision.at == ReconcileStudy.time)
        #expect(decision.note == "asha saw the move")
        #expect(decision.codebookRevision == 2)
    }

    @Test func acceptingTheSecondColumnTakesTheSecondCoder() throws {
        let decision = try #require(try decideFirst(["2", "<Enter>"]))
        #expect(decision.codes == ["A1": AppliedCode()])
        #expect(decision.basis == .coder("ben"))
    }

    @Test func theUnionTakesEveryCodeAnyCoderApplied() throws {
        let decision = try #require(try decideFirst(["u"] + .typing("both") + ["<Enter>"]))
        #expect(decision.codes == ["A1": AppliedCode(), "A2": AppliedCode(spans: [TextSpan(start: 0, end: 25)])])
        #expect(decision.basis == .union)
        #expect(decision.note == "both")
    }

    @Test func theIntersectionTakesTheCodesEveryCoderApplied() throws {
        let decision = try #require(try decideFirst(["i", "<Enter>"]))
        #expect(decision.codes == ["A1": AppliedCode()])
        #expect(decision.basis == .intersection)
        #expect(decision.note == nil, "an empty note is no note")
    }

    @Test func choosingTheCodesStartsFromTheUnionAndRecordsAnEditedDecision() throws {
        // Filter to A3 (the cursor lands on it), take it; go to A1 and drop it.
        let keys =
            ["e"] + .typing("A3") + ["<Space>", "<BS>", "<BS>", "<Up>", "<Up>", "<Space>", "<Enter>"]
            + .typing("own call") + ["<Enter>"]
        let decision = try #require(try decideFirst(keys))
        #expect(decision.codes == ["A2": AppliedCode(spans: [TextSpan(start: 0, end: 25)]), "A3": AppliedCode()])
        #expect(decision.basis == .edited)
        #expect(decision.note == "own call")
        #expect(decision.coderCodes == ["asha": ["A1", "A2"], "ben": ["A1"]])
    }

    @Test func escapeInTheNoteCancelsTheWholeDecision() throws {
        #expect(try decideFirst(["u"] + .typing("half a thought") + ["<Esc>"]) == nil)
        #expect(try decideFirst(["e", "<Space>", "<Esc>"]) == nil)
    }

    @Test func aDecisionIsOnDiskBeforeAnyFrameShowsItDecided() throws {
        let folder = try ReconcileStudy.folder()
        var checkedFrames = 0
        try ReconcileStudy.run(folder, keys: ["u", "<Enter>", "i", "<Enter>", "1", "<Enter>"]) { screen in
            let onDisk = (try? ReconcileStudy.consensus(folder).excerpts.keys).map(Set.init) ?? []
            let shownDecided = screen.lines.compactMap { line -> String? in
                guard let mark = line.range(of: "│✓ ") else { return nil }
                return String(line[mark.upperBound...].prefix { $0 != " " })
            }
            #expect(Set(shownDecided).isSubset(of: onDisk))
            checkedFrames += 1
        }
        #expect(checkedFrames == 7)
        #expect(try ReconcileStudy.consensus(folder).excerpts.keys.sorted() == ["R1-1", "R1-3", "R1-4"])
    }

    @Test func afterADecisionTheScreenMovesToTheNextExcerptStillToDecide() throws {
        let folder = try ReconcileStudy.folder()
        let (app, terminal) = try ReconcileStudy.run(folder, keys: ["u", "<Enter>"])
        #expect(app.state.currentItem?.excerpt.id == "R1-3", "R1-2 is agreed, so not in the queue")
        #expect(terminal.lastFrame.contains("│✓ R1-1 A2"))
        #expect(terminal.lastFrame.contains("R1-1 recorded: A1, A2; next R1-3"))
        #expect(terminal.lastFrame.contains("1 of 5 decided, 0 stale"))
    }

    @Test func replacingACurrentDecisionAsksFirst() throws {
        let folder = try ReconcileStudy.folder()
        // Decide R1-1, come back to it, ask for the intersection, say no; then ask again and say yes.
        let (app, _) = try ReconcileStudy.run(folder, keys: ["u", "<Enter>", "k", "i"])
        #expect(app.state.mode == .confirmingReplace(.intersection))
        #expect(
            ReconcileView.render(app.state).lines.last?.hasPrefix("R1-1 is already decided. Replace the decision? y/n")
                == true)
        try ReconcileStudy.run(folder, keys: ["k", "i", "n"])
        #expect(try ReconcileStudy.consensus(folder).excerpts["R1-1"]?.basis == .union, "n keeps the decision")
        try ReconcileStudy.run(folder, keys: ["k", "i", "y"] + .typing("second look") + ["<Enter>"])
        let decision = try #require(try ReconcileStudy.consensus(folder).excerpts["R1-1"])
        #expect(decision.basis == .intersection)
        #expect(decision.note == "second look")
    }

    @Test func aConsensusFileChangedByAnotherProgramIsNotOverwrittenAndTheStatusLineSaysSo() throws {
        let folder = try ReconcileStudy.folder()
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        defer { session.close() }
        let path = folder.url(StudyFolder.consensusFile)
        var bytes = try FileSystem.readBytes(path)
        bytes += Array("\n".utf8)
        try AtomicFile.write(bytes, to: path)
        let terminal = ScriptedTerminal(keys: ["u", "<Enter>"], size: Size(rows: 30, columns: 200), onDraw: { _ in })
        let app = ReconcileScreenDriver(session: session, terminal: terminal, clock: { ReconcileStudy.time })
        app.run()
        #expect(try FileSystem.readBytes(path) == bytes)
        #expect(app.state.currentItem?.state == .undecided)
        let lines = try #require(terminal.frames.last).trimmedLines
        #expect(
            lines.last?.hasPrefix("R1-1 not recorded: consensus.json was changed on disk by another program") == true)
        #expect(lines.last?.hasSuffix("NOT RECORDED · ? keys") == true)
        #expect(
            lines.contains { $0.contains("Not recorded: consensus.json was changed on disk") },
            "the whole reason is in the pane")
    }

    @Test func acceptingACoderWhoDidNotFinishTheExcerptIsRefusedWithTheReason() throws {
        var state = try ReconcileStudy.state(try ReconcileStudy.folder(ReconcileStudy.threeCoders))
        state.press("j", "j")
        #expect(state.currentItem?.excerpt.id == "R1-4")
        #expect(state.press("3").isEmpty)
        #expect(state.mode == .browsing)
        #expect(state.message == "cara did not finish R1-4; accept one of asha, ben")
        state.press("4")
        #expect(state.message == "there is no coder in column 4 (1 asha, 2 ben, 3 cara)")
    }
}
