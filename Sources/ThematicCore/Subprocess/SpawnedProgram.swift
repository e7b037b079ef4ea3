import CSpawn
import Glibc

/// A program started with posix_spawn, and this process's ends of the pipes to its standard streams.
///
/// Every pipe is made close-on-exec, so a program another thread starts meanwhile (PDFs are imported on every core)
/// never holds one of its ends open, which would keep this program from seeing the end of its input, or us from
/// seeing the end of its output. The program starts with no signal blocked and every signal at its default action,
/// as from a shell, whatever this process blocks or ignores.
public struct SpawnedProgram: Sendable {
    let executable: String
    public let pid: pid_t
    /// The write end of the program's standard input, non-blocking; nil when it reads /dev/null.
    let input: Int32?
    /// The read ends of its standard output and error; nil when they go to /dev/null.
    let output: Int32?
    let errors: Int32?

    public init(
        _ executable: String, _ arguments: [String], takesInput: Bool = false, capturing: Bool = true,
        environment: [String: String]? = nil, directory: String? = nil
    ) throws(FileError) {
        self.executable = executable
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipes = SpawnPipes()
        // The program has its own copies of its ends once started; ours go too if it never starts.
        defer { pipes.closeChildEnds() }
        var started = false
        defer { if !started { pipes.closeOurEnds() } }
        func failure(_ code: Int32) -> FileError {
            FileError(path: executable, action: directory.map { "run it in \($0)" } ?? "run it", errno: code)
        }

        if takesInput {
            guard let ours = pipes.make(childEnd: .reading) else { throw failure(errno) }
            guard fcntl(ours.ours, F_SETFL, fcntl(ours.ours, F_GETFL) | O_NONBLOCK) == 0 else { throw failure(errno) }
            posix_spawn_file_actions_adddup2(&actions, ours.child, STDIN_FILENO)
            input = ours.ours
        } else {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
            input = nil
        }
        if capturing {
            guard let out = pipes.make(childEnd: .writing), let err = pipes.make(childEnd: .writing) else {
                throw failure(errno)
            }
            posix_spawn_file_actions_adddup2(&actions, out.child, STDOUT_FILENO)
            posix_spawn_file_actions_adddup2(&actions, err.child, STDERR_FILENO)
            output = out.ours
            errors = err.ours
        } else {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
            output = nil
            errors = nil
        }
        // After the three are in place: nothing else this process has open reaches the program.
        posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1)
        if let directory { posix_spawn_file_actions_addchdir_np(&actions, directory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { variables?.forEach { free($0) } }
        var pid: pid_t = 0
        let code =
            if let variables {
                posix_spawn(&pid, executable, &actions, &attributes, argv, variables)
            } else {
                posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
            }
        guard code == 0 else { throw failure(code) }
        self.pid = pid
        started = true
    }

    /// How a program ended.
    public enum Ending: Sendable, Equatable {
        case exited(status: Int32)
        case killed(signal: Int32)
    }

    /// Waits for the program to end and reaps it: how it ended.
    public func waitForEnding() throws(FileError) -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw FileError(path: executable, action: "wait for it", errno: errno) }
        }
        let signal = status & 0x7f
        return signal == 0 ? .exited(status: (status >> 8) & 0xff) : .killed(signal: signal)
    }

    /// Waits for the program to end; its exit status, or for a program killed by a signal the signal's number.
    func waitForExit() throws(FileError) -> Int32 {
        switch try waitForEnding() {
        case .exited(let status): status
        case .killed(let signal): signal
        }
    }

    /// Waits for the program to end without reaping it: until `waitForEnding`, its pid stays its own, so a signal
    /// sent to it meanwhile can reach no other process.
    public func waitUntilEnded() {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
    }
}

/// The pipes made for one program: the ends it gets, closed here once it has started, and ours.
private struct SpawnPipes {
    enum ChildEnd { case reading, writing }
    private var childEnds: [Int32] = []
    private var ourEnds: [Int32] = []

    /// A close-on-exec pipe; nil with `errno` set when none can be made.
    mutating func make(childEnd: ChildEnd) -> (child: Int32, ours: Int32)? {
        var ends: [Int32] = [-1, -1]
        guard pipe2(&ends, O_CLOEXEC) == 0 else { return nil }
        let pair = childEnd == .reading ? (child: ends[0], ours: ends[1]) : (child: ends[1], ours: ends[0])
        childEnds.append(pair.child)
        ourEnds.append(pair.ours)
        return pair
    }

    func closeChildEnds() { childEnds.forEach { close($0) } }
    func closeOurEnds() { ourEnds.forEach { close($0) } }
}
