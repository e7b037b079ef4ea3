import ArgumentParser
import ThematicCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every file of a study and report every problem found.",
        discussion: "Exit status 0 only when there is no error (warnings are reported but do not fail). Nothing is written."
    )

    @Argument(help: "The study folder.")
    var study: String

    func run() throws {
        let result = StudyReader.read(StudyFolder(path: study))
        for problem in result.problems {
            printError(problem.description(inStudy: study))
        }
        let errors = result.errors.count
        let warnings = result.warnings.count
        if errors > 0 {
            printError("\(study): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        if let found = result.study {
            let codings = found.codings.values.reduce(0) { $0 + $1.excerpts.count }
            print("\(study): OK: \(found.corpus.reviews.count) reviews, \(found.corpus.excerptCount) excerpts, \(found.codebook.codes.count) codes (revision \(found.codebook.revision)), \(found.codings.count) coders, \(codings) coded excerpt records, \(found.consensus.excerpts.count) consensus decisions\(warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s")" : "")")
        }
    }
}
