import ArgumentParser
import Dispatch
import Foundation
import ThematicCore

struct PDFImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf-import",
        abstract:
            "Time importing generated PDF reviews into a new study, as `thematic import` does it: pdftotext, layout, cutting, plan, anonymisation check, write (target: 300 reviews of 40 pages under 20 s)."
    )

    @Option(help: "Where to write the generated PDFs and the study.") var folder = "/tmp/thematic-bench-pdf-import"
    @Option(help: "Number of PDF reviews.") var reviews = 300
    @Option(help: "Pages per review (the first is a title page).") var pages = 40
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Target for the whole import, in seconds.") var target = 20.0

    func validate() throws {
        guard reviews > 0, pages >= 2 else {
            throw ValidationError("--reviews must be at least 1 and --pages at least 2.")
        }
    }

    func run() throws {
        let sources = folder + "/sources"
        let study = folder + "/study"
        try FileSystem.removeTree(folder)
        try FileSystem.createDirectories(sources)
        let ((paths, hyphenated), generating) = try Timing.measure { try generate(into: sources) }
        let bytes = try paths.reduce(0) { $0 + (try FileSystem.readBytes($1)).count }
        print(
            "generated \(paths.count) PDF reviews of \(pages) pages (\(bytes / 1_000_000) MB) in \(Timing.format(generating)) (not timed below)"
        )
        try printPdftotextAlone(paths[0])

        var sampler: ChildProcessSampler?
        let timed = try TimedImport.run(paths, study: study, title: "PDF import benchmark") { read in
            let (result, reading) = ChildProcessSampler.sampling(read)
            sampler = reading
            return result
        }
        print("read and split (pdftotext, layout, cutting): \(Timing.format(timed.reading))")
        print("plan:                                        \(Timing.format(timed.planning))")
        print(
            "anonymisation check:                         \(Timing.format(timed.checking)) (\(timed.findings) findings)"
        )
        print("write:                                       \(Timing.format(timed.writing))")
        print(
            "import into a new study, total: \(Timing.format(timed.total)) wall clock (target under \(Timing.format(target)): \(timed.total < target ? "met" : "missed")), \(Timing.format(timed.processorTime)) of processor time in thematic-bench and \(Timing.format(timed.helperProcessorTime)) in pdftotext (load average when it ended: \(ProcessorTime.loadAverage()))"
        )
        print(
            "pdftotext processes at once while reading: peak \(sampler?.peak ?? 0), mean \(Double(Int((sampler?.mean ?? 0) * 10)) / 10) (\(ProcessInfo.processInfo.activeProcessorCount) cores)"
        )
        printSanityChecks(timed, hyphenated: hyphenated)
        let check = try StudyReader.load(StudyFolder(path: study))
        print(
            "the study loads: \(check.study.corpus.reviews.count) reviews, \(check.study.corpus.excerptCount) excerpts")
    }

    /// Writes the PDFs on every core (each review has its own seeded generator, so the order does not matter);
    /// returns their paths and how many words they hyphenate at line ends.
    private func generate(into sources: String) throws -> (paths: [String], hyphenated: Int) {
        let reviews = (1...self.reviews).map { GeneratedReviewPDF(number: $0, pages: pages, seed: seed) }
        let outcomes = Outcomes(count: reviews.count)
        DispatchQueue.concurrentPerform(iterations: reviews.count) { index in
            let review = reviews[index]
            let (bytes, hyphenated) = review.make()
            let path = "\(sources)/\(review.reviewID).pdf"
            let outcome = Result { try AtomicFile.write(bytes, to: path) }.map { hyphenated }
            outcomes.set(index, outcome)
        }
        var hyphenated = 0
        for outcome in outcomes.all { hyphenated += try outcome.get() }
        return (reviews.map { "\(sources)/\($0.reviewID).pdf" }, hyphenated)
    }

    /// The floor: poppler alone on one generated file, as the importer runs it, with whatever it complains about.
    private func printPdftotextAlone(_ path: String) throws {
        var complaints = ""
        let repeated = try Timing.repeated(5) {
            let result = try Subprocess.run(
                "/usr/bin/env", ["pdftotext", "-bbox-layout", "-enc", "UTF-8", "-eol", "unix", path, "/dev/null"])
            complaints = result.standardError
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print(
            "pdftotext -bbox-layout alone on one \(pages)-page file: \(repeated.description); \(reviews) files on \(cores) cores at best take about \(Timing.format(repeated.best * Double(reviews) / Double(cores))); poppler's complaints: \(complaints.isEmpty ? "none" : complaints)"
        )
    }

    private func printSanityChecks(_ timed: TimedImport, hyphenated: Int) {
        let imported = timed.contents.flatMap { content -> [ImportedReview] in
            if case .reviews(let reviews) = content { return reviews }
            return []
        }
        let maximum = SplitOptions.defaultMaximumLength
        let counts = imported.map(\.excerpts.count).sorted()
        let longest = imported.flatMap(\.excerpts).map(\.text.unicodeScalars.count).max() ?? 0
        print(
            "excerpts: \(timed.excerpts), per review \(counts.first ?? 0) to \(counts.last ?? 0) (median \(counts.isEmpty ? 0 : counts[counts.count / 2])); every review has some: \(counts.first ?? 0 > 0 ? "yes" : "NO")"
        )
        print("longest excerpt: \(longest) characters (maximum \(maximum)): \(longest <= maximum ? "within" : "OVER")")
        let pageCounts = imported.compactMap { $0.layout?.pageCount }
        print("pages read per review: \(range(pageCounts)) (generated: \(pages))")
        for reason in LaidOutReport.Reason.allCases {
            let perReview = imported.map { $0.layout?.removed.filter { $0.reason == reason }.count ?? 0 }
            print("removed \(reason.rawValue)s per review: \(range(perReview))")
        }
        let furniture = imported.map { $0.layout?.removed.count ?? 0 }
        print(
            "removed lines per review: \(range(furniture)) (each page has a running header and a page number: expected \(2 * pages))"
        )
        let broken = GeneratedReviewPDF.hyphenationPoints.map { word, point in
            word.prefix(point) + "-" + word.dropFirst(point)
        }
        let leftBroken = imported.flatMap(\.excerpts).reduce(0) { total, excerpt in
            let text = excerpt.text.lowercased()
            return total + broken.filter { text.contains($0) }.count
        }
        print("words hyphenated at a line end: \(hyphenated); excerpts still holding a broken word: \(leftBroken)")
        let titled = imported.filter { $0.title?.hasPrefix("Child Safeguarding Practice Review") ?? false }.count
        print("reviews titled from the PDF's metadata: \(titled) of \(imported.count)")
    }

    private func range(_ values: [Int]) -> String {
        guard let low = values.min(), let high = values.max() else { return "none" }
        return low == high ? "\(low)" : "\(low) to \(high)"
    }
}

/// The generators' results, each written by one thread into its own slot.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Int, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: Result<Int, any Error>) { lock.withLock { slots[index] = outcome } }

    var all: [Result<Int, any Error>] { lock.withLock { slots.map { $0! } } }
}
