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

    @Flag(help: "Let your group read the study's files (0640, folders 0750); by default only you can (0600, 0700).")
    var shareWithGroup = false

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
            let study = try StudyCreator.create(
                at: StudyFolder(path: directory), title: title, codebook: book, shareWithGroup: shareWithGroup)
            print(
                "Created study \"\(study.manifest.title)\" in \(directory) with codebook \"\(study.codebook.title)\" (\(study.codebook.codes.count) codes)."
            )
            print("Next: add reviews to \(directory)/corpus/, then `thematic code \(directory) --coder NAME`.")
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
