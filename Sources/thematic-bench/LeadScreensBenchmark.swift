import ArgumentParser
import NcursesTerminal
import TerminalUI
import ThematicApp
import ThematicCore

struct LeadScreensBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead-screens",
        abstract:
            "Time the lead's screens on a generated study (60,000 excerpts unless told otherwise, 3 coders, 150 codes): the codebook screen (open, rename, merge, undo) and the reconcile screen (open, decisions).",
        discussion: """
            Every change and decision is made through the screen's keys and drawn through real ncurses (a headless \
            terminal writing to /dev/null), so a timing includes the key handling, the durable write, what the screen \
            reads again afterwards and the frame. The benchmark changes the study, so it is generated afresh each run.
            """
    )

    @Option(help: "Where the generated study is written (replaced each run).") var folder =
        "/tmp/thematic-bench-lead-screens"
    @Option(help: "Excerpts in the generated study (6000 or 600000 show how each figure grows).") var excerpts = 60_000
    @Option(help: "The lead who edits the codebook and decides.") var lead = "lead"
    @Option(help: "Timed runs of the cheaper steps (opening, renaming); the best and the median are reported.")
    var runs = 3
    @Option(help: "Decisions made in the reconcile screen.") var decisions = 50
    @Option(help: "Terminal rows.") var rows = 40
    @Option(help: "Terminal columns.") var columns = 120
    @Option(help: "Time one screen only, codebook or reconcile, so that its peak memory is its own.") var only: String?

    /// A benchmark step whose keys did not do what they should: the figures would mean nothing.
    struct StepFailed: Error, CustomStringConvertible {
        var description: String
    }

    func run() throws {
        let studyFolder = try BenchStudy.generatedAfresh(folder, excerpts: excerpts)
        let terminal = try NcursesTerminal.headless(rows: rows, columns: columns)
        defer { terminal.stop() }
        guard [nil, "codebook", "reconcile"].contains(only) else {
            throw StepFailed(description: "--only takes codebook or reconcile")
        }
        if only != "reconcile" { _ = try timeCodebookScreen(studyFolder, terminal: terminal) }
        if only == nil { print("") }
        if only != "codebook" { try timeReconcileScreen(studyFolder, terminal: terminal) }
    }

    // MARK: The codebook screen

    /// The seconds of the key that applies a codebook change: the merge's last Enter and the undo's.
    struct CodebookChanges {
        var merge: Double
        var undo: Double
    }

    /// Opens the codebook screen, renames, merges the two most used codes and undoes the merge, reporting each figure.
    func timeCodebookScreen(
        _ studyFolder: StudyFolder, terminal: NcursesTerminal, report: (String) -> Void = { print($0) }
    ) throws -> CodebookChanges {
        var study: Study?
        let load = try Timing.repeated(runs) { study = try CodebookEffects.load(studyFolder, editor: lead) }
        var app: CodebookScreenDriver?
        let (_, firstFrame) = Timing.measure {
            app = CodebookScreenDriver(study: study!, editor: lead, terminal: terminal)
            app!.draw()
        }
        let screen = app!
        report(
            "codebook screen: \(study!.corpus.excerptCount) excerpts, \(study!.codebook.applicableCodes.count) codes, coders \(study!.coders.joined(separator: ", "))"
        )
        report(
            "  open (load the study with every coder's codings: \(load.description); state + first frame \(Timing.format(firstFrame))): \(Timing.format(load.best + firstFrame))"
        )

        // The two most used codes: the first two the generator made.
        let codes = study!.codebook.applicableCodes.map(\.id)
        let (code, target) = (codes[0], codes[1])
        let originalName = study!.codebook.codesByID[code]!.name
        try press(
            Array(repeating: .down, count: 20), on: screen, until: { screen.state.cursor == code },
            "put the cursor on \(code)")
        var renameCount = 0
        var savingKeys: [Double] = []
        let rename = try Timing.repeated(runs) {
            let name = renameCount % 2 == 0 ? "Renamed by the benchmark" : originalName
            renameCount += 1
            let keys: [Key] = [.character("r"), .ctrl("u")] + name.map { .character($0) } + [.enter, .enter]
            savingKeys.append(try change(keys, on: screen, "rename \(code) to \"\(name)\""))
        }
        let readBeforeMerge = try Timing.repeated(runs) { _ = try StudyReader.load(studyFolder) }
        report(
            "  rename \(code) (r, type the name, Enter, Enter for an empty note): \(rename.description); the last Enter alone (write with CodebookEditor, frame; no coding changed, so the screen does not read the study again): best \(Timing.format(savingKeys.min()!))"
        )

        screen.handle(.key(.character("M")))
        try press([.down], on: screen, until: { screen.state.cursor == target }, "choose \(target) as the target")
        let mergeCost = Cost()
        let (merging, merge) = try Timing.measure {
            try change([.enter, .enter], on: screen, "merge \(code) into \(target)")
        }
        report(
            "  merge \(code) into \(target) (M, j, Enter, Enter; every coder's file rewritten): \(Timing.format(merge)), the last Enter alone \(Timing.format(merging)) (\(mergeCost.sinceStart)); \(screen.state.message ?? "")"
        )
        let undoCost = Cost()
        let (undoing, undo) = try Timing.measure {
            try change([.character("u"), .enter], on: screen, "undo the merge")
        }
        report(
            "  undo the merge (u, Enter; every coder's file restored): \(Timing.format(undo)), the last Enter alone \(Timing.format(undoing)) (\(undoCost.sinceStart)); \(screen.state.message ?? "")"
        )

        // Where a merge's or undo's time goes besides its own writing: the editor reads the study without the codings,
        // and opens each coder's session (reading their file); the screen then shows the codings the editor wrote.
        let editorRead = try Timing.repeated(runs) { _ = try StudyReader.load(studyFolder, coders: []) }
        let sessions = try Timing.repeated(runs) {
            for coder in study!.coders { try CodingSession(folder: studyFolder, coder: coder).close() }
        }
        let wholeRead = try Timing.repeated(runs) { _ = try StudyReader.load(studyFolder) }
        let codebookBytes = try FileSystem.readBytes(studyFolder.url(StudyFolder.codebookFile)).count
        report(
            "  parts: the editor reads the study without codings \(editorRead.description); opening the \(study!.coders.count) coders' sessions one after another \(sessions.description) (the editor opens them side by side); reading the whole study, which the screen does not do after a change, \(wholeRead.description) (\(readBeforeMerge.description) before the merge: codebook.json is now \(codebookBytes / 1_000) kB, its history keeps each coding the merge moved)"
        )
        let mergeRest = merging - editorRead.best - sessions.best
        let undoRest = undoing - editorRead.best - sessions.best
        report(
            "  so a merge leaves about \(Timing.format(mergeRest)) and an undo about \(Timing.format(undoRest)) for rewriting, journalling and folding the coders' files, writing codebook.json, updating the screen and the frame"
        )
        return CodebookChanges(merge: merging, undo: undoing)
    }

    /// What a step cost besides wall-clock time, which other programs on the machine change: processor time and the
    /// pages touched afresh.
    private struct Cost {
        let processor = ProcessorTime.ofThisProcess()
        let faults = PageFaults.ofThisProcess()

        var sinceStart: String {
            "processor \(Timing.format(ProcessorTime.ofThisProcess() - processor)), \(PageFaults.ofThisProcess() - faults) page faults"
        }
    }

    /// Presses `keys` ending with the one that applies a change; the seconds that key took. Fails unless exactly one
    /// change was applied.
    private func change(_ keys: [Key], on app: CodebookScreenDriver, _ what: String) throws -> Double {
        let before = app.effects.changesApplied
        for key in keys.dropLast() { app.handle(.key(key)) }
        let seconds = Timing.measure { app.handle(.key(keys.last!)) }.1
        guard app.effects.changesApplied == before + 1 else {
            throw StepFailed(
                description:
                    "could not \(what) through the codebook screen's keys: \(app.state.message ?? "no message")")
        }
        return seconds
    }

    /// Presses `keys` one at a time until `done` holds; fails when they run out first.
    private func press(_ keys: [Key], on app: CodebookScreenDriver, until done: () -> Bool, _ what: String) throws {
        for key in keys where !done() { app.handle(.key(key)) }
        guard done() else {
            throw StepFailed(
                description:
                    "could not \(what) through the codebook screen's keys: \(app.state.message ?? "no message")")
        }
    }

    // MARK: The reconcile screen

    private func timeReconcileScreen(_ studyFolder: StudyFolder, terminal: NcursesTerminal) throws {
        let peakIsOwn = PeakMemory.reset()
        var session: ReconciliationSession?
        let open = try Timing.repeated(runs) {
            session?.close()
            session = try ReconciliationSession(folder: studyFolder, lead: lead)
        }
        let reconciling = session!
        defer { reconciling.close() }
        var app: ReconcileScreenDriver?
        let (_, firstFrame) = Timing.measure {
            app = ReconcileScreenDriver(session: reconciling, terminal: terminal)
            app!.draw()
        }
        let screen = app!
        let queue = reconciling.reconciliation.progress
        print(
            "reconcile screen: \(queue.total) excerpts to reconcile between \(reconciling.reconciliation.coders.joined(separator: ", ")), \(queue.decided) decided"
        )
        print(
            "  open (session: load the study, build the queue: \(open.description); state + first frame \(Timing.format(firstFrame))): \(Timing.format(open.best + firstFrame))"
        )

        var choosing: [Double] = []
        var recording: [Double] = []
        for _ in 0..<decisions {
            let decided = reconciling.reconciliation.progress.decided
            choosing.append(Timing.measure { screen.handle(.key(.character("u"))) }.1)
            recording.append(Timing.measure { screen.handle(.key(.enter)) }.1)
            guard reconciling.reconciliation.progress.decided == decided + 1 else {
                let reason = screen.state.refusal?.reason ?? screen.state.message ?? "no message"
                throw StepFailed(description: "a decision by u, Enter was not recorded: \(reason)")
            }
        }
        let decisionTimes = zip(choosing, recording).map { $0 + $1 }
        print(
            "  decisions (u for the union, Enter for an empty note): \(Timing.latencies(decisionTimes, of: "decisions"))"
        )
        print("    u alone (key -> note prompt -> frame): \(Timing.latencies(choosing))")
        print(
            "    Enter alone (key -> consensus.json written -> queue refreshed -> frame): \(Timing.latencies(recording))"
        )
        print(
            "  peak resident memory (VmHWM)\(peakIsOwn ? " from opening the reconcile screen" : " of the whole run"): \(PeakMemory.megabytes()) MB"
        )
    }
}
