import Foundation
import Testing
import ThematicCore

/// The real thematic binary's reconcile screen driven in tmux by a lead, on a copy of the demo study (asha, ben and
/// cara; lena's consensus on 38 of the 85 disagreements); consensus.json on disk is the judge.
@Suite(.serialized) final class ReconcileScreen {
    let folder: StudyFolder

    init() throws {
        folder = try Checkout.demoCopy()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder.path)
    }

    func open(lead: String = "lena") throws -> TmuxSession {
        let session = try TmuxSession(command: [
            try Checkout.binary, "reconcile", "screen", folder.path, "--lead", lead,
        ])
        let opened = try session.waitFor("of 85 decided")
        #expect(opened.found, "the screen did not open:\n\(opened.screen)")
        return session
    }

    /// The queue as the core sees the study on disk now.
    func queue() throws -> Reconciliation {
        try Reconciliation(study: try StudyReader.load(folder).study)
    }

    /// What only the reconcile screen shows while `excerptID` is the current excerpt: its box and the status line
    /// (the agreement table's list of disagreements has a box titled alike, so the box alone proves nothing).
    func showing(_ excerptID: String, decided: Int? = nil) -> [String] {
        ["┌ \(excerptID) ·", "\(decided.map(String.init) ?? "") of 85 decided, 0 stale · \(excerptID) ("]
    }

    /// Says whether a wait found what it waited for (or records what the screen showed instead).
    func expectFound(_ wait: (found: Bool, screen: String), _ what: String) -> Bool {
        #expect(wait.found, "expected \(what) on screen:\n\(wait.screen)")
        return wait.found
    }

    /// Does `action` (keys), then waits until the screen shows `excerptID` as the current excerpt.
    func waitUntilShowing(
        _ excerptID: String, decided: Int? = nil, in session: TmuxSession,
        after action: (TmuxSession.Keyboard) throws -> Void
    ) throws -> Bool {
        expectFound(try session.waitForChange(showing: showing(excerptID, decided: decided), after: action), excerptID)
    }

    func consensusJSON() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.url(StudyFolder.consensusFile)))
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["excerpts"] as? [String: [String: Any]]
            ?? [:]
    }

    /// Issue 20, problem 6: with asha and ben assigned the whole study, the screen compares them only, not cara,
    /// who coded 44 excerpts to try the codebook; the queue is theirs (76), with no column saying "cara not finished".
    @Test func withAssignmentsTheScreenComparesOnlyTheAssignedCoders() throws {
        for coder in ["asha", "ben"] {
            let assigned = try Binaries.run(
                "thematic", ["assign", folder.path, "--coder", coder, "--all", "--by", "lena"])
            #expect(assigned.status == 0, "\(assigned.standardError)")
        }
        let session = try TmuxSession(command: [
            try Checkout.binary, "reconcile", "screen", folder.path, "--lead", "lena",
        ])
        let opened = try session.waitFor("of 76 decided")
        #expect(opened.found, "the queue is asha's and ben's:\n\(opened.screen)")
        #expect(!opened.screen.contains("cara"), "\(opened.screen)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func aLeadReconcilesEveryRemainingDisagreementFromTheKeyboard() throws {
        let before = try queue()
        let earlier = try StudyReader.load(folder).study.consensus
        let toDecide = before.items.filter { $0.state != .decided }
        #expect(toDecide.count == 47)
        #expect(before.coders == ["asha", "ben", "cara"])
        var expected: [String: (basis: String, codes: Set<String>)] = [:]
        let session = try open()
        guard expectFound(try session.waitFor(showing(toDecide[0].excerpt.id, decided: 38)), toDecide[0].excerpt.id)
        else { return }
        for (index, item) in toDecide.enumerated() {
            let union = item.codings.reduce(into: Set<String>()) { $0.formUnion($1.codes) }
            let decision: [String]
            switch index % 4 {
            case 0:
                let coding = item.codings[(index / 4) % item.codings.count]
                decision = ["\(before.coders.firstIndex(of: coding.coder)! + 1)"]
                expected[item.excerpt.id] = ("coder", Set(coding.codes))
            case 1:
                decision = ["u"]
                expected[item.excerpt.id] = ("union", union)
            case 2:
                decision = ["i"]
                expected[item.excerpt.id] = ("intersection", Set(item.agreedCodes))
            default:
                // Choose the codes: the union without the first disputed code, found by typing its id.
                let dropped = item.disputedCodes[0]
                #expect(try session.type("e" + dropped, thenWaitFor: "Filter: \(dropped)").found)
                decision = ["Space", "Enter"]
                expected[item.excerpt.id] = ("edited", union.subtracting([dropped]))
            }
            let note = try session.send(decision, thenWaitFor: ["Note on \(item.excerpt.id)"])
            guard expectFound(note, "the note prompt for \(item.excerpt.id)") else { break }
            let text = "meeting note \(index + 1)"
            // Each decision moves the count on by one: a state only this Enter can produce.
            if index + 1 < toDecide.count {
                let next = toDecide[index + 1].excerpt.id
                guard
                    try waitUntilShowing(
                        next, decided: 38 + index + 1, in: session,
                        after: { keyboard in
                            try keyboard.type(text)
                            try keyboard.send("Enter")
                        })
                else { break }
            } else {
                let done = try session.enter(text, thenWaitFor: "85 of 85 decided, 0 stale")
                #expect(done.found, "\(done.screen)")
                #expect(done.screen.contains("nothing left to decide"))
            }
        }
        let quit = try session.send("q", thenWaitFor: "exit status 0")
        #expect(quit.found, "\(quit.screen)")
        #expect(quit.screen.contains("85 excerpts to reconcile (asha, ben, cara): 85 decided, 0 stale, 0 to decide"))

        let consensus = try consensusJSON()
        #expect(consensus.count == 38 + 47)
        for (index, item) in toDecide.enumerated() {
            let decision = try #require(consensus[item.excerpt.id], "\(item.excerpt.id)")
            let want = try #require(expected[item.excerpt.id])
            #expect(decision["decision"] as? String == want.basis, "\(item.excerpt.id)")
            #expect(
                Set((decision["codes"] as? [String: Any])?.keys.map { $0 } ?? []) == want.codes, "\(item.excerpt.id)")
            #expect(decision["lead"] as? String == "lena")
            #expect(decision["note"] as? String == "meeting note \(index + 1)")
            #expect((decision["at"] as? String)?.hasSuffix("Z") == true)
            #expect(decision["comparedCoders"] as? [String] == item.codings.map(\.coder))
            #expect(
                decision["coderCodes"] as? [String: [String]]
                    == Dictionary(uniqueKeysWithValues: item.codings.map { ($0.coder, $0.coding.codeIDs) }))
            if want.basis == "coder" {
                #expect(decision["acceptedCoder"] as? String != nil)
            }
        }
        let after = try StudyReader.load(folder).study.consensus
        for (excerptID, decision) in earlier.excerpts {
            #expect(after.excerpts[excerptID] == decision, "lena's earlier decision on \(excerptID) is untouched")
        }
        let check = try Binaries.run("thematic", ["check", folder.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        let summary = try Binaries.run("thematic", ["reconcile", folder.path])
        #expect(
            summary.standardOutput
                == "85 excerpts to reconcile (asha, ben, cara): 85 decided, 0 stale, 0 to decide\nNothing left to decide.\n"
        )
    }

    @Test func fromTheAgreementTableALeadReconcilesACodesDisagreement() throws {
        let study = try StudyReader.load(folder).study
        let coders = ["asha", "ben", "cara"]
        let firstDisagreement = study.corpus.excerptIDs.first { excerpt in
            let finished = coders.compactMap { study.codings[$0]?.excerpts[excerpt] }.filter(\.finished)
            let applied = finished.filter { $0.codes["A1"] != nil }.count
            return applied > 0 && applied < finished.count
        }
        let excerpt = try #require(firstDisagreement)
        let session = try open()
        #expect(try session.type("A", thenWaitFor: "Agreement · ", "sorted by code, ascending · code 1 of 44").found)
        #expect(
            try session.send(
                "Enter", thenWaitFor: "excerpts where asha, ben, cara disagree on A1 ", "A1 · excerpt 1 of "
            ).found)
        // The list of A1's disagreements already shows a box titled with the excerpt: wait for the reconcile screen.
        guard try waitUntilShowing(excerpt, in: session, after: { try $0.send("Enter") }) else { return }
        // A decision already made is replaced only when the lead says so.
        let confirm = study.consensus.excerpts[excerpt] != nil ? ["y"] : []
        #expect(try session.send(["u"] + confirm + ["Enter"], thenWaitFor: ["\(excerpt) recorded"]).found)
        #expect(try session.type("q", thenWaitFor: "exit status 0").found)
        #expect(try consensusJSON()[excerpt]?["decision"] as? String == "union")
    }

    @Test func quittingHalfWayAndReopeningResumesAtTheNextExcerptStillToDecide() throws {
        let toDecide = try queue().items.filter { $0.state != .decided }
        let session = try open()
        guard expectFound(try session.waitFor(showing(toDecide[0].excerpt.id, decided: 38)), toDecide[0].excerpt.id)
        else { return }
        for index in 0..<3 {
            guard
                try waitUntilShowing(
                    toDecide[index + 1].excerpt.id, decided: 38 + index + 1, in: session,
                    after: { try $0.send("u", "Enter") })
            else { return }
        }
        let quit = try session.send("q", thenWaitFor: "exit status 0")
        #expect(quit.screen.contains("41 decided, 0 stale, 44 to decide"), "\(quit.screen)")

        let reopened = try open()
        #expect(expectFound(try reopened.waitFor(showing(toDecide[3].excerpt.id, decided: 41)), toDecide[3].excerpt.id))
        #expect(try reopened.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func aSecondLeadIsRefusedWhileOneHasTheScreenOpen() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.url(StudyFolder.consensusFile)))
        let session = try open()
        let second = try Binaries.run("thematic", ["reconcile", "screen", folder.path, "--lead", "omar"])
        #expect(second.status == 1)
        #expect(
            second.standardError.contains("consensus.json is held by another Thematic session (pid "),
            "\(second.standardError)")
        let decision = try Binaries.run(
            "thematic", ["reconcile", "decide", folder.path, "R02-003", "--lead", "omar", "--union"])
        #expect(decision.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.url(StudyFolder.consensusFile))) == before)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        let afterwards = try Binaries.run(
            "thematic", ["reconcile", "decide", folder.path, "R02-003", "--lead", "omar", "--union"])
        #expect(afterwards.status == 0, "the lock goes with the screen: \(afterwards.standardError)")
    }

    @Test func aTinyWindowAndBackKeepsTheScreenWorking() throws {
        let session = try open()
        // At each size, the status line as only the program cuts it to fit.
        #expect(try session.resize(columns: 20, rows: 6, thenWaitFor: "38 of 85 dec… ? keys").found)
        #expect(try session.resize(columns: 3, rows: 2, thenWaitFor: "? …").found)
        // tmux keeps the status line through the shrink and shows it again as it grows: only the program's redraw
        // brings back the top line.
        #expect(try session.resize(columns: 100, rows: 30, thenWaitFor: "┌ Queue (85)", "38 of 85 decided").found)
        #expect(try session.send("C-c", thenWaitFor: "exit status 0").found)
    }

    @Test func eachCodeOfThreeCodersSideBySideTakesOneLineAndTheHighlightedCodeShowsItsWholeName() throws {
        let session = try TmuxSession(command: [
            try Checkout.binary, "reconcile", "screen", folder.path, "--lead", "lena",
        ])
        // R02-003: every coder applied B3; cara also C2, "Referring agencies and CSC disagree about whether ...".
        let opened = try session.waitFor("38 of 85 decided, 0 stale · R02-003 (4 of 85)")
        #expect(opened.found, "the screen did not open:\n\(opened.screen)")
        #expect(opened.screen.contains("* C2 Referring agenci… │"), "cut to one line:\n\(opened.screen)")
        #expect(opened.screen.contains("B3 A CAF is not use… │"), "\(opened.screen)")
        #expect(opened.screen.contains("└──────────── ▼ 58 more ┘"), "the queue marks what is below:\n\(opened.screen)")
        let highlighted = try session.send("Tab", "Tab", thenWaitFor: "highlighting C2's spans")
        #expect(highlighted.found, "\(highlighted.screen)")
        #expect(!highlighted.screen.contains("C2 Referring agenci…"), "\(highlighted.screen)")
        #expect(
            highlighted.screen.contains("│   this is not resolved │"),
            "wrapped in cara's column:\n\(highlighted.screen)")
        let down = try session.send("PageDown", thenWaitFor: "▲ 17 more: PgUp")
        #expect(down.found, "the text scrolled off the top is marked:\n\(down.screen)")
        #expect(try session.send("C-c", thenWaitFor: "exit status 0").found)
    }
}
