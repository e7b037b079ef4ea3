import Foundation
import ThematicCore

/// Finds the built executables and runs them, for tests that drive the real binaries.
enum Binaries {
    static let packageRoot: String = {
        var path = "\(#filePath)"
        for _ in 0..<3 { path = FileSystem.parent(of: path) }
        return path
    }()

    /// The newer of the release build (CI builds it first) and the debug build `swift test` made, so a stale
    /// build left from earlier work is never the one tested.
    static func path(_ name: String) throws -> String {
        let candidates = ["release", "debug"].map { "\(packageRoot)/.build/\($0)/\(name)" }
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

    /// Runs a built binary to completion and captures what it printed.
    static func run(_ name: String, _ arguments: [String]) throws -> Outcome {
        try run(executable: try path(name), arguments)
    }

    /// Runs any executable to completion, optionally in `directory` and with only the variables of `environment`,
    /// and captures what it printed.
    static func run(executable: String, _ arguments: [String], in directory: String? = nil,
                    environment: [String: String]? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A new empty folder under /tmp.
    static func scratchFolder() -> String {
        let path = NSTemporaryDirectory() + "thematic-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
