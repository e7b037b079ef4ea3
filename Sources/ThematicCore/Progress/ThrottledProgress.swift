import Dispatch
import Foundation

/// A progress reporter that shows the latest step only once the operation has run for `delay` seconds (a fast run
/// shows nothing), and at most once every `interval` seconds after that. Where the line goes is the caller's:
/// `draw` shows one line in place of the last, `clear` takes it away.
///
/// ```swift
/// let progress = ThrottledProgress(draw: { line in write(2, "\r" + line) }, clear: { write(2, "\r\u{1B}[K") })
/// defer { progress.finish() }
/// ```
public final class ThrottledProgress: ProgressReporter, @unchecked Sendable {
    public typealias Clock = @Sendable () -> Double

    private let lock = NSLock()
    private let clock: Clock
    private let draw: @Sendable (String) -> Void
    private let clear: @Sendable () -> Void
    private let delay: Double
    private let interval: Double
    private let started: Double
    private var lastDrawn: Double?

    /// `clock` gives seconds from any fixed point; the operation is taken to start when the reporter is made.
    public init(
        delay: Double = 0.75, interval: Double = 0.1, clock: @escaping Clock = ThrottledProgress.monotonic,
        draw: @escaping @Sendable (String) -> Void, clear: @escaping @Sendable () -> Void
    ) {
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.draw = draw
        self.clear = clear
        started = clock()
    }

    public func report(_ phase: String, done: Int, total: Int, unit: String) {
        lock.withLock {
            let now = clock()
            guard now - started >= delay else { return }
            if let lastDrawn, now - lastDrawn < interval { return }
            lastDrawn = now
            draw(progressLine(phase, done: done, total: total, unit: unit))
        }
    }

    /// The operation has ended: a line that was drawn is cleared, so what the command prints next starts clean.
    public func finish() {
        lock.withLock {
            guard lastDrawn != nil else { return }
            lastDrawn = nil
            clear()
        }
    }

    /// Seconds since an arbitrary point, never going back.
    public static let monotonic: Clock = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
