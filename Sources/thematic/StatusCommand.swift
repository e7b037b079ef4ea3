import ArgumentParser
import ThematicCore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each coder's progress and the consensus progress."
    )

    @Argument(help: "The study folder.")
    var study: String

    func run() throws {
        let loaded = try openStudy(study)
        print(StudyStatus(study: loaded).text, terminator: "")
    }
}
