import ArgumentParser
import ThematicApp
import ThematicCore

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Open the coding screen on a study as one coder.",
        discussion:
            "Creates the coder's file on first use. Coding is blind: only this coder's own codings are read. Every action is on disk before the next key is handled. Press ? in the screen for the keys."
    )

    @Argument(help: "The study folder.")
    var study: String

    @Option(help: "Your coder name (lower-case letters, digits, '-' or '_'); default: who you are (`thematic whoami`).")
    var coder: String?

    func run() throws {
        try openCodingScreen(
            study: study, coder: try person(given: coder, option: "--coder", purpose: "say who is coding"))
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
    print(
        "\(coder): \(state.finishedCount) of \(state.entries.count) excerpts finished; saved in \(path)/\(StudyFolder.codingFile(coder))"
    )
}
