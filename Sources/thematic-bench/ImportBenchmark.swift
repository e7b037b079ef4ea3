import ArgumentParser
import ThematicCore

struct ImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Time importing generated Markdown reviews into a new study, as `thematic import` does it (target: 300 reviews of 20,000 words under 5 s)."
    )

    @Option(help: "Where to write the generated review files and the study.") var folder = "/tmp/thematic-bench-import"
    @Option(help: "Number of review files.") var reviews = 300
    @Option(help: "Words per review.") var words = 20_000
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        let sources = folder + "/sources"
        let study = folder + "/study"
        try FileSystem.removeTree(folder)
        try FileSystem.createDirectories(sources)
        let (paths, generating) = try Timing.measure { try generate(into: sources) }
        let bytes = try paths.reduce(0) { $0 + (try FileSystem.readBytes($1)).count }
        print(
            "generated \(paths.count) reviews of \(words) words (\(bytes / 1_000_000) MB) in \(Timing.format(generating))"
        )

        let timed = try TimedImport.run(paths, study: study, title: "Import benchmark")
        print("\(timed.phases); \(timed.excerpts) excerpts")
        print(
            "import into a new study, total: \(Timing.format(timed.total)) wall clock, \(Timing.format(timed.processorTime)) of processor time (load average when it ended: \(ProcessorTime.loadAverage()))"
        )
        let check = try StudyReader.load(StudyFolder(path: study))
        print(
            "the study loads: \(check.study.corpus.reviews.count) reviews, \(check.study.corpus.excerptCount) excerpts")
    }

    /// Markdown reviews: a title, a section heading every 25 paragraphs, paragraphs of 40-160 words.
    private func generate(into sources: String) throws -> [String] {
        var random = SeededGenerator(seed: seed)
        var paths: [String] = []
        for number in 1...reviews {
            var text = "# Review \(number)\n\n"
            var written = 0
            var paragraph = 0
            while written < words {
                if paragraph % 25 == 0 { text += "## \(Self.sections[paragraph / 25 % Self.sections.count])\n\n" }
                let length = min(words - written, Int.random(in: 40...160, using: &random))
                text += BenchProse.paragraph(words: length, using: &random) + " \n\n"
                written += length
                paragraph += 1
            }
            let path = "\(sources)/R\(number + 1000).md"
            try AtomicFile.write(Array(text.utf8), to: path)
            paths.append(path)
        }
        return paths
    }

    static let sections = [
        "Introduction", "Background", "Key practice episodes", "Findings", "Analysis", "Recommendations",
    ]
}
