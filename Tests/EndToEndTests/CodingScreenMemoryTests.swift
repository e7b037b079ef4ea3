import Foundation
import Testing
import ThematicCore

/// The real coding screen in tmux remembers where the coder was, and never loses a memo being typed; the files on
/// disk are the judge.
@Suite(.serialized) final class CodingScreenMemory {
    let folder: StudyFolder

    init() throws {
        folder = try Checkout.demoCopy()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder.path)
        try? FileManager.default.removeItem(atPath: memoryFile)
    }

    /// Where the tests' scratch state folder keeps the tester's memory of this study.
    var memoryFile: String {
        SessionMemoryStore(
            studyPath: folder.path, coder: "tester", environment: ["XDG_STATE_HOME": Binaries.stateFolder]
        )!.path
    }

    func open(_ extra: [String] = [], showing first: String...) throws -> TmuxSession {
        let session = try TmuxSession(command: [try Checkout.binary, "code", folder.path, "--coder", "tester"] + extra)
        let opened = try session.waitFor(first)
        #expect(opened.found, "the screen did not open as expected:\n\(opened.screen)")
        return session
    }

    // MARK: The screen remembers

    @Test func reopeningReturnsToTheExcerptTheListFilterTheFoldsAndTheUndoHistory() throws {
        let first = try open(showing: "excerpt 1 of 207")
        #expect(try first.send("1", "Enter", thenWaitFor: "applied A1").found)
        #expect(try first.send("}", "}", "r", thenWaitFor: "listing 14 excerpts: review R03").found)
        #expect(try first.send("j", "j", thenWaitFor: "excerpt 3 of 14").found)
        // Applying A1 put the tree cursor on it: the first h goes up to its category, the second folds it.
        #expect(try first.send("Tab", "Tab", "h", "h", thenWaitFor: "▸ A Communication").found)
        #expect(try first.send("q", thenWaitFor: "exit status 0").found)

        let again = try open(showing: "excerpt 3 of 14", "▸ A Communication")
        #expect(try again.send("j", thenWaitFor: "│B Early help").found, "the codes pane has the keys again")
        #expect(try again.send("u", thenWaitFor: "undid: applied A1 to R01-001").found, "the undo history came back")
        #expect(try again.send("q", thenWaitFor: "exit status 0").found)
        #expect(try Checkout.coding(in: folder).excerpts["R01-001"] == nil)
        #expect(FileSystem.permissions(of: memoryFile) == 0o600)
        #expect(!(try FileSystem.list(folder.path).contains { $0.contains("session") }), "nothing in the study")
    }

    @Test func atOpensTheScreenAtTheExcerptGiven() throws {
        let session = try open(["--at", "R06-003"], showing: "excerpt 74 of 207")
        #expect(try session.send("f", thenWaitFor: "finished R06-003").found)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        #expect(try Checkout.coding(in: folder).excerpts["R06-003"]?.finished == true)
    }

    @Test func anUnknownExcerptIsRefusedWithAClearMessage() throws {
        let session = try TmuxSession(
            command: [try Checkout.binary, "code", folder.path, "--coder", "tester", "--at", "R99-001"], columns: 200)
        let refused = try session.waitFor("exit status 1")
        #expect(refused.found, "\(refused.screen)")
        #expect(refused.screen.contains("--at: there is no excerpt \"R99-001\""))
        #expect(refused.screen.contains("its excerpts run from R01-001 to R14-016)"))
    }

    @Test func aCorruptMemoryOpensTheFirstUnfinishedExcerptAndSaysWhy() throws {
        try FileSystem.createDirectories(FileSystem.parent(of: memoryFile))
        try AtomicFile.write(Array("{\"version\": 1, \"excer".utf8), to: memoryFile)
        // The note comes first on the status line, so the place is read from the text's frame: R01-001.
        let session = try open(showing: "where you were last time is not restored", "· 1 of 14 ·")
        #expect(try session.send("n", thenWaitFor: "excerpt 2 of 207").found)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        let again = try open(showing: "excerpt 2 of 207")
        #expect(!(try again.capture()).contains("not restored"), "the next close wrote a good memory")
        #expect(try again.send("q", thenWaitFor: "exit status 0").found)
    }

    // MARK: Memos are never lost

    @Test func ctrlCWithAChangedMemoAsksAndYesSavesItBeforeQuitting() throws {
        let session = try open(showing: "excerpt 1 of 207")
        #expect(try session.send("m", thenWaitFor: "Memo on R01-001").found)
        #expect(try session.type("ask the lead about the GP", thenWaitFor: "about the GP").found)
        #expect(try session.send("C-c", thenWaitFor: "Quit with the memo unsaved?").found)
        #expect(try session.send("y", thenWaitFor: "exit status 0").found)
        #expect(try Checkout.coding(in: folder).excerpts["R01-001"]?.memo == "ask the lead about the GP")
    }

    @Test func escOnAChangedMemoAsksAndKeepsEditingUntilTold() throws {
        let session = try open(showing: "excerpt 1 of 207")
        #expect(try session.send("m", thenWaitFor: "Memo on R01-001").found)
        #expect(try session.type("first thought", thenWaitFor: "first thought").found)
        #expect(try session.send("Escape", thenWaitFor: "The memo has changed. Save it?").found)
        #expect(try session.send("Escape", thenWaitFor: "Enter saves the memo").found)
        #expect(try session.type(", second", thenWaitFor: "first thought, second").found)
        #expect(try session.send("Escape", thenWaitFor: "The memo has changed. Save it?").found)
        #expect(try session.send("n", thenWaitFor: "the memo's changes are discarded").found)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        #expect(try Checkout.coding(in: folder).excerpts["R01-001"] == nil)
    }

    @Test func aLongMemoWrapsSoItsStartStaysInView() throws {
        let session = try open(showing: "excerpt 1 of 207")
        #expect(try session.send("m", thenWaitFor: "Memo on R01-001").found)
        let memo =
            "Opening words stay visible. "
            + String(repeating: "The GP knew of the violence and did not say. ", count: 6)
            + "Closing-words."
        let typed = try session.type(memo, thenWaitFor: "Closing-words.")
        #expect(typed.found)
        #expect(typed.screen.contains("│ Opening words stay visible."), "\(typed.screen)")
        #expect(try session.send("Enter", thenWaitFor: "saved the memo on").found)
        #expect(try session.send("q", thenWaitFor: "exit status 0").found)
        #expect(try Checkout.coding(in: folder).excerpts["R01-001"]?.memo == memo.trimmingCharacters(in: .whitespaces))
    }

    /// The terminal closing (SIGHUP) or a SIGTERM while a memo is typed keeps it: the next session opens it again.
    @Test func aSignalWhileTypingAMemoKeepsItForTheNextSession() throws {
        let session = try open(showing: "excerpt 1 of 207")
        #expect(try session.send("n", "m", thenWaitFor: "Memo on R01-002").found)
        #expect(try session.type("half a thought", thenWaitFor: "half a thought").found)
        let pid = try #require(try session.programPID())
        #expect(try session.waitForChange(showing: ["exit status 0"]) { _ in kill(pid, SIGHUP) }.found)

        let reopened = try open(showing: "Memo on R01-002", "half a thought", "from last time is back")
        #expect(try reopened.type(", whole", thenWaitFor: "half a thought, whole").found)
        #expect(try reopened.send("Enter", thenWaitFor: "saved the memo on").found)
        #expect(try reopened.send("q", thenWaitFor: "exit status 0").found)
        #expect(try Checkout.coding(in: folder).excerpts["R01-002"]?.memo == "half a thought, whole")
    }

    /// A kill while a memo is typed loses that unsaved text only: every file still loads, and the next session
    /// opens where the last decision left the screen.
    @Test func killDashNineWhileTypingAMemoCorruptsNothing() throws {
        let session = try open(showing: "excerpt 1 of 207")
        #expect(try session.send("2", "Enter", "f", "n", "3", "Enter", thenWaitFor: "applied A3").found)
        #expect(try session.send("m", thenWaitFor: "Memo on R01-003").found)
        #expect(try session.type("half a thought", thenWaitFor: "half a thought").found)
        #expect(try session.killProgram(), "the program outlived kill -9")

        let coding = try Checkout.coding(in: folder)
        #expect(coding.excerpts["R01-001"]?.codeIDs == ["A2"])
        #expect(coding.excerpts["R01-003"]?.codeIDs == ["A3"])
        #expect(coding.excerpts["R01-003"]?.memo == nil)
        let reopened = try open(showing: "excerpt 3 of 207", "1/207 finished")
        #expect(!(try reopened.capture()).contains("not restored"), "the memory file is whole")
        #expect(try reopened.send("u", thenWaitFor: "undid: applied A3 to R01-003").found)
        #expect(try reopened.send("q", thenWaitFor: "exit status 0").found)
        let (_, problems) = try StudyReader.load(folder, coders: ["tester"])
        #expect(problems.isEmpty, "\(problems)")
    }
}
