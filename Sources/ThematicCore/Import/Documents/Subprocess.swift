import Foundation

/// Runs a helper program to completion and collects what it printed.
public enum Subprocess {
    public struct Result: Sendable {
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

    /// Runs the program with `input` on its standard input (nothing when nil).
    public static func run(_ executable: String, _ arguments: [String], input: [UInt8]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        try process.run()
        if let inputPipe, let input {
            // Written on its own thread: the program may answer before it has read everything.
            let writer = inputPipe.fileHandleForWriting
            DispatchQueue.global().async {
                // A tool that exits without reading all its input closes the pipe; its exit status reports it.
                input.withUnsafeBytes { try? writer.write(contentsOf: $0) }
                try? writer.close()
            }
        }
        // Standard error is read on another thread, so neither pipe can fill up and stall the program.
        let errorData = ErrorBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            errorData.data = errors.fileHandleForReading.readDataToEndOfFile()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: [UInt8](data),
            standardError: String(decoding: errorData.data, as: UTF8.self))
    }

    private final class ErrorBox: @unchecked Sendable {
        var data = Data()
    }
}
