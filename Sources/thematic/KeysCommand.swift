import ArgumentParser
import ThematicApp

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print a screen's keys as Markdown (the README's key lists are this output)."
    )

    @Option(help: "The screen: \(ScreenKeys.markdown.map(\.screen).joined(separator: ", ")).")
    var screen = "coding"

    func run() throws {
        guard let table = ScreenKeys.markdown.first(where: { $0.screen == screen }) else {
            throw CommandFailure(
                "no screen \"\(screen)\"; expected one of \(ScreenKeys.markdown.map(\.screen).joined(separator: ", "))")
        }
        print(table.markdown, terminator: "")
    }
}
