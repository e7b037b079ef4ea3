import Foundation
import Testing

@testable import ThematicCore

/// The progress line's timing: nothing for a fast run, then at most one line per interval, cleared at the end.
@Suite struct ThrottledProgressTests {
    /// A clock the test moves by hand, and everything the reporter drew or cleared.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var time = 100.0
        private var events: [String] = []

        var now: Double { lock.withLock { time } }
        var output: [String] { lock.withLock { events } }
        func advance(_ seconds: Double) { lock.withLock { time += seconds } }
        func record(_ event: String) { lock.withLock { events.append(event) } }

        func reporter() -> ThrottledProgress {
            ThrottledProgress(
                delay: 0.75, interval: 0.1, clock: { self.now }, draw: { self.record($0) },
                clear: { self.record("<clear>") })
        }
    }

    @Test func aRunShorterThanTheDelayDrawsNothingAndClearsNothing() {
        let recorder = Recorder()
        let progress = recorder.reporter()
        for done in 0...50 {
            progress.report("importing:", done: done, total: 50, unit: "files read")
            recorder.advance(0.01)
        }
        progress.finish()
        #expect(recorder.output.isEmpty)
    }

    @Test func theFirstStepAfterTheDelayIsDrawn() {
        let recorder = Recorder()
        let progress = recorder.reporter()
        progress.report("merging C2 into C1: rewriting codings", done: 1, total: 3, unit: "coders")
        recorder.advance(0.8)
        progress.report("merging C2 into C1: rewriting codings", done: 2, total: 3, unit: "coders")
        #expect(recorder.output == ["merging C2 into C1: rewriting codings 2 of 3 coders…"])
    }

    @Test func stepsCloserThanTheIntervalAreDropped() {
        let recorder = Recorder()
        let progress = recorder.reporter()
        recorder.advance(1)
        for done in 1...100 {
            progress.report("bootstrap:", done: done, total: 100, unit: "replicates")
            recorder.advance(0.03)
        }
        // A step every 0.03 s, a line at most every 0.1 s: every fourth step (0.12 s after the last line) is drawn.
        #expect(recorder.output.count == 25)
        #expect(recorder.output.prefix(2) == ["bootstrap: 1 of 100 replicates…", "bootstrap: 5 of 100 replicates…"])
    }

    @Test func finishingClearsALineThatWasDrawn() {
        let recorder = Recorder()
        let progress = recorder.reporter()
        recorder.advance(2)
        progress.report("importing:", done: 120, total: 300, unit: "files read")
        progress.finish()
        #expect(recorder.output == ["importing: 120 of 300 files read…", "<clear>"])
    }

    @Test func aStepOfUnknownSizeIsItsPhaseAlone() {
        #expect(
            progressLine("reading the project: unpacking the archive", done: 0, total: 0, unit: "")
                == "reading the project: unpacking the archive…")
    }
}
