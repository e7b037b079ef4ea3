import Foundation
import ThematicCore
import ThematicTestSupport

/// Finds the built executables and runs them, for tests that drive the real binaries.
enum Binaries {
    /// The newer of the release build (CI builds it first) and the debug build `swift test` made, so a stale
    /// build left from earlier work is never the one tested.
    static func path(_ name: String) throws -> String {
        let candidates = ["release", "debug"].map { "\(TestFolders.packageRoot)/.build/\($0)/\(name)" }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        func modified(_ path: String) -> Date {
            (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
        }
        guard let newest = candidates.max(by: { modified($0) < modified($1) }) else { throw BinaryMissing(name: name) }
        return newest
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "no built \(name) under .build/release or .build/debug: run `swift build` first" }
    }

    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs a built binary to completion and captures what it printed. It sees nobody's identity but the one
    /// `environment` gives (see `isolated`).
    static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        try run(executable: try path(name), arguments, environment: isolated(environment))
    }

    /// Runs any executable to completion, optionally in `directory` and with another environment, and captures
    /// what it printed; its standard input is /dev/null.
    static func run(
        executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil
    ) throws -> Outcome {
        let result = try Subprocess.run(executable, arguments, environment: environment, directory: directory)
        return Outcome(
            status: result.status, standardOutput: String(decoding: result.output, as: UTF8.self),
            standardError: result.standardError)
    }

    /// Variables that name who is working (`thematic whoami`), so a test never picks up the machine's:
    /// THEMATIC_USER unset, an empty config folder, and no global or system git config (git's user.name). The
    /// coding screen's memory goes to a scratch state folder too, never into the real home (each test's study has a
    /// path of its own, so its memory is its own).
    static let identityVariables: [String: String] = [
        "XDG_CONFIG_HOME": emptyConfigFolder, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
        "XDG_STATE_HOME": stateFolder,
    ]

    private static let emptyConfigFolder: String = TestFolders.scratch()
    static let stateFolder: String = TestFolders.scratch()

    /// This process's environment without any identity, then `extra`.
    static func isolated(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["THEMATIC_USER"] = nil
        environment.merge(identityVariables) { _, isolated in isolated }
        environment.merge(extra) { _, given in given }
        return environment
    }
}
