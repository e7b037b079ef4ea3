import Foundation

/// A small, fast, seeded random number generator (Steele, Lea & Flood 2014), so that a bootstrap
/// with the same seed gives the same interval on every machine and every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw from [0, 1) with 53 random bits.
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A draw from Binomial(trials, p), exact: inversion searching outward from the mode,
    /// so it takes O(sqrt(trials · p · (1 − p))) steps.
    mutating func nextBinomial(trials n: Int, probability p: Double) -> Int {
        if n == 0 || p <= 0 { return 0 }
        if p >= 1 { return n }
        let q = 1 - p
        let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
        let logPMF =
            lgamma(Double(n + 1)) - lgamma(Double(mode + 1)) - lgamma(Double(n - mode + 1))
            + Double(mode) * log(p) + Double(n - mode) * log(q)
        let atMode = exp(logPMF)
        var u = nextUnit() - atMode
        if u <= 0 { return mode }
        var (lower, pLower) = (mode, atMode)
        var (upper, pUpper) = (mode, atMode)
        while lower > 0 || upper < n {
            if lower > 0 {
                pLower *= Double(lower) / Double(n - lower + 1) * q / p
                lower -= 1
                u -= pLower
                if u <= 0 { return lower }
            }
            if upper < n {
                pUpper *= Double(n - upper) / Double(upper + 1) * p / q
                upper += 1
                u -= pUpper
                if u <= 0 { return upper }
            }
        }
        return mode
    }
}
