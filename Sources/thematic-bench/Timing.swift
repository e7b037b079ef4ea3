/// Wall-clock timing for benchmarks.
enum Timing {
    /// Runs `body` and returns its result with the seconds it took.
    static func measure<Result>(_ body: () throws -> Result) rethrows -> (Result, Double) {
        let clock = ContinuousClock()
        var result: Result?
        let duration = try clock.measure { result = try body() }
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return (result!, seconds)
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\(Double(Int(seconds * 100)) / 100) s"
    }
}
