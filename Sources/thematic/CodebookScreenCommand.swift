import ArgumentParser
import NcursesTerminal
import ThematicApp
import ThematicCore

extension CodebookCommand {
    /// `thematic codebook screen STUDY [--by NAME]`: the codebook screen.
    struct EditingScreen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "screen",
            abstract:
                "Open the codebook screen: the tree, each code's definition, usage and history, and every change from the keyboard.",
            discussion: """
                Every change goes through the same checks as the other codebook commands, asks why, and is saved at once \
                (a new revision with a history entry). --by is who makes the changes (default: who you are, `thematic whoami`): a coder is refused unless the study \
                allows coders to edit. The screen holds no coder's lock while it waits; a merge or split is refused while a \
                coder has the study open. Press ? in the screen for the keys.
                """
        )

        @Argument(help: "The study folder.")
        var study: String

        @Option(help: "Who makes the changes (a lead's name; kept in the history); default: who you are.")
        var by: String?

        func run() throws {
            let by = try person(given: by, option: "--by", purpose: "say who makes the changes")
            let loaded: Study
            do {
                loaded = try CodebookEffects.load(StudyFolder(path: study), editor: by)
            } catch {
                throw CommandFailure(error, onStudy: study)
            }
            let app = try withScreenTerminal { terminal in
                let app = CodebookScreenDriver(study: loaded, editor: by, terminal: terminal)
                app.run()
                return app
            }
            let changes = app.effects.changesApplied
            print(
                "\(by): \(changes) change\(changes == 1 ? "" : "s") to the codebook; it is at revision \(app.state.codebook.revision) (see `thematic codebook history \(study)`)"
            )
        }
    }
}
