import ArgumentParser
import Glibc
import ThematicCore

struct ExportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Time exporting theme matrices of a generated study (60,000 excerpts by default) as CSV files.",
        discussion:
            "Each figure covers combining the coders' codings under the source, counting and encoding CSV; the atomic file write (with fsync) is timed apart, and loading the study is timed by `storage`."
    )

    @Option(help: "Where to write the CSV files.") var folder = "/tmp/thematic-bench-export"
    @Option(help: "Number of excerpts (300 reviews, 150 codes, 3 coders).") var excerpts = 60_000
    @Option(help: "Repetitions; the best time is reported.") var repeats = 3

    func run() throws {
        let study = SyntheticStudy(excerpts: excerpts).make(in: StudyFolder(path: folder + "/study"))
        try FileSystem.createDirectories(folder)
        print(
            "study: \(study.corpus.reviews.count) reviews, \(study.corpus.excerptCount) excerpts, \(study.codebook.applicableCodes.count) codes, \(study.codings.count) coders"
        )
        let leaves = try CodeColumns(codebook: study.codebook)
        let categories = try CodeColumns(codebook: study.codebook, level: 1)
        let exports: [(name: String, make: (SourceCoding) throws -> Matrix)] = [
            (
                "codes by review, counts, totals",
                {
                    try ThemeMatrix.build(
                        study: study, coding: $0, columns: leaves, rows: .review, cells: .count, totals: true)
                }
            ),
            (
                "codes by year, share of reviews",
                {
                    try ThemeMatrix.build(
                        study: study, coding: $0, columns: leaves, rows: .attribute("year"), cells: .share)
                }
            ),
            (
                "categories by review, presence",
                {
                    try ThemeMatrix.build(
                        study: study, coding: $0, columns: categories, rows: .review, cells: .presence)
                }
            ),
            (
                "codes by excerpt, presence (every cell)",
                { try ThemeMatrix.build(study: study, coding: $0, columns: leaves, rows: .excerpt, cells: .presence) }
            ),
            (
                "co-occurrence by excerpt",
                { CooccurrenceMatrix.build(study: study, coding: $0, columns: leaves, by: .excerpt) }
            ),
            ("coder x code", { _ in CoderCodeMatrix.build(study: study, columns: leaves) }),
        ]
        var total = 0.0
        var totalProcessor = 0.0
        var totalWrites = 0.0
        for (index, export) in exports.enumerated() {
            var times: [Double] = []
            var processorTimes: [Double] = []
            var writes: [Double] = []
            var size = 0
            var shape = ""
            for _ in 0..<repeats {
                let processorStart = Self.processorSeconds()
                let (bytes, seconds) = try Timing.measure { () throws -> [UInt8] in
                    let matrix = try export.make(SourceCoding(study: study, source: .rule(.any)))
                    shape = "\(matrix.rows.count) x \(matrix.columns.count)"
                    return MatrixWriter.write(matrix, format: .csv)
                }
                processorTimes.append(Self.processorSeconds() - processorStart)
                let (_, writeSeconds) = try Timing.measure {
                    try AtomicFile.write(bytes, to: "\(folder)/export-\(index + 1).csv")
                }
                size = bytes.count
                times.append(seconds)
                writes.append(writeSeconds)
            }
            total += times.min()!
            totalProcessor += processorTimes.min()!
            totalWrites += writes.min()!
            print(
                "\(export.name) [\(shape), \(size / 1000) kB, rule any]: count and encode best \(Timing.format(times.min()!)) of \(repeats) (processor \(Timing.format(processorTimes.min()!))); atomic file write \(Timing.format(writes.min()!))"
            )
        }
        print(
            "all \(exports.count) matrices: count and encode \(Timing.format(total)) (processor \(Timing.format(totalProcessor))), file writes \(Timing.format(totalWrites))"
        )
    }

    /// Processor time this process has used: on a machine shared with other work it shows the cost of the export
    /// itself, where wall-clock time also counts the waits for a core.
    static func processorSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
