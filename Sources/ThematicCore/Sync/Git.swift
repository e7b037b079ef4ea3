import Foundation

/// The `git` program, run in a study's folder: the few commands `thematic sync` needs, each waited for.
struct Git {
    let executable: String
    /// The folder git runs in (`git -C`): pathspecs are relative to it.
    let directory: String

    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
        var succeeded: Bool { status == 0 }
        /// What git said, for a message: its errors, or its output when it wrote none.
        var said: String {
            let text = errors.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? output.trimmingCharacters(in: .whitespacesAndNewlines) : text
        }
    }

    /// Git on `PATH`, or nil when it is not installed.
    init?(directory: String) {
        guard let executable = Subprocess.find("git") else { return nil }
        self.executable = executable
        self.directory = directory
    }

    func run(_ arguments: [String]) throws -> Outcome {
        let result = try Subprocess.run(executable, ["-C", directory] + arguments)
        return Outcome(
            status: result.status, output: String(decoding: result.output, as: UTF8.self), errors: result.standardError)
    }

    /// Runs a command that must succeed; a failure becomes a `SyncError.git` naming the command.
    @discardableResult
    func require(_ arguments: [String]) throws -> String {
        let outcome = try run(arguments)
        guard outcome.succeeded else {
            throw SyncError.git(command: "git " + arguments.joined(separator: " "), said: outcome.said)
        }
        return outcome.output
    }

    /// Paths under `directory` that differ from HEAD or are untracked (ignored files left out), relative to
    /// `directory`; a deleted file is listed too.
    func changedPaths(prefix: String) throws -> [String] {
        let output = try require(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", "."])
        // Porcelain paths are relative to the repository's top; each entry is "XY path".
        return output.split(separator: "\0").compactMap { entry in
            guard entry.count > 3 else { return nil }
            let path = String(entry.dropFirst(3))
            return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
        }
    }

    /// Whether a rebase stopped half way (a conflict) and is waiting.
    func rebaseInProgress() throws -> Bool {
        for name in ["rebase-merge", "rebase-apply"] {
            let path = try require(["rev-parse", "--git-path", name]).trimmingCharacters(in: .whitespacesAndNewlines)
            let absolute = path.hasPrefix("/") ? path : directory + "/" + path
            if FileManager.default.fileExists(atPath: absolute) { return true }
        }
        return false
    }
}
