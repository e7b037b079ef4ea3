import ArgumentParser
import Glibc
import NcursesTerminal
import TerminalUI
import ThematicApp
import ThematicCore

struct ScreenBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract:
            "Time the coding screen on a generated study: first frame, per-key latency (key, durable write, frame), peak memory.",
        discussion:
            "Every frame is drawn through real ncurses (a headless terminal writing to /dev/null), so the timings include the backend's diff and its output."
    )

    @Option(help: "Where the generated study lives (generated when missing).") var folder = "/tmp/thematic-bench-screen"
    @Option(help: "The coder whose session is timed.") var coder = "coder1"
    @Option(help: "Number of scripted keys.") var keys = 2_000
    @Option(help: "Terminal rows.") var rows = 24
    @Option(help: "Terminal columns.") var columns = 80

    func run() throws {
        let studyFolder = try BenchStudy.generatedIfMissing(folder)
        let terminal = try NcursesTerminal.headless(rows: rows, columns: columns)
        defer { terminal.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let (study, _) = try StudyReader.load(studyFolder, coders: [])
        let loaded = clock.now
        let session = try CodingSession(
            folder: studyFolder, coder: coder, codebook: study.codebook, corpus: study.corpus)
        let opened = clock.now
        let app = CodingScreenDriver(study: study, session: session, terminal: terminal)
        app.draw()
        let firstFrame = clock.now
        print(
            "study: \(study.corpus.reviews.count) reviews, \(study.corpus.excerptCount) excerpts, \(study.codebook.applicableCodes.count) codes; coder \(coder) with \(session.coding.excerpts.count) decisions"
        )
        print(
            "time to first screen: \(Timing.format(Timing.seconds(firstFrame - start))) (load \(Timing.format(Timing.seconds(loaded - start))), open session \(Timing.format(Timing.seconds(opened - loaded))), state + first frame \(Timing.format(Timing.seconds(firstFrame - opened))))"
        )

        var writing: [Double] = []
        var moving: [Double] = []
        for key in script(codeCount: app.state.tree.codeByNumber.count) {
            let sequence = session.coding.journalSequence
            let before = clock.now
            app.handle(.key(key))
            let elapsed = Timing.seconds(clock.now - before)
            if session.coding.journalSequence != sequence { writing.append(elapsed) } else { moving.append(elapsed) }
        }
        let (_, closeSeconds) = try Timing.measure { try session.close() }
        print("keys that wrote a decision (key -> durable write -> frame): \(Timing.latencies(writing))")
        print("keys that only moved or typed (key -> frame): \(Timing.latencies(moving))")
        print("close (fold the journal into the coding file): \(Timing.format(closeSeconds))")
        print("peak resident memory (VmHWM): \(PeakMemory.megabytes()) MB")
    }

    /// A coder's rhythm: type a code's number and Enter, now and then a second code, finish, move on; sometimes undo.
    private func script(codeCount: Int) -> [Key] {
        var result: [Key] = []
        var step = 0
        while result.count < keys {
            let number = step * 37 % codeCount + 1
            result += String(number).map { Key.character($0) } + [.enter]
            if step % 3 == 0 { result += String((number + 11) % codeCount + 1).map { Key.character($0) } + [.enter] }
            if step % 10 == 9 { result.append(.character("u")) }
            result.append(step % 4 == 3 ? .character("n") : .character("f"))
            step += 1
        }
        return Array(result.prefix(keys))
    }
}
