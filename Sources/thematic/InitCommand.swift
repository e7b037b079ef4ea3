import ArgumentParser
import ThematicCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty study folder.",
        discussion: "Writes study.json, codebook.json, an empty corpus/ and codings/, consensus.json and a .gitignore."
    )

    @Argument(help: "The folder to create (must not exist, or be empty).")
    var directory: String

    @Option(help: "The study's title.")
    var title: String

    @Option(help: "A codebook file to start from (for example Codebooks/lipp-a3-grid.json).")
    var codebook: String?

    func run() throws {
        var book: Codebook?
        if let codebook {
            do {
                book = try StudyCreator.readCodebook(codebook)
            } catch {
                throw CommandFailure(error.description)
            }
        }
        do {
            let study = try StudyCreator.create(at: StudyFolder(path: directory), title: title, codebook: book)
            print(
                "Created study \"\(study.manifest.title)\" in \(directory) with codebook \"\(study.codebook.title)\" (\(study.codebook.codes.count) codes)."
            )
            print("Next: add reviews to \(directory)/corpus/, then `thematic code \(directory) --coder NAME`.")
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
