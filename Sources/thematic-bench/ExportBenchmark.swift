import ArgumentParser
import ThematicCore

struct ExportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Time exporting theme matrices of a generated study (60,000 excerpts by default) as CSV files.",
        discussion: "Each figure covers combining the coders' codings under the source, counting, writing CSV bytes and the atomic file write; loading the study is timed by `storage`."
    )

    @Option(help: "Where to write the CSV files.") var folder = "/tmp/thematic-bench-export"
    @Option(help: "Number of excerpts (300 reviews, 150 codes, 3 coders).") var excerpts = 60_000
    @Option(help: "Repetitions; the best time is reported.") var repeats = 3

    func run() throws {
        let study = SyntheticStudy(excerpts: excerpts).make(in: StudyFolder(path: folder + "/study"))
        try FileSystem.createDirectories(folder)
        print("study: \(study.corpus.reviews.count) reviews, \(study.corpus.excerptCount) excerpts, \(study.codebook.applicableCodes.count) codes, \(study.codings.count) coders")
        let leaves = try CodeColumns(codebook: study.codebook)
        let categories = try CodeColumns(codebook: study.codebook, level: 1)
        let exports: [(name: String, make: (SourceCoding) throws -> Matrix)] = [
            ("codes by review, counts, totals", { try ThemeMatrix.build(study: study, coding: $0, columns: leaves, rows: .review, cells: .count, totals: true) }),
            ("codes by year, share of reviews", { try ThemeMatrix.build(study: study, coding: $0, columns: leaves, rows: .attribute("year"), cells: .share) }),
            ("categories by review, presence", { try ThemeMatrix.build(study: study, coding: $0, columns: categories, rows: .review, cells: .presence) }),
            ("codes by excerpt, presence (every cell)", { try ThemeMatrix.build(study: study, coding: $0, columns: leaves, rows: .excerpt, cells: .presence) }),
            ("co-occurrence by excerpt", { CooccurrenceMatrix.build(study: study, coding: $0, columns: leaves, by: .excerpt) }),
            ("coder x code", { _ in CoderCodeMatrix.build(study: study, columns: leaves) }),
        ]
        var total = 0.0
        for (index, export) in exports.enumerated() {
            var times: [Double] = []
            var size = 0
            var shape = ""
            for _ in 0..<repeats {
                let (bytes, seconds) = try Timing.measure { () throws -> [UInt8] in
                    let matrix = try export.make(SourceCoding(study: study, source: .rule(.any)))
                    shape = "\(matrix.rows.count) x \(matrix.columns.count)"
                    let bytes = MatrixWriter.write(matrix, format: .csv)
                    try AtomicFile.write(bytes, to: "\(folder)/export-\(index + 1).csv")
                    return bytes
                }
                size = bytes.count
                times.append(seconds)
            }
            total += times.min()!
            print("\(export.name) [\(shape), \(size / 1000) kB, rule any]: best \(Timing.format(times.min()!)) of \(repeats)")
        }
        print("all \(exports.count) matrices: \(Timing.format(total))")
    }
}
