import Glibc
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

/// Loads a study for a command, printing warnings and turning errors into a clear failure.
/// `coders` limits which coders' files are read (nil: all).
func openStudy(_ path: String, coders: Set<String>? = nil) throws -> Study {
    do {
        let (study, warnings) = try StudyReader.load(StudyFolder(path: path), coders: coders)
        for warning in warnings { printError(warning.description(inStudy: path)) }
        return study
    } catch {
        for problem in error.problems { printError(problem.description(inStudy: path)) }
        throw CommandFailure("\(path): the study has \(error.problems.count) error\(error.problems.count == 1 ? "" : "s"); run `thematic check \(path)` after fixing them")
    }
}

func printError(_ message: String) {
    var standardError = StandardError()
    print(message, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
