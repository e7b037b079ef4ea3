import Glibc
import NcursesTerminal

/// Takes the terminal for a screen, runs `body` on it and gives the terminal back; `hint` follows the error when
/// there is no terminal to take.
func withScreenTerminal<Result>(hint: String = "", _ body: (NcursesTerminal) throws -> Result) throws -> Result {
    unblockTerminationSignals()
    let terminal: NcursesTerminal
    do {
        terminal = try NcursesTerminal.open(environment: currentEnvironment())
    } catch {
        throw CommandFailure("\(error)\(hint)")
    }
    defer { terminal.stop() }
    return try body(terminal)
}

/// A process can start with signals blocked (it inherits its parent's mask: some launchers and test runners block
/// them); the screen must still hear SIGTERM, SIGHUP and SIGINT to save and restore the terminal.
func unblockTerminationSignals() {
    var signals = sigset_t()
    sigemptyset(&signals)
    for signal in [SIGTERM, SIGHUP, SIGINT] { sigaddset(&signals, signal) }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
}

/// The process environment as a dictionary, for the terminal (TERM, NO_COLOR, LANG).
func currentEnvironment() -> [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
        let text = String(cString: entry)
        if let equals = text.firstIndex(of: "=") {
            result[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        pointer += 1
    }
    return result
}
