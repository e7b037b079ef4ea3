import Foundation
import ThematicCore
import ThematicTestSupport

/// A program running in a detached tmux session on a private tmux server: type keys, read the pane, resize it.
/// The program runs under `sh` so that when it exits the pane stays readable and says `exit status N`.
///
/// Keys reach the program only inside a wait that captured the pane before them (`send(_:thenWaitFor:)`,
/// `type(_:thenWaitFor:)`, `resize(columns:rows:thenWaitFor:)`, `waitForChange(showing:after:)`), and that wait
/// refuses texts the pane already shows: under load the program may not have read the keys yet, so a wait that the
/// screen as it was could satisfy would let the test read the old screen.
final class TmuxSession {
    private let name: String
    private static let server = "thematic-e2e-\(getpid())"
    /// Whether keys or a resize have been sent: from then on only a wait begun before them proves anything.
    private var inputSent = false

    init(
        command: [String], environment: [String: String] = ["TERM": "tmux-256color"], unset: [String] = [],
        columns: Int = 100, rows: Int = 30
    ) throws {
        name = "t\(UUID().uuidString.prefix(8))"
        // Nobody's identity leaks in from the machine: only what `environment` names.
        let unset = unset + (environment["THEMATIC_USER"] == nil ? ["THEMATIC_USER"] : [])
        let environment = Binaries.identityVariables.merging(environment) { _, given in given }
        let env =
            (unset.flatMap { ["-u", $0] } + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
            .map(TmuxSession.quote).joined(separator: " ")
        let program = command.map(TmuxSession.quote).joined(separator: " ")
        let script = "env \(env) \(program); echo \"exit status $?\"; sleep 600"
        // The first command starts the tmux server, which would hold a captured stdout open for ever. A server
        // exits when its last session closes: a test starting its session just then reaches a server on its way
        // out and is refused, so a refused start is tried again on the next server.
        let start =
            TmuxSession.serverArguments + [
                "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", script,
            ]
        var status = try TmuxSession.run("/usr/bin/tmux", start, capturing: false).status
        for _ in 0..<20 where status != 0 {
            usleep(100_000)
            status = try TmuxSession.run("/usr/bin/tmux", start, capturing: false).status
        }
        guard status == 0 else { throw TmuxFailure(arguments: start, status: status) }
    }

    /// The session may be gone already (its server exited): nothing is left to close then.
    deinit { _ = try? TmuxSession.tmux(["kill-session", "-t", name]) }

    /// The pane's text; with `escapes`, the colours and attributes too, as terminal escape sequences.
    func capture(escapes: Bool = false) throws -> String {
        try TmuxSession.tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", name])
    }

    /// Waits until the pane shows every text given and has held still for a moment; returns the pane as last
    /// seen and whether the texts appeared. Only for what the program shows by itself before any key (its first
    /// screen, or its output and exit when it reads no keys): once keys have been sent this throws `UnsafeWait`.
    @discardableResult
    func waitFor(_ text: String, _ more: String..., timeout: Double = 10) throws -> (found: Bool, screen: String) {
        try waitFor([text] + more, timeout: timeout)
    }

    @discardableResult
    func waitFor(_ texts: [String], timeout: Double = 10) throws -> (found: Bool, screen: String) {
        if inputSent { throw UnsafeWait(texts: texts, screen: try capture(), reason: "keys were sent before it began") }
        return try waitUntilSettled(showing: texts, timeout: timeout)
    }

    /// Sends keys in tmux notation ("Enter", "C-c", "Tab", or a key such as "f"), then waits for what only they can
    /// produce: every text given, on a pane that has held still, so a frame half drawn is never the one read. The
    /// texts should be what the last key produces, so no key is still unread when the wait ends.
    @discardableResult
    func send(_ keys: String..., thenWaitFor text: String, _ more: String..., timeout: Double = 10) throws -> (
        found: Bool, screen: String
    ) {
        try send(keys, thenWaitFor: [text] + more, timeout: timeout)
    }

    @discardableResult
    func send(_ keys: [String], thenWaitFor texts: [String], timeout: Double = 10) throws -> (
        found: Bool, screen: String
    ) {
        try waitForChange(showing: texts, timeout: timeout) { try $0.send(keys) }
    }

    /// Types text exactly as given, each character a key, then waits as `send(_:thenWaitFor:)` does.
    @discardableResult
    func type(_ text: String, thenWaitFor awaited: String, _ more: String..., timeout: Double = 10) throws -> (
        found: Bool, screen: String
    ) {
        try waitForChange(showing: [awaited] + more, timeout: timeout) { try $0.type(text) }
    }

    /// Types text exactly as given and presses Enter (answering a prompt), then waits as `send(_:thenWaitFor:)` does.
    @discardableResult
    func enter(_ text: String, thenWaitFor awaited: String, _ more: String..., timeout: Double = 10) throws -> (
        found: Bool, screen: String
    ) {
        try waitForChange(showing: [awaited] + more, timeout: timeout) { keyboard in
            try keyboard.type(text)
            try keyboard.send("Enter")
        }
    }

    /// Resizes the window, then waits as `send(_:thenWaitFor:)` does: for the program's redraw at the new size. The
    /// texts must be ones only that redraw brings: tmux keeps what the program drew beyond a narrowed edge and shows
    /// it again when the window widens, but it drops the lines cut off at the top.
    @discardableResult
    func resize(columns: Int, rows: Int, thenWaitFor text: String, _ more: String..., timeout: Double = 10) throws -> (
        found: Bool, screen: String
    ) {
        try waitForChange(showing: [text] + more, timeout: timeout) { _ in
            try self.resizeTerminal(columns: columns, rows: rows)
        }
    }

    /// Stops the program, resizes the window through `sizes` (each one reaching the program's terminal, whose
    /// resize signal waits for the program), then lets the program go on and waits as `send(_:thenWaitFor:)` does,
    /// from the pane as tmux left it: nothing on it can be the program's doing, since it was stopped throughout.
    @discardableResult
    func resizeWhileStopped(
        through sizes: [(columns: Int, rows: Int)], thenWaitFor texts: [String], timeout: Double = 10
    ) throws -> (found: Bool, screen: String) {
        guard let pid = try programPID() else { throw ProgramNotRunning() }
        kill(pid, SIGSTOP)
        for size in sizes { try resizeTerminal(columns: size.columns, rows: size.rows) }
        return try waitForChange(showing: texts, timeout: timeout) { _ in kill(pid, SIGCONT) }
    }

    /// Captures the pane, does `action` (keys sent through the keyboard in one or more calls, a signal), then waits
    /// until the pane shows every one of `texts` and holds still. At least one text must be missing from the capture
    /// before the action, or the screen as it was would satisfy the wait: that throws `UnsafeWait` without acting.
    @discardableResult
    func waitForChange(showing texts: [String], timeout: Double = 10, after action: (Keyboard) throws -> Void) throws
        -> (found: Bool, screen: String)
    {
        let before = try capture()
        if texts.allSatisfy(before.contains) {
            throw UnsafeWait(texts: texts, screen: before, reason: "already on the pane before the keys")
        }
        inputSent = true
        try action(Keyboard(session: self))
        return try waitUntilSettled(showing: texts, timeout: timeout)
    }

    struct ProgramNotRunning: Error {}

    /// The program's keyboard, lent only to the action of `waitForChange(showing:after:)`, so that no key is sent
    /// without a wait that began before it.
    struct Keyboard {
        fileprivate let session: TmuxSession

        /// Sends keys in tmux notation ("Enter", "C-c", "Tab", or a key such as "f").
        func send(_ keys: String...) throws { try send(keys) }

        func send(_ keys: [String]) throws { try TmuxSession.tmux(["send-keys", "-t", session.name] + keys) }

        /// Sends text exactly as typed, each character a key.
        func type(_ text: String) throws { try TmuxSession.tmux(["send-keys", "-t", session.name, "-l", text]) }
    }

    /// A wait that could be satisfied without the keys that were meant to satisfy it.
    struct UnsafeWait: Error, CustomStringConvertible {
        var texts: [String]
        var screen: String
        var reason: String

        var description: String {
            "waiting for \(texts.map { "\"\($0)\"" }.joined(separator: ", ")) proves nothing: \(reason):\n\(screen)"
        }
    }

    /// Polls the pane until it shows every one of `texts` and two captures in a row are the same (the program has
    /// finished drawing: ncurses writes a frame in several writes, and tmux may be read between them).
    private func waitUntilSettled(showing texts: [String], timeout: Double) throws -> (found: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        var previous: String?
        repeat {
            screen = try capture()
            if texts.allSatisfy(screen.contains) {
                if screen == previous { return (true, screen) }
                previous = screen
            } else {
                previous = nil
            }
            usleep(50_000)
        } while Date() < deadline
        return (texts.allSatisfy(screen.contains), screen)
    }

    /// Resizes the window and waits until the program's terminal has the new size (tmux passes a size on to the
    /// terminal a moment later, and only then does the program get its signal); not for the program's redraw.
    private func resizeTerminal(columns: Int, rows: Int) throws {
        inputSent = true
        try TmuxSession.tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
        let terminal = try TmuxSession.tmux(["display-message", "-p", "-t", name, "#{pane_tty}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let deadline = Date().addingTimeInterval(10)
        repeat {
            if let size = TmuxSession.size(of: terminal), size == (columns, rows) { return }
            usleep(20_000)
        } while Date() < deadline
        throw ResizeNotApplied(columns: columns, rows: rows)
    }

    struct ResizeNotApplied: Error { var columns: Int, rows: Int }

    /// The size of a terminal device, as the program on it reads it; nil when it cannot be read.
    private static func size(of terminal: String) -> (columns: Int, rows: Int)? {
        let device = open(terminal, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard device >= 0 else { return nil }
        defer { close(device) }
        var size = winsize()
        guard ioctl(device, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// The pid of the program (the child of the pane's shell).
    func programPID() throws -> Int32? {
        let shell = try TmuxSession.tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let children = try TmuxSession.run("/usr/bin/pgrep", ["-P", shell]).output
        return children.split(separator: "\n").first.flatMap { Int32($0) }
    }

    /// Kills the program with SIGKILL and waits up to 5 s for it to be gone; whether it is.
    func killProgram() throws -> Bool {
        guard let pid = try programPID() else { throw ProgramNotRunning() }
        kill(pid, SIGKILL)
        var waited = 0
        while kill(pid, 0) == 0 && waited < 100 {
            usleep(50_000)
            waited += 1
        }
        return kill(pid, 0) != 0
    }

    private static var serverArguments: [String] { ["-L", server, "-f", "/dev/null"] }

    /// Runs a tmux command on the private server; a refusal throws, so a lost session is never read as an empty
    /// pane.
    @discardableResult
    private static func tmux(_ arguments: [String]) throws -> String {
        let arguments = serverArguments + arguments
        let (output, status) = try run("/usr/bin/tmux", arguments)
        guard status == 0 else { throw TmuxFailure(arguments: arguments, status: status) }
        return output
    }

    struct TmuxFailure: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32

        var description: String { "tmux \(arguments.joined(separator: " ")) exited with status \(status)" }
    }

    /// Runs a program and returns what it printed and its exit status; without `capturing`, what it prints is
    /// dropped (the command that starts the tmux server, which would hold a captured output open for ever).
    static func run(_ executable: String, _ arguments: [String], capturing: Bool = true) throws -> (
        output: String, status: Int32
    ) {
        let result = try Subprocess.run(executable, arguments, capturing: capturing)
        return (String(decoding: result.output, as: UTF8.self), result.status)
    }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The thematic binary built from this checkout, and private copies of the demo study.
enum Checkout {
    /// The newer of the release binary (CI builds it first) and the debug one.
    static var binary: String {
        get throws { try Binaries.path("thematic") }
    }

    /// A fresh copy of the demo study in a temporary folder.
    static func demoCopy() throws -> StudyFolder {
        let (demo, _) = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy))
        var copy = demo
        copy.folder = StudyFolder(path: NSTemporaryDirectory() + "thematic-e2e-" + UUID().uuidString)
        _ = try StudyWriter.save(copy)
        return copy.folder
    }

    /// What the coder's files on disk say, snapshot and journal together, as the next session would see it.
    static func coding(in folder: StudyFolder, coder: String = "tester") throws -> Coding {
        let (study, _) = try StudyReader.load(folder, coders: [coder])
        return study.codings[coder] ?? Coding(coder: coder)
    }
}
