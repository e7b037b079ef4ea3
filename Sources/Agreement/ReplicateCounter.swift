import Foundation

/// Counts bootstrap replicates finished on every core and passes the running count, with the total, to a progress
/// callback (`(done, total)`), so a long bootstrap can say how far it has got.
final class ReplicateCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let progress: @Sendable (Int, Int) -> Void

    init(total: Int, progress: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        self.progress = progress
        progress(0, total)
    }

    /// `count` more replicates finished (or skipped, for a statistic undefined on the data).
    func advance(_ count: Int = 1) {
        let now = lock.withLock {
            done += count
            return done
        }
        progress(now, total)
    }

    /// Counts nothing and reports nothing.
    static let none = ReplicateCounter(total: 0) { _, _ in }
}
