import ArgumentParser
import Foundation
import ThematicCore

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Commit your own work on a study kept in git, take the team's work and share yours.",
        discussion: """
            Commits your coding file and journal (and the codebook, consensus, identifiers.json or assignments.json \
            when you made their changes), then `git pull --rebase` and `git push`. Refuses, naming them, when files \
            that are someone else's were changed here. When the pull meets a conflict it is undone: your commit is \
            kept and the repository is as before the pull.
            """
    )

    @Argument(help: "The study folder (inside a git repository).")
    var study: String

    @Option(
        name: .customLong("as"),
        help: "Who you are in the study (default: THEMATIC_USER, else the name `thematic whoami --set` stored).")
    var named: String?

    func run() throws {
        let name = try person(given: named, option: "--as", purpose: "say who you are")
        guard Identifier.isValidCoderName(name) else {
            throw CommandFailure("\"\(name)\" is not a valid name (\(Identifier.coderNameRule))")
        }
        let outcome: StudySync.Outcome
        do {
            outcome = try StudySync(folder: StudyFolder(path: study), person: name).run()
        } catch let error as SyncError {
            throw CommandFailure(error.description)
        }
        print(outcome.committed.map { "committed: \($0)" } ?? "nothing of yours to commit")
        print(
            outcome.incoming.isEmpty
                ? "nothing new from the team" : "from the team: " + outcome.incoming.joined(separator: "; "))
        if !outcome.leftAlone.isEmpty {
            print(
                "left alone (not study files, or empty journals of others): "
                    + outcome.leftAlone.joined(separator: ", "))
        }
        if outcome.problemsAfterPull > 0 {
            printError(
                "the study has \(outcome.problemsAfterPull) error(s) after the pull: run `thematic check \(study)`")
        }
        print("pushed")
    }
}
