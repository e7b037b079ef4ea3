import ArgumentParser
import Glibc
import NcursesTerminal
import ThematicApp
import ThematicCore

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Open the coding screen on a study as one coder.",
        discussion: "Creates the coder's file on first use. Coding is blind: only this coder's own codings are read. Every action is on disk before the next key is handled. Press ? in the screen for the keys."
    )

    @Argument(help: "The study folder.")
    var study: String

    @Option(help: "Your coder name (lower-case letters, digits, '-' or '_'); default: who you are (`thematic whoami`).")
    var coder: String?

    func run() throws {
        try openCodingScreen(study: study, coder: try person(given: coder, option: "--coder", purpose: "say who is coding"))
    }
}

/// Loads the study without any coder's file (the session then reads only `coder`'s own: blind coding), takes the
/// coder's lock, and runs the screen until the coder quits.
func openCodingScreen(study path: String, coder: String) throws {
    let folder = StudyFolder(path: path)
    let study = try openStudy(path, coders: [])
    let session: CodingSession
    do {
        session = try CodingSession(folder: folder, coder: coder, codebook: study.codebook, corpus: study.corpus)
    } catch {
        throw CommandFailure("\(error)")
    }
    let app: CodingScreenDriver
    do {
        app = try withScreenTerminal { terminal in
            let app = CodingScreenDriver(study: study, session: session, terminal: terminal)
            app.run()
            return app
        }
    } catch {
        try? session.close()
        throw error
    }
    do {
        try session.close()
    } catch {
        throw CommandFailure("every action is safe in the journal, but folding it into the coding file failed: \(error)")
    }
    let state = app.state
    print("\(coder): \(state.finishedCount) of \(state.entries.count) excerpts finished; saved in \(path)/\(StudyFolder.codingFile(coder))")
}

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

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print a screen's keys as Markdown (the README's key lists are this output)."
    )

    @Option(help: "The screen: \(ScreenKeys.markdown.map(\.screen).joined(separator: ", ")).")
    var screen = "coding"

    func run() throws {
        guard let table = ScreenKeys.markdown.first(where: { $0.screen == screen }) else {
            throw CommandFailure("no screen \"\(screen)\"; expected one of \(ScreenKeys.markdown.map(\.screen).joined(separator: ", "))")
        }
        print(table.markdown, terminator: "")
    }
}
