/// The `git` program, as the team tests drive it to set up repositories and clones.
enum Git {
    struct Failed: Error, CustomStringConvertible {
        var arguments: [String]
        var message: String
        var description: String { "git \(arguments.joined(separator: " ")) failed: \(message)" }
    }

    /// Runs git in `directory` with `settings` (`-c` pairs such as "user.name=…"); returns what it printed.
    @discardableResult
    static func run(_ directory: String, _ arguments: [String], settings: [String] = []) throws -> String {
        let options = (settings + ["init.defaultBranch=main"]).flatMap { ["-c", $0] }
        let outcome = try Binaries.run(executable: "/usr/bin/git", options + arguments, in: directory)
        guard outcome.status == 0 else {
            throw Failed(arguments: arguments, message: outcome.standardError + outcome.standardOutput)
        }
        return outcome.standardOutput
    }
}
