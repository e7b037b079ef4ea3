/// Wall-clock timing for benchmarks.
enum Timing {
    /// Runs `body` and returns its result with the seconds it took.
    static func measure<Result>(_ body: () throws -> Result) rethrows -> (Result, Double) {
        let clock = ContinuousClock()
        var result: Result?
        let duration = try clock.measure { result = try body() }
        return (result!, seconds(duration))
    }

    /// The best and the median of several timed runs.
    struct Repeated {
        var best: Double
        var median: Double
        var runs: Int

        var description: String { "best \(Timing.format(best)), median \(Timing.format(median)) of \(runs)" }
    }

    /// Runs `body` `runs` times (at least once).
    static func repeated(_ runs: Int, _ body: () throws -> Void) rethrows -> Repeated {
        var times: [Double] = []
        for _ in 0..<max(1, runs) { times.append(try measure(body).1) }
        times.sort()
        return Repeated(best: times[0], median: times[times.count / 2], runs: times.count)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\(Double(Int(seconds * 100)) / 100) s"
    }

    /// Milliseconds to a tenth, for latencies well under a second.
    static func milliseconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10) ms"
    }

    /// "120 keys, p50 1.2 ms, p99 3.4 ms, max 5.6 ms"; "none" without samples.
    static func latencies(_ samples: [Double], of things: String = "keys") -> String {
        guard !samples.isEmpty else { return "none" }
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))] }
        return
            "\(samples.count) \(things), p50 \(milliseconds(percentile(0.5))), p99 \(milliseconds(percentile(0.99))), max \(milliseconds(sorted.last!))"
    }
}
