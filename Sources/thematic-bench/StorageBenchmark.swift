import ArgumentParser
import ThematicCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic study (seeded, deterministic) for benchmarks and scale tests."
    )

    @Argument(help: "The folder to create.") var directory: String
    @Option(help: "Number of reviews.") var reviews = 300
    @Option(help: "Number of excerpts.") var excerpts = 60_000
    @Option(help: "Number of codable codes.") var codes = 150
    @Option(help: "Number of coders.") var coders = 3
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        let study = SyntheticStudy(reviews: reviews, excerpts: excerpts, codes: codes, coders: coders, seed: seed)
            .make(in: StudyFolder(path: directory))
        try StudyWriter.save(study)
        print(
            "Wrote \(directory): \(reviews) reviews, \(excerpts) excerpts, \(codes) codes, \(coders) coders (seed \(seed))"
        )
    }
}

struct StorageBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storage",
        abstract: "Time loading and saving a generated study, and prove the round trip is byte-identical."
    )

    @Option(help: "Where to write the generated study.") var folder = "/tmp/thematic-bench-storage"
    @Option(help: "Number of excerpts (300 reviews, 150 codes, 3 coders).") var excerpts = 60_000
    @Option(help: "Repetitions; the best time is reported.") var repeats = 3

    func run() throws {
        if FileSystem.exists(folder) { try FileSystem.removeTree(folder) }
        let generated = SyntheticStudy(excerpts: excerpts).make(in: StudyFolder(path: folder))
        let (_, firstSave) = try Timing.measure { try StudyWriter.save(generated) }
        let bytes = StudyWriter.files(of: generated).reduce(0) { $0 + $1.bytes.count }
        print(
            "study: \(generated.corpus.reviews.count) reviews, \(generated.corpus.excerptCount) excerpts, \(generated.codebook.applicableCodes.count) codes, \(generated.codings.count) coders, \(bytes / 1_000_000) MB in \(StudyWriter.files(of: generated).count) files"
        )
        print("save, all files to a new folder: \(Timing.format(firstSave))")
        var loadTimes: [Double] = []
        for _ in 0..<repeats { loadTimes.append(try loadInAProcessOfItsOwn()) }
        print(
            "load (read, parse, validate every file): best \(Timing.format(loadTimes.min()!)) of \(repeats), each in a process of its own"
        )
        let (result, loadHere) = try Timing.measure { try StudyReader.load(StudyFolder(path: folder)) }
        let loaded = result.study
        print(
            "load again in this process, after generating and saving the study: \(Timing.format(loadHere))"
        )
        var encodeTimes: [Double] = []
        var saveTimes: [Double] = []
        var identical = true
        for _ in 0..<repeats {
            let (files, encodeSeconds) = Timing.measure { StudyWriter.files(of: loaded) }
            encodeTimes.append(encodeSeconds)
            for file in files where (try? FileSystem.readBytes(folder + "/" + file.path)) != file.bytes {
                identical = false
            }
            let (written, saveSeconds) = try Timing.measure { try StudyWriter.save(loaded) }
            saveTimes.append(saveSeconds)
            if !written.isEmpty { identical = false }
        }
        print(
            "encode every file: best \(Timing.format(encodeTimes.min()!)); save unchanged study (encode, compare, write nothing): best \(Timing.format(saveTimes.min()!))"
        )
        print("round trip byte-identical: \(identical ? "yes" : "NO")")
        if !identical { throw ExitCode.failure }
    }

    /// The seconds one `thematic-bench load` of the study took. A user's load runs in a fresh process; timed here,
    /// it would share a heap with the generated study and an earlier load (some 3 GB at 600,000 excerpts), a heap no
    /// user's process has.
    private func loadInAProcessOfItsOwn() throws -> Double {
        let result = try Subprocess.run(BenchPrograms.bench, ["load", folder])
        let output = String(decoding: result.output, as: UTF8.self)
        guard result.status == 0, let seconds = LoadBenchmark.seconds(in: output) else {
            throw ValidationError("thematic-bench load \(folder) failed: \(result.standardError)\(output)")
        }
        return seconds
    }
}
