import Dispatch
import Foundation

/// A seeded, reproducible bootstrap confidence interval for each code's Krippendorff's alpha.
///
/// Two procedures (AGREEMENT.md §5):
/// - `.units` (the default): the ordinary non-parametric bootstrap. Resample the pairable units with
///   replacement, recompute alpha, take the percentile interval. Its width reflects how many excerpts
///   were double-coded, which is what a reader of a codebook's figures wants to know.
/// - `.kalpha`: Hayes & Krippendorff's KALPHA macro (v3.0). Resample pairs of values from the
///   coincidence matrix with D_e fixed, at most 25·Q draws per replicate. Offered to reproduce
///   published KALPHA figures; its width does not shrink as units are added, and Gwet (2015) shows it
///   understates the standard error, which is why it is not the default.
///
/// A binary code's pairable units fall into a handful of types (m_u, r_u1), so a unit replicate is a
/// multinomial draw over type counts, and a KALPHA replicate is at most 100 uniform draws: 1,000
/// replicates for 150 codes take a fraction of a second. Each code has its own generator, seeded from
/// `seed` and the code's position, so a code's interval does not depend on which other codes are analysed.
public struct AlphaBootstrap: Sendable, Equatable {
    public enum Procedure: String, Sendable, CaseIterable {
        case units
        case kalpha
    }

    public let procedure: Procedure
    public let replicates: Int
    public let seed: UInt64

    /// The α_min of KALPHA's q(α_min) table.
    public static let thresholds = [0.9, 0.8, 0.7, 0.67, 0.6, 0.5]

    /// `replicates` is rounded down to a multiple of 1,000 (at least 1,000) for KALPHA, as the macro does.
    public init(procedure: Procedure = .units, replicates: Int = 1000, seed: UInt64 = 1) {
        self.procedure = procedure
        self.replicates = procedure == .kalpha ? max(1000, replicates / 1000 * 1000) : max(1, replicates)
        self.seed = seed
    }

    /// The interval of every code of `data`, in code order. `progress` is told the replicates done and the
    /// replicates of all codes together, from whichever core finished them.
    public func intervals(
        _ data: ReliabilityData,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) -> [(code: String, interval: BootstrapInterval)] {
        Array(zip(data.codes, intervals(BinaryTallier(data).tallies(), progress: progress)))
    }

