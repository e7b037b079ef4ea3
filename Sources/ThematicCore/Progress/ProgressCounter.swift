import Foundation

/// Counts items finished on any thread and reports each count, for a loop run on every core.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let phase: String
    private let total: Int
    private let unit: String
    private let progress: any ProgressReporter

    init(_ phase: String, total: Int, unit: String, progress: any ProgressReporter) {
        self.phase = phase
        self.total = total
        self.unit = unit
        self.progress = progress
        progress.report(phase, done: 0, total: total, unit: unit)
    }

    /// One more item finished.
    func advance() {
        let now = lock.withLock {
            done += 1
            return done
        }
        progress.report(phase, done: now, total: total, unit: unit)
    }
}
