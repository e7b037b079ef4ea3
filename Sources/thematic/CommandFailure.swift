import ThematicCore

/// A failure already phrased for the user: printed to standard error, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

extension CommandFailure {
    /// The failure for `error`, which stopped a command working on the study at `path`. A study that does not load
    /// prints each problem (with its file) and fails with their count; any other error fails with its own message,
    /// after `prefix`.
    init(_ error: any Error, onStudy path: String, prefix: String = "") {
        if let failure = error as? CommandFailure {
            self = failure
            return
        }
        guard let error = error as? StudyLoadError else {
            self.init(prefix + "\(error)")
            return
        }
        for problem in error.problems { printError(problem.description(inStudy: path)) }
        let count = error.problems.count
        self.init(
            "\(path): the study has \(count) error\(count == 1 ? "" : "s"); run `thematic check \(path)` after fixing them"
        )
    }
}