    /// One interval per tally, computed on all cores.
    func intervals(_ tallies: [BinaryTally], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in })
        -> [BootstrapInterval]
    {
        let counter = ReplicateCounter(total: replicates * tallies.count, progress: progress)
        let results = ConcurrentSlots<BootstrapInterval?>(count: tallies.count, initial: nil)
        DispatchQueue.concurrentPerform(iterations: tallies.count) { code in
            results.slots[code] = interval(tallies[code], stream: UInt64(code), counter: counter)
        }
        return results.slots.map { $0! }
    }

    func interval(_ tally: BinaryTally, stream: UInt64, counter: ReplicateCounter = .none) -> BootstrapInterval {
        var rng = generator(stream: stream)
        let types = PairableTypes(tally)
        guard types.units > 0 else {
            counter.advance(replicates)
            return BootstrapInterval(procedure, replicates, undefined: BinaryAgreement.noPairableUnit)
        }
        guard types.applied > 0 && types.applied < types.values else {
            counter.advance(replicates)
            return BootstrapInterval(procedure, replicates, undefined: "no variation among pairable values (D_e = 0)")
        }
        switch procedure {
        case .units: return percentileInterval(unitReplicates(types, &rng, counter))
        case .kalpha: return percentileInterval(kalphaReplicates(types, coders: tally.coderCount, &rng, counter))
        }
    }

    /// Replicates are reported in batches: a unit or KALPHA replicate takes microseconds, a lock each would cost more.
    static let reportedEvery = 100

    /// The generator of one statistic: seeded from `seed` and the statistic's position (`stream`), so its interval
    /// does not depend on which other statistics are computed.
    func generator(stream: UInt64) -> SplitMix64 {
        SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
    }

    /// The 95% percentile interval of the replicates in which the statistic was defined.
    func percentileInterval(_ replicateValues: [Double]) -> BootstrapInterval {
        let alphas = replicateValues.sorted()
        let b = alphas.count
        guard b >= 40 else {
            return BootstrapInterval(procedure, replicates, undefined: "fewer than 40 replicates showed any variation")
        }
        return BootstrapInterval(
            procedure: procedure, replicates: replicates, usableReplicates: b,
            lower: .value(alphas[Int(0.025 * Double(b)) - 1]), upper: .value(alphas[Int(0.975 * Double(b))]),
            shareBelow: Self.thresholds.map { t in Double(alphas.prefix { $0 < t }.count) / Double(b) })
    }

    /// Alphas of the unit replicates in which alpha is defined.
    private func unitReplicates(_ types: PairableTypes, _ rng: inout SplitMix64, _ counter: ReplicateCounter)
        -> [Double]
    {
        var alphas: [Double] = []
        alphas.reserveCapacity(replicates)
        for replicate in 0..<replicates {
            if replicate % Self.reportedEvery == 0 && replicate > 0 { counter.advance(Self.reportedEvery) }
            var remainingUnits = types.units
            var remainingWeight = Double(types.units)
            var (n, applied, o01) = (0.0, 0.0, 0.0)
            for t in types.list where remainingUnits > 0 {
                let drawn = rng.nextBinomial(
                    trials: remainingUnits, probability: min(1, Double(t.count) / remainingWeight))
                remainingUnits -= drawn
                remainingWeight -= Double(t.count)
                let k = Double(drawn)
                n += k * t.m
                applied += k * t.r
                o01 += k * t.r * (t.m - t.r) / (t.m - 1)
            }
            if applied > 0 && applied < n { alphas.append(1 - (n - 1) * o01 / (applied * (n - applied))) }
        }
        counter.advance(replicates - (replicates - 1) / Self.reportedEvery * Self.reportedEvery)
        return alphas
    }

    /// KALPHA v3.0 replicates, with its clamping and small-sample correction.
    private func kalphaReplicates(
        _ types: PairableTypes, coders: Int, _ rng: inout SplitMix64, _ counter: ReplicateCounter
    ) -> [Double] {
        let n = Double(types.values)
        let nApplied = Double(types.applied)
        let expected = 2 * nApplied * (n - nApplied) / (n * (n - 1))
        let o00 = types.list.reduce(0.0) { $0 + Double($1.count) * ($1.m - $1.r) * ($1.m - $1.r - 1) / ($1.m - 1) }
        let o11 = types.list.reduce(0.0) { $0 + Double($1.count) * $1.r * ($1.r - 1) / ($1.m - 1) }
        let o01 = types.list.reduce(0.0) { $0 + Double($1.count) * $1.r * ($1.m - $1.r) / ($1.m - 1) }
        let pairs = types.list.reduce(0.0) { $0 + Double($1.count) * $1.m * ($1.m - 1) / 2 }
        let nonZeroCells = (o00 > 0 ? 1 : 0) + (o01 > 0 ? 2 : 0) + (o11 > 0 ? 1 : 0)
        let diagonalCells = (o00 > 0 ? 1 : 0) + (o11 > 0 ? 1 : 0)
        let draws = min(25 * nonZeroCells, Int(Double(coders - 1) * n / 2))
        let (from, to) = (o00 / n, o00 / n + 2 * o01 / n)
        var alphas = (0..<replicates).map { replicate -> Double in
            if replicate % Self.reportedEvery == 0 && replicate > 0 { counter.advance(Self.reportedEvery) }
            var disagreements = 0
            for _ in 0..<draws {
                let u = rng.nextUnit()
                if u >= from && u < to { disagreements += 1 }
            }
            let alpha = max(-1, 1 - Double(disagreements) / (Double(draws) * expected))
            return alpha == 1 && diagonalCells == 1 ? 0 : alpha
        }
        counter.advance(replicates - (replicates - 1) / Self.reportedEvery * Self.reportedEvery)
        let corrections = Int((Double(replicates) * (pow(o00 / n, pairs) + pow(o11 / n, pairs))).rounded())
        if corrections > 0 && diagonalCells > 1 {
            var left = corrections
            for i in alphas.indices where left > 0 && alphas[i] == 1 {
                alphas[i] = 0
                left -= 1
            }
        }
        return alphas
    }
}

/// The bootstrap's result for one code.
public struct BootstrapInterval: Sendable, Equatable {
    public let procedure: AlphaBootstrap.Procedure
    public let replicates: Int
    /// Replicates in which alpha was defined (a unit replicate can lose all variation).
    public let usableReplicates: Int
    /// 95% percentile interval: the ⌊0.025 B⌋-th and (⌊0.975 B⌋ + 1)-th of the sorted replicates, as KALPHA.
    public let lower: Statistic
    public let upper: Statistic
    /// Share of replicates below each of `AlphaBootstrap.thresholds` (KALPHA's q(α_min)).
    public let shareBelow: [Double]

    init(
        procedure: AlphaBootstrap.Procedure, replicates: Int, usableReplicates: Int, lower: Statistic, upper: Statistic,
        shareBelow: [Double]
    ) {
        self.procedure = procedure
        self.replicates = replicates
        self.usableReplicates = usableReplicates
        self.lower = lower
        self.upper = upper
        self.shareBelow = shareBelow
    }

    init(_ procedure: AlphaBootstrap.Procedure, _ replicates: Int, undefined reason: String) {
        self.init(
            procedure: procedure, replicates: replicates, usableReplicates: 0,
            lower: .undefined(reason: reason), upper: .undefined(reason: reason), shareBelow: [])
    }
}

/// A code's pairable units grouped by type: `count` units finished by `m` coders of whom `r` applied it.
private struct PairableTypes {
    let list: [(m: Double, r: Double, count: Int)]
    let units: Int
    let values: Int
    let applied: Int

    init(_ tally: BinaryTally) {
        list = tally.unitsByType.indices.dropFirst(2).flatMap { m in
            tally.unitsByType[m].indices.compactMap { r in
                tally.unitsByType[m][r] == 0 ? nil : (Double(m), Double(r), tally.unitsByType[m][r])
            }
        }
        units = list.reduce(0) { $0 + $1.count }
        values = list.reduce(0) { $0 + $1.count * Int($1.m) }
        applied = list.reduce(0) { $0 + $1.count * Int($1.r) }
    }
}
