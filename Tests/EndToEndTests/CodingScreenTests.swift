import Foundation
import Testing
import ThematicCore

/// The real thematic binary driven in tmux, as a coder would use it; the coding file on disk is the judge.
@Suite(.serialized) final class CodingScreen {
    let folder: StudyFolder

    init() throws {
        folder = try Checkout.demoCopy()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder.path)
        try? FileManager.default.removeItem(atPath: folder.path + "-demo")
    }

    func open(
        environment: [String: String] = ["TERM": "tmux-256color"], unset: [String] = [], columns: Int = 100,
        rows: Int = 30,
        showing first: String = "excerpt 1 of 207"
    ) throws -> TmuxSession {
        let session = try TmuxSession(
            command: [try Checkout.binary, "code", folder.path, "--coder", "tester"],
            environment: environment, unset: unset, columns: columns, rows: rows)
        let opened = try session.waitFor(first)
        #expect(opened.found, "the screen did not open:\n\(opened.screen)")
        return session
    }

    func codes(_ coding: Coding, _ excerpt: String) -> [String]? { coding.excerpts[excerpt]?.codeIDs }

    @Test func codingAFewExcerptsAndQuittingLeavesExactlyThoseDecisionsOnDisk() throws {
        let session = try open()
        #expect(try session.send("1", "Enter", "3", "Enter", "f", "f", "5", "Enter", thenWaitFor: "applied B1").found)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        let coding = try Checkout.coding(in: folder)
        #expect(coding.excerpts.count == 3)
        #expect(codes(coding, "R01-001") == ["A1", "A3"])
        #expect(coding.excerpts["R01-001"]?.finished == true)
        #expect(codes(coding, "R01-002") == [])
        #expect(coding.excerpts["R01-002"]?.finished == true)
        #expect(codes(coding, "R01-003") == ["B1"])
        #expect(coding.excerpts["R01-003"]?.finished == false)
        let journal = try Data(contentsOf: URL(fileURLWithPath: folder.url(StudyFolder.journalFile("tester"))))
        #expect(journal.isEmpty, "quitting folds the journal into the coding file")
    }

    @Test func theWholeDemoStudyCanBeCodedFromTheKeyboardAlone() throws {
        let session = try open()
        // Excerpt n gets code number (n % 44) + 1, every seventh excerpt no code at all, then f finishes it.
        let done = try session.waitForChange(showing: ["207/207 finished"], timeout: 60) { keyboard in
            for index in 0..<207 {
                if index % 7 == 0 {
                    try keyboard.send("f")
                } else {
                    try keyboard.type("\((index % 44) + 1)")
                    try keyboard.send("Enter", "f")
                }
            }
        }
        #expect(done.found, "\(done.screen)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        let coding = try Checkout.coding(in: folder)
        let (study, _) = try StudyReader.load(folder, coders: ["tester"])
        let numbered = study.codebook.applicableCodes.map(\.id)
        #expect(coding.finishedCount == 207)
        for (index, id) in study.corpus.excerptIDs.enumerated() {
            let expected = index % 7 == 0 ? [] : [numbered[index % 44]]
            #expect(codes(coding, id) == expected, "\(id)")
        }
    }

    @Test func resizingToATinyWindowAndBackKeepsTheScreenWorking() throws {
        let session = try open()
        // At each size, the status line as only the program cuts it to fit; then the top line, which tmux dropped.
        #expect(try session.resize(columns: 20, rows: 6, thenWaitFor: "test… saved · ? keys").found)
        #expect(try session.resize(columns: 3, rows: 2, thenWaitFor: "sa…").found)
        #expect(try session.resize(columns: 100, rows: 30, thenWaitFor: "┌ Excerpts (207)").found)
        #expect(try session.send("2", "Enter", thenWaitFor: "applied A2").found)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        #expect(codes(try Checkout.coding(in: folder), "R01-001") == ["A2"])
    }

    /// Resizes that arrive while the program is busy come as one signal, and the size it then reads is the size it
    /// had: the terminal has cut the frame all the same, so it must be painted again in full.
    @Test func aResizeAndBackWhileTheProgramIsBusyRepaintsTheWholeScreen() throws {
        let session = try open()
        let repainted = try session.resizeWhileStopped(
            through: [(20, 6), (3, 2), (100, 30)], thenWaitFor: ["┌ Excerpts (207)", "│  R01 1/14 Introducti"])
        #expect(repainted.found, "the screen stayed as the terminal cut it:\n\(repainted.screen)")
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func aTinyWindowShowsTheTextAndTheStatusLine() throws {
        let session = try open(columns: 40, rows: 10, showing: "saved · ? keys")
        let screen = try session.capture()
        #expect(!screen.contains("Excerpts ("))
        #expect(screen.contains("This serious case"))
        #expect(screen.contains("tester · excerpt"))
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func ctrlCInTheMiddleOfWorkLosesNothing() throws {
        let session = try open()
        #expect(try session.send("4", "Enter", "f", "7", "Enter", thenWaitFor: "applied B3").found)
        #expect(try session.send("C-c", thenWaitFor: "exit status 0").found)
        let coding = try Checkout.coding(in: folder)
        #expect(codes(coding, "R01-001") == ["A4"])
        #expect(coding.excerpts["R01-001"]?.finished == true)
        #expect(codes(coding, "R01-002") == ["B3"])
    }

    @Test func sigtermClosesTheSessionAndKeepsEverything() throws {
        let session = try open()
        #expect(try session.send("9", "Enter", thenWaitFor: "applied C1").found)
        let pid = try #require(try session.programPID())
        #expect(try session.waitForChange(showing: ["exit status 0"]) { _ in kill(pid, SIGTERM) }.found)
        #expect(codes(try Checkout.coding(in: folder), "R01-001") == ["C1"])
    }

    @Test func killDashNineLosesNothingTheScreenHadShown() throws {
        let session = try open()
        #expect(try session.send("1", "Enter", "f", "2", "Enter", "f", "6", "Enter", thenWaitFor: "applied B2").found)
        #expect(try session.killProgram(), "the program outlived kill -9")
        let coding = try Checkout.coding(in: folder)
        #expect(codes(coding, "R01-001") == ["A1"])
        #expect(codes(coding, "R01-002") == ["A2"])
        #expect(codes(coding, "R01-003") == ["B2"])
        #expect(coding.finishedCount == 2)

        let reopened = try open(showing: "excerpt 3 of 207")
        let screen = try reopened.waitFor("2/207 finished")
        #expect(screen.found, "\(screen.screen)")
        #expect(screen.screen.contains("✓ R01 1/14"))
        #expect(try reopened.send("q", thenWaitFor: "exit status 0").found)
        #expect(codes(try Checkout.coding(in: folder), "R01-003") == ["B2"])
    }

    @Test func aSecondSessionForTheSameCoderIsRefusedWithAClearMessage() throws {
        let first = try open()
        let second = try TmuxSession(command: [try Checkout.binary, "code", folder.path, "--coder", "tester"])
        let refused = try second.waitFor("exit status 1")
        #expect(refused.found)
        #expect(refused.screen.contains("held by another Thematic session"))
        #expect(try first.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func withLANGUnsetTheScreenStillDrawsBoxesAndWideText() throws {
        let session = try open(environment: ["TERM": "screen"], unset: ["LANG", "LC_ALL", "LC_CTYPE"])
        let screen = try session.capture()
        #expect(screen.contains("┌ Excerpts (207)"))
        #expect(screen.contains("—") || screen.contains("▾"))
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func worksWithTERMXtermAndNoColor() throws {
        let session = try open(environment: ["TERM": "xterm", "NO_COLOR": "1"])
        #expect(try session.send("1", "Enter", thenWaitFor: "applied A1").found)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
    }

    @Test func undoWritesTheEarlierDecisionToDisk() throws {
        let session = try open()
        #expect(try session.send("1", "Enter", "2", "Enter", "u", thenWaitFor: "undid: applied A2 to R01-001").found)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        #expect(codes(try Checkout.coding(in: folder), "R01-001") == ["A1"])
    }

    @Test func theDemoCommandCopiesTheDemoAndOpensTheScreenOnTheCopy() throws {
        let target = folder.path + "-demo"
        let session = try TmuxSession(command: [try Checkout.binary, "demo", target, "--coder", "tester"])
        #expect(try session.waitFor("excerpt 1 of 207").found)
        #expect(try session.send("f", "q", thenWaitFor: "exit status 0").found)
        let coding = try Checkout.coding(in: StudyFolder(path: target))
        #expect(coding.excerpts["R01-001"]?.finished == true)
        #expect(coding.excerpts["R01-001"]?.codes.isEmpty == true)
    }

    @Test func theNamedPersonCodesWithoutCoderAndTheStatusLineSaysWho() throws {
        // The demo study has asha's finished coding: the screen opens on her own file.
        let session = try TmuxSession(
            command: [try Checkout.binary, "code", folder.path],
            environment: ["TERM": "tmux-256color", "THEMATIC_USER": "asha"])
        let opened = try session.waitFor("asha · excerpt 1 of 207 · 207/207 finished")
        #expect(opened.found, "the screen did not open as asha:\n\(opened.screen)")
        let quit = try session.send("q", thenWaitFor: "exit status 0")
        #expect(quit.found, "\(quit.screen)")
        #expect(quit.screen.contains("asha: 207 of 207 excerpts finished"))
        #expect(!FileManager.default.fileExists(atPath: folder.url(StudyFolder.codingFile("tester"))))
    }

    @Test func withNobodyNamedTheScreenDoesNotOpenAndSaysHowToName() throws {
        let session = try TmuxSession(command: [try Checkout.binary, "code", folder.path])
        let refused = try session.waitFor("exit status 1")
        #expect(refused.found, "\(refused.screen)")
        #expect(refused.screen.contains("--coder NAME"))
    }
}
