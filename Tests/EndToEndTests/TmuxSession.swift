import Foundation
import ThematicCore
import ThematicTestSupport

/// A program running in a detached tmux session on a private tmux server: type keys, read the pane, resize it.
/// The program runs under `sh` so that when it exits the pane stays readable and says `exit status N`.
final class TmuxSession {
    let name: String
    private static let server = "thematic-e2e-\(getpid())"

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
        // The first command starts the tmux server, which would hold a captured stdout open for ever.
        try TmuxSession.run(
            "/usr/bin/tmux",
            TmuxSession.serverArguments + [
                "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", script,
            ], capturing: false)
    }

    deinit { _ = try? TmuxSession.tmux(["kill-session", "-t", name]) }

    /// Sends keys in tmux notation ("Enter", "C-c", "Tab", or text such as "f").
    func send(_ keys: String...) throws {
        try send(keys)
    }

    func send(_ keys: [String]) throws {
        try TmuxSession.tmux(["send-keys", "-t", name] + keys)
    }

    /// Sends text exactly as typed, each character a key.
    func type(_ text: String) throws {
        try TmuxSession.tmux(["send-keys", "-t", name, "-l", text])
    }

    func capture() throws -> String {
        try TmuxSession.tmux(["capture-pane", "-p", "-t", name])
    }

    func resize(columns: Int, rows: Int) throws {
        try TmuxSession.tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Waits until the pane shows every text given and has held still for a moment; returns the pane as last
    /// seen and whether the texts appeared. For the program's first screen or its exit; after keys, use
    /// `send(_:thenWaitFor:)` or `type(_:thenWaitFor:)`, which cannot be fooled by text that was already there.
    @discardableResult
    func waitFor(_ text: String, _ more: String..., timeout: Double = 10) throws -> (found: Bool, screen: String) {
        try waitUntilSettled(showing: [text] + more, timeout: timeout)
    }

    @discardableResult
    func waitFor(_ texts: [String], timeout: Double = 10) throws -> (found: Bool, screen: String) {
        try waitUntilSettled(showing: texts, timeout: timeout)
    }

    /// Sends keys (as `send`), then waits for what only they can produce: every text given, on a pane that has
    /// held still, so a frame half drawn is never the one read. If the pane already shows every text before the
    /// keys, the wait would prove nothing about them: that is a mistake in the test, thrown at once, not a race.
    @discardableResult
    func send(_ keys: String..., thenWaitFor text: String, _ more: String..., timeout: Double = 10) throws -> (
        found: Bool, screen: String
    ) {
        try waitForChange(showing: [text] + more, timeout: timeout) { try self.send(keys) }
    }

    /// Types text (as `type`), then waits as `send(_:thenWaitFor:)` does.
    @discardableResult
    func type(_ text: String, thenWaitFor awaited: String, _ more: String..., timeout: Double = 10) throws -> (
        found: Bool, screen: String
    ) {
        try waitForChange(showing: [awaited] + more, timeout: timeout) { try self.type(text) }
    }

    /// Resizes the window, then waits as `send(_:thenWaitFor:)` does: for the program's redraw at the new size.
    @discardableResult
    func resize(columns: Int, rows: Int, thenWaitFor text: String, _ more: String..., timeout: Double = 10) throws -> (
        found: Bool, screen: String
    ) {
        try waitForChange(showing: [text] + more, timeout: timeout) { try self.resize(columns: columns, rows: rows) }
    }

    /// Captures the pane, does `action` (keys sent in one or more calls, a resize, a signal), then waits until the
    /// pane shows every one of `texts` and holds still. At least one text must be missing from the capture before
    /// the action, or the screen as it was would satisfy the wait: that throws `UnsafeWait` without acting.
    @discardableResult
    func waitForChange(showing texts: [String], timeout: Double = 10, after action: () throws -> Void) throws -> (
        found: Bool, screen: String
    ) {
        let before = try capture()
        try UnsafeWait.check(texts, before)
        try action()
        return try waitUntilSettled(showing: texts, timeout: timeout)
    }

    /// Waits as `send(_:thenWaitFor:)` does, from `before`, a capture taken before keys sent in many calls.
    @discardableResult
    func waitForChange(from before: String, showing texts: [String], timeout: Double = 10) throws -> (
        found: Bool, screen: String
    ) {
        try UnsafeWait.check(texts, before)
        return try waitUntilSettled(showing: texts, timeout: timeout)
    }

    /// A wait that the pane satisfied before the keys that were meant to satisfy it.
    struct UnsafeWait: Error, CustomStringConvertible {
        var texts: [String]
        var screen: String

        static func check(_ texts: [String], _ before: String) throws {
            if texts.allSatisfy(before.contains) { throw UnsafeWait(texts: texts, screen: before) }
        }

        var description: String {
            "waiting for \(texts.map { "\"\($0)\"" }.joined(separator: ", ")) proves nothing: already on the pane before the keys:\n\(screen)"
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

    /// The pid of the program (the child of the pane's shell).
    func programPID() throws -> Int32? {
        let shell = try TmuxSession.tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let children = try TmuxSession.run("/usr/bin/pgrep", ["-P", shell])
        return children.split(separator: "\n").first.flatMap { Int32($0) }
    }

    private static var serverArguments: [String] { ["-L", server, "-f", "/dev/null"] }

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        try run("/usr/bin/tmux", serverArguments + arguments)
    }

    /// Runs a program and returns what it printed. posix_spawn rather than Foundation's Process, whose wait can miss
    /// the child's exit under the test runner; the child starts with no signals blocked, as from a shell.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], capturing: Bool = true) throws -> String {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw SpawnFailure(program: executable) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if capturing {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard status == 0 else { throw SpawnFailure(program: executable) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while capturing {
            let count = read(pipe[0], &buffer, buffer.count)
            if count <= 0 { break }
            output += buffer[0..<count]
        }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    struct SpawnFailure: Error { var program: String }

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
