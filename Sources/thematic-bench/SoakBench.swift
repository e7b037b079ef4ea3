import Foundation

/// What every soak trial shares: the executables, the template study, a scratch folder, and how long each writer
/// runs when nobody kills it (measured once, on a copy of its own, so kills can be spread over that time).
final class SoakBench {
    let thematic: String
    /// This executable, which runs the crash writer.
    let bench: String
    let soak: SoakStudy
    let scratch: String
    private var durations: [String: Double] = [:]

    /// The coder whose file the crash writers write: one of the demo's coders, so there is a snapshot to replace.
    static let coder = "asha"

    init(thematic: String, bench: String, scratch: String) throws {
        self.thematic = thematic
        self.bench = bench
        self.scratch = scratch
        soak = try SoakStudy.make(in: scratch, thematic: thematic)
    }

    /// A fresh copy of the study for `name`.
    func freshStudy(_ name: String) throws -> String {
        let path = "\(scratch)/\(name)"
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try soak.copy(to: path)
        return path
    }

    /// Runs `thematic` with `arguments` to completion; its exit status (nil when killed) and output.
    func thematic(_ arguments: [String]) throws -> (status: Int32?, output: [UInt8]) {
        try SoakProcess.run(thematic, arguments)
    }

    /// The crash writer's arguments: `actions` random codings as the soak's coder.
    func coderArguments(_ path: String, actions: Int, compactEvery: Int, seed: UInt64) -> [String] {
        [
            "crash-writer", path, "--coder", Self.coder, "--actions", "\(actions)", "--compact-every",
            "\(compactEvery)", "--seed", "\(seed)",
        ]
    }

    /// Seconds `name` takes alone: `measured` is given a fresh study, prepares it and returns the command to time.
    func duration(of name: String, _ measured: (String) throws -> (String, [String])) throws -> Double {
        if let known = durations[name] { return known }
        let path = try freshStudy("measure-\(name)")
        let (executable, arguments) = try measured(path)
        let child = try SoakProcess(executable, arguments)
        child.wait()
        durations[name] = child.seconds
        try FileManager.default.removeItem(atPath: path)
        return child.seconds
    }
}
