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
        // Generating the study is no part of the screen: its memory must not count as the screen's peak.
        let peakIsOwn = PeakMemory.reset()
        let terminal = try NcursesTerminal.headless(rows: rows, columns: columns)
        defer { terminal.stop() }
        let clock = ContinuousClock()
        let processorAtStart = ProcessorTime.ofThisProcess()
        let start = clock.now
        let (study, _) = try StudyReader.load(studyFolder, coders: [])
        let loaded = clock.now
        let session = try CodingSession(
            folder: studyFolder, coder: coder, codebook: study.codebook, corpus: study.corpus)
        let opened = clock.now
        // As the real screen does, the place is remembered after each decision (in a state folder beside the study).
        let memoryStore = SessionMemoryStore(
            studyPath: studyFolder.path, coder: coder, environment: ["XDG_STATE_HOME": studyFolder.path + ".state"])
        let (state, effects) = firstScreen(study: study, session: session, terminal: terminal, memoryStore: memoryStore)
        let firstFrame = clock.now
        let processorToFirstScreen = ProcessorTime.ofThisProcess() - processorAtStart
        // The same screen from here on, with each durable write timed as well.
        let writes = DurableWrites()
        let app = ScreenDriver(state, effects: TimedCodingEffects(timed: effects, writes: writes), terminal: terminal)
        print(
            "study: \(study.corpus.reviews.count) reviews, \(study.corpus.excerptCount) excerpts, \(study.codebook.applicableCodes.count) codes; coder \(coder) with \(session.coding.excerpts.count) decisions"
        )
        print(
            "time to first screen: \(Timing.format(Timing.seconds(firstFrame - start))) (load \(Timing.format(Timing.seconds(loaded - start))), open session \(Timing.format(Timing.seconds(opened - loaded))), state + first frame \(Timing.format(Timing.seconds(firstFrame - opened)))); \(Timing.format(processorToFirstScreen)) of processor time"
        )

        var writing: [Double] = []
        var writingBesidesTheWrite: [Double] = []
        var moving: [Double] = []
        for key in script(codeCount: app.state.tree.codeByNumber.count) {
            let sequence = session.coding.journalSequence
            let before = clock.now
            app.handle(.key(key))
            let elapsed = Timing.seconds(clock.now - before)
            if session.coding.journalSequence != sequence {
                writing.append(elapsed)
                writingBesidesTheWrite.append(elapsed - (writes.seconds.last ?? 0))
            } else {
                moving.append(elapsed)
            }
        }
        let (_, closeSeconds) = try Timing.measure { try session.close() }
        print("keys that wrote a decision (key -> durable write -> frame): \(Timing.latencies(writing))")
        print(
            "  the durable write alone (journal append + fdatasync): \(Timing.latencies(writes.seconds, of: "writes"))")
        print("  the rest of those keys (state, frame): \(Timing.latencies(writingBesidesTheWrite))")
        print("keys that only moved or typed (key -> frame): \(Timing.latencies(moving))")
        print("close (fold the journal into the coding file): \(Timing.format(closeSeconds))")
        print(
            "peak resident memory (VmHWM\(peakIsOwn ? "" : ", including generating the study: the kernel refused a reset")): \(PeakMemory.megabytes()) MB"
        )
        print("load average: \(ProcessorTime.loadAverage())")
    }

    /// Opens the screen and draws its first frame as the real command does. Only its state and effects go on: a
    /// driver kept alive beside the timed one would hold a second copy of the coder's decisions once they change,
    /// which the real screen never holds.
    private func firstScreen(
        study: Study, session: CodingSession, terminal: NcursesTerminal, memoryStore: SessionMemoryStore?
    ) -> (CodingScreenState, CodingEffects) {
        let screen = CodingScreenDriver(study: study, session: session, terminal: terminal, memoryStore: memoryStore)
        screen.draw()
        return (screen.state, screen.effects)
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

/// The durations of the coding screen's durable writes, kept apart from the rest of a key's time.
private final class DurableWrites {
    var seconds: [Double] = []
}

/// The coding screen's effects, with each decision's durable write timed on its own.
private struct TimedCodingEffects: ScreenEffects {
    var timed: CodingEffects
    let writes: DurableWrites

    mutating func perform(_ effect: CodingEffect, on state: inout CodingScreenState, at time: String) -> Bool {
        guard case .record = effect else { return timed.perform(effect, on: &state, at: time) }
        let (goOn, seconds) = Timing.measure { timed.perform(effect, on: &state, at: time) }
        writes.seconds.append(seconds)
        return goOn
    }
}
