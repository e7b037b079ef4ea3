import ArgumentParser
import ThematicCore

/// One load of a study in a process that has done nothing else, as when `thematic` opens it: no generated study, no
/// earlier load and no freed memory of either in its heap. `storage` runs it once per repetition.
struct LoadBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Time one load of a study (read, parse, validate every file) in this process, as thematic opens it."
    )

    @Argument(help: "The study folder.") var directory: String

    func run() throws {
        let (loaded, seconds) = try Timing.measure { try StudyReader.load(StudyFolder(path: directory)) }
        print(
            "load (read, parse, validate every file): \(Timing.format(seconds)); \(Self.secondsLabel)\(seconds); \(loaded.study.corpus.excerptCount) excerpts"
        )
    }

    static let secondsLabel = "seconds="

    /// The seconds a `load` process printed.
    static func seconds(in output: String) -> Double? {
        guard let start = output.range(of: secondsLabel)?.upperBound else { return nil }
        return Double(output[start...].prefix { $0 != ";" })
    }
}
