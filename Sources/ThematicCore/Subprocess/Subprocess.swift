import Foundation
import Glibc

/// Runs a helper program (`pdftotext`, `git`, `tar`) to completion and collects what it printed.
///
/// Started with posix_spawn and waited for with waitpid rather than through Foundation's `Process`, whose wait on
/// Linux polls its run loop in 50 ms steps: every program run took at least 50 ms, a PDF import one such wait per file.
public enum Subprocess {
    public struct Result: Sendable {
        /// The exit status; for a program killed by a signal, the signal's number (as Foundation's `Process` gave it).
        public var status: Int32
        public var output: [UInt8]
        public var standardError: String
    }

    /// The program's path on `PATH` (or the usual system folders when `PATH` is unset), if it is installed.
    static func find(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs the program with `input` on its standard input (/dev/null when nil), in `directory` (this process's when
    /// nil), with `environment` as its whole environment (this process's when nil). Without `capturing`, its output
    /// and errors go to /dev/null: for a program that leaves a daemon behind holding them open (tmux starting its
    /// server), whose end would otherwise never be seen. A program that cannot be started throws, naming it and why.
    public static func run(
        _ executable: String, _ arguments: [String], input: [UInt8]? = nil, environment: [String: String]? = nil,
        directory: String? = nil, capturing: Bool = true
    ) throws(FileError) -> Result {
        let child = try SpawnedProgram(
            executable, arguments, takesInput: input != nil, capturing: capturing, environment: environment,
            directory: directory)
        let printed: (output: [UInt8], errors: [UInt8])
        do {
            printed = try child.exchange(input ?? [])
        } catch {
            // Our ends of the pipes are closed by now, so the program sees the end of its input or dies writing.
            _ = try? child.waitForExit()
            throw error
        }
        return Result(
            status: try child.waitForExit(), output: printed.output,
            standardError: String(decoding: printed.errors, as: UTF8.self))
    }
}
