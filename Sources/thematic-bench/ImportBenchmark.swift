import ArgumentParser
import Glibc
import ThematicCore

struct ImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Time importing generated Markdown reviews into a new study, as `thematic import` does it (target: 300 reviews of 20,000 words under 5 s)."
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
        print("generated \(paths.count) reviews of \(words) words (\(bytes / 1_000_000) MB) in \(Timing.format(generating))")

        let created = try StudyCreator.create(at: StudyFolder(path: study), title: "Import benchmark", codebook: nil)
        let cpuBefore = cpuSeconds()
        let (total, seconds) = try Timing.measure { () throws -> String in
            let (loaded, _) = try StudyReader.load(created.folder)
            let ((contents, problems), reading) = Timing.measure { ImportFile.readAll(paths) }
            guard problems.isEmpty else { throw ImportRefused(problems: problems) }
            let (plan, planning) = try Timing.measure { try CorpusImport.plan(loaded, contents: contents) }
            let (findings, checking) = Timing.measure {
                IdentifierCheck.findings(in: plan.reviews, vocabulary: plan.reviews, register: try! IdentifierRegister.load(loaded.folder))
            }
            let (_, writing) = try Timing.measure { try CorpusImport.apply(plan, to: loaded, acceptChanges: false) }
            let excerpts = plan.reviews.reduce(0) { $0 + $1.excerpts.count }
            return "read and split \(Timing.format(reading)), plan \(Timing.format(planning)), anonymisation check \(Timing.format(checking)) (\(findings.count) findings), write \(Timing.format(writing)); \(excerpts) excerpts"
        }
        print(total)
        let cpu = cpuSeconds() - cpuBefore
        print("import into a new study, total: \(Timing.format(seconds)) wall clock, \(Timing.format(cpu)) of processor time (load average when it ended: \(loadAverage()))")
        let check = try StudyReader.load(StudyFolder(path: study))
        print("the study loads: \(check.study.corpus.reviews.count) reviews, \(check.study.corpus.excerptCount) excerpts")
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
                var sentenceLeft = 0
                for index in 0..<length {
                    var word = Self.vocabulary[Int.random(in: 0..<Self.vocabulary.count, using: &random)]
                    if sentenceLeft == 0 {
                        word = word.prefix(1).uppercased() + word.dropFirst()
                        sentenceLeft = Int.random(in: 8...22, using: &random)
                    }
                    sentenceLeft -= 1
                    text += word
                    text += sentenceLeft == 0 || index == length - 1 ? ". " : " "
                }
                text += "\n\n"
                written += length
                paragraph += 1
            }
            let path = "\(sources)/R\(number + 1000).md"
            try AtomicFile.write(Array(text.utf8), to: path)
            paths.append(path)
        }
        return paths
    }

    /// The machine's one-minute load average: a wall-clock figure means little on a machine busy with other work.
    private func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? "\(Double(Int(loads[0] * 100)) / 100)" : "unknown"
    }

    /// Processor time this process used (user and system, every thread): unlike wall-clock time, it does not grow
    /// when other programs share the cores.
    private func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static let sections = ["Introduction", "Background", "Key practice episodes", "Findings", "Analysis", "Recommendations"]
    /// The generated studies' vocabulary, plus role words a real review uses, for the name check to see.
    static let vocabulary = SyntheticStudy.vocabulary + ["Child", "A", "Mother"]
}
