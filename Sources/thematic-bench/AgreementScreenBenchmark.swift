import ArgumentParser
import NcursesTerminal
import TerminalUI
import ThematicApp
import ThematicCore

struct AgreementScreenBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement-screen",
        abstract:
            "Time opening the agreement screen on a generated study (60,000 excerpts, 3 coders, 150 codes): load, table, first frame; then keys.",
        discussion:
            "Frames are drawn through real ncurses (a headless terminal writing to /dev/null). The table step computes every per-code figure, the pooled view, the set-valued alphas and each code's disagreements, as `thematic agree STUDY --screen` does before its first frame."
    )

    @Option(help: "Where the generated study lives (generated when missing).") var folder =
        "/tmp/thematic-bench-agreement-screen"
    @Option(help: "Timed runs of each step; the best and the median are reported.") var runs = 3
    @Option(help: "Terminal rows.") var rows = 40
    @Option(help: "Terminal columns.") var columns = 120

    /// The figures of opening the screen, and the screen opened.
    struct Opening {
        var load: Double
        var table: Timing.Repeated
        /// Processor seconds of one table computation.
        var tableProcessor: Double
        var frame: Timing.Repeated
        var app: AgreementScreenDriver

        /// Load, table and first frame: what the lead waits for after `thematic agree STUDY --screen`.
        var total: Double { load + table.best + frame.best }
    }

    func run() throws {
        let studyFolder = try BenchStudy.generatedIfMissing(folder)
        let terminal = try NcursesTerminal.headless(rows: rows, columns: columns)
        defer { terminal.stop() }
        let app = try Self.open(studyFolder, terminal: terminal, runs: runs) { print($0) }.app
        // Sort by each column in turn up to the disagreements, descending, then open the busiest code's list.
        let sortKeys =
            Array(repeating: Key.character(">"), count: app.state.columns.count - 1) + [
                .character("s"), .character("g"),
            ]
        let sorting = sortKeys.map { key in Timing.measure { app.handle(.key(key)) }.1 }
        print("sort keys (key -> frame): best \(Timing.format(sorting.min()!)), worst \(Timing.format(sorting.max()!))")
        let code = app.state.selectedRow.map { app.state.table.rows[$0] }
        let (_, opening) = Timing.measure { app.handle(.key(.enter)) }
        print(
            "list the disagreements of \(code?.code ?? "?") (\(code?.disagreements ?? 0) excerpts; key -> frame): \(Timing.format(opening))"
        )
        app.handle(.key(.escape))
        for key: Key in [.character("c"), .down, .down, .character(" ")] { app.handle(.key(key)) }
        let (_, recompute) = Timing.measure { app.handle(.key(.enter)) }
        print(
            "compare two of the three coders (Enter -> recomputed table -> frame): \(Timing.format(recompute)); \(app.state.message ?? "")"
        )
    }
}

extension AgreementScreenBenchmark {
    /// Loads the study, computes the table `runs` times and draws the first frame `runs` times, reporting each figure.
    static func open(_ studyFolder: StudyFolder, terminal: NcursesTerminal, runs: Int, report: (String) -> Void)
        throws -> Opening
    {
        let size = terminal.size
        let (study, loadSeconds) = try Timing.measure { try StudyReader.load(studyFolder).study }
        report(
            "study: \(study.corpus.excerptCount) excerpts, \(study.codebook.applicableCodes.count) codes, coders \(study.coders.joined(separator: ", "))"
        )
        var state: AgreementScreenState?
        let processorStart = ExportBenchmark.processorSeconds()
        let table = try Timing.repeated(runs) {
            state = try AgreementScreenState(study: study, selection: AgreementSelection(), size: size)
        }
        let processor = (ExportBenchmark.processorSeconds() - processorStart) / Double(max(1, runs))
        let app = AgreementScreenDriver(state: state!, terminal: terminal)
        let frame = Timing.repeated(runs) { app.draw() }
        report("load the study: \(Timing.format(loadSeconds))")
        report(
            "compute the table (\(app.state.table.rows.count) codes, \(app.state.table.excerptsInDisagreement) excerpts in disagreement): \(table.description); processor time \(Timing.format(processor)) a run (the set-valued alphas use every core)"
        )
        report("first frame: \(frame.description)")
        report(
            "time to open the screen (load + table + first frame): \(Timing.format(loadSeconds + table.best + frame.best)); without loading: \(Timing.format(table.best + frame.best))"
        )
        return Opening(load: loadSeconds, table: table, tableProcessor: processor, frame: frame, app: app)
    }
}
