import Agreement

/// The seeded generator of generated studies and tests: the Agreement module's SplitMix64, so generated data is the
/// same on every machine.
public typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }
}
