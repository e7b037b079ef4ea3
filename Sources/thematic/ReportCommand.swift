import ArgumentParser
import ThematicCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the study report: one self-contained HTML page to read in a browser or print on A3/A4.",
        discussion: """
            The page holds the study summary, the grid of codes with counts of reviews and excerpts, the codebook, \
            cross-tabs by review attribute, co-occurrence, simple percent agreement, progress per coder, the reviews and \
            the excerpts behind each count, and with --memos the coders' memos. It fetches nothing and runs no script.
            """
    )

    @Argument(help: "The study folder.") var study: String
    @Option(name: [.short, .customLong("output")], help: "The HTML file to write.") var output: String
    @OptionGroup var source: SourceOptions
    @Option(help: "Quote at most this many excerpts under each code.") var excerptsPerCode = 50
    @Flag(help: "Add a section with every coder's memos, by review and excerpt.") var memos = false

    func validate() throws {
        if excerptsPerCode < 0 { throw ValidationError("--excerpts-per-code must be 0 or more") }
    }

    func run() throws {
        let all = try openStudy(study)
        let codingSource = try source.resolved(in: all)
        // The report's agreement and progress compare coders whatever it counts, so it always says which.
        let loaded = try source.coderOptions.narrowed(
            all, path: study, keeping: source.coder)
        let report = try exported { () throws(ExportError) in
            try StudyReport(study: loaded, source: codingSource, excerptsPerCode: excerptsPerCode, includesMemos: memos)
        }
        let html = TerminalProgress.run { progress in report.html(progress: progress) }
        try writeOutput(Array(html.utf8), to: output)
        print("Wrote \(output) (source: \(codingSource.description(in: loaded)))")
    }
}
