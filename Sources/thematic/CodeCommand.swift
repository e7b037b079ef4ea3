import ArgumentParser
import ThematicApp
import ThematicCore

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Open the coding screen on a study as one coder.",
        discussion:
            "Creates the coder's file on first use. Coding is blind: only this coder's own codings are read. Every action is on disk before the next key is handled. The screen opens where you left it (the excerpt, the list filter, the focused pane, the folded categories and the undo history), remembered outside the study in $XDG_STATE_HOME/thematic/sessions (~/.local/state/thematic/sessions). Press ? in the screen for the keys."
    )

    @Argument(help: "The study folder.")
    var study: String

    @Option(help: "Your coder name (lower-case letters, digits, '-' or '_'); default: who you are (`thematic whoami`).")
    var coder: String?

    @Option(help: "Open at this excerpt (an id such as R03-001) instead of where you left off.")
    var at: String?

    func run() throws {
        try openCodingScreen(
            study: study, coder: try person(given: coder, option: "--coder", purpose: "say who is coding"), at: at)
    }
}

/// Loads the study without any coder's file (the session then reads only `coder`'s own: blind coding), takes the
/// coder's lock, and runs the screen until the coder quits: at `excerptID` when given (an unknown one is refused),
/// else where the coder's last session left it.
func openCodingScreen(study path: String, coder: String, at excerptID: String? = nil) throws {
    let folder = StudyFolder(path: path)
    let study = try openStudy(path, coders: [])
    try checkExcerpt(excerptID, in: study, at: path)
    let store = SessionMemoryStore(studyPath: path, coder: coder, environment: currentEnvironment())
    var memory: SessionMemory?
    var note: String?
    if let store {
        do {
            memory = try store.load()
        } catch {
            note = "where you were last time is not restored: \(store.path) is \(error)"
        }
    } else {
        note = "where you are is not remembered: neither XDG_STATE_HOME nor HOME is set"
    }
    let session: CodingSession
    do {
        session = try CodingSession(folder: folder, coder: coder, codebook: study.codebook, corpus: study.corpus)
    } catch {
        throw CommandFailure("\(error)")
    }
    let app: CodingScreenDriver
    do {
        app = try withScreenTerminal { terminal in
            let app = CodingScreenDriver(
                study: study, session: session, terminal: terminal, resuming: memory, at: excerptID, note: note,
                memoryStore: store)
            app.run()
            return app
        }
    } catch {
        // The screen's own failure is the one to report; every record is already durable in the journal.
        try? session.close()
        throw error
    }
    do {
        try session.close()
    } catch {
        throw CommandFailure(
            "every action is safe in the journal, but folding it into the coding file failed: \(error)")
    }
    let state = app.state
    do {
        try store?.save(state.memory)
    } catch {
        printError("note: the next session cannot open where you left off: \(error)")
    }
    print(
        "\(coder): \(state.finishedCount) of \(state.entries.count) excerpts finished; saved in \(path)/\(StudyFolder.codingFile(coder))"
    )
}

/// Refuses an `--at` excerpt the study does not have, before anything is opened or written.
func checkExcerpt(_ excerptID: String?, in study: Study, at path: String) throws {
    guard let excerptID, study.corpus.excerpt(excerptID) == nil else { return }
    let ids = study.corpus.excerptIDs
    let range = ids.isEmpty ? "it has no excerpts" : "its excerpts run from \(ids.first!) to \(ids.last!)"
    throw CommandFailure("--at: there is no excerpt \"\(excerptID)\" in \(path) (\(range))")
}
