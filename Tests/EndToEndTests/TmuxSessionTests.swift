import Foundation
import Testing

/// The tmux driver refuses the waits that would pass on a busy machine before the program has read its keys.
@Suite struct TmuxSessionWaits {
    /// A shell that says `ready`, then echoes the one line it reads.
    func echoOneLine() throws -> TmuxSession {
        let session = try TmuxSession(command: ["sh", "-c", "echo ready; read line; echo \"read: $line\""])
        #expect(try session.waitFor("ready").found)
        return session
    }

    @Test func waitingAfterKeysForTextAlreadyOnThePaneIsRefusedAndSendsNothing() throws {
        let session = try echoOneLine()
        #expect(throws: TmuxSession.UnsafeWait.self) { try session.enter("late", thenWaitFor: "ready") }
        let read = try session.enter("first", thenWaitFor: "read: first")
        #expect(read.found, "\(read.screen)")
        #expect(!read.screen.contains("late"))
    }

    @Test func waitingWithoutKeysOnceKeysWereSentIsRefused() throws {
        let session = try echoOneLine()
        #expect(try session.enter("one", thenWaitFor: "exit status 0").found)
        #expect(throws: TmuxSession.UnsafeWait.self) { try session.waitFor("exit status 0") }
    }
}
