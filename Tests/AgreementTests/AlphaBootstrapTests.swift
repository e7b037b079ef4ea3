import Foundation
import Testing

@testable import Agreement

@Suite struct AlphaBootstrapTests {
    static let data = ReliabilityData.synthetic(units: 2000, coders: 3, codes: 10, missingShare: 0.05, seed: 11)

    @Test(arguments: AlphaBootstrap.Procedure.allCases)
    func theSameSeedGivesTheSameIntervals(_ procedure: AlphaBootstrap.Procedure) {
        let a = AlphaBootstrap(procedure: procedure, seed: 42).intervals(Self.data)
        let b = AlphaBootstrap(procedure: procedure, seed: 42).intervals(Self.data)
        #expect(a.map(\.interval) == b.map(\.interval))
    }

    @Test(arguments: AlphaBootstrap.Procedure.allCases)
    func anotherSeedGivesOtherReplicates(_ procedure: AlphaBootstrap.Procedure) {
        let a = AlphaBootstrap(procedure: procedure, seed: 1).intervals(Self.data)
        let b = AlphaBootstrap(procedure: procedure, seed: 2).intervals(Self.data)
        #expect(a.map(\.interval) != b.map(\.interval))
    }

    @Test(arguments: AlphaBootstrap.Procedure.allCases)
    func theIntervalContainsAlpha(_ procedure: AlphaBootstrap.Procedure) {
        let alphas = BinaryAgreement.perCode(Self.data).map(\.agreement.krippendorffAlpha)
        for ((code, interval), alpha) in zip(AlphaBootstrap(procedure: procedure, seed: 5).intervals(Self.data), alphas)
        {
            guard let alpha = alpha.value else { continue }
            #expect(interval.lower.value! <= alpha && alpha <= interval.upper.value!, "\(code)")
        }
    }

    @Test func unitResamplingNarrowsAsUnitsAreAdded() {
        let small = ReliabilityData.synthetic(units: 200, coders: 3, codes: 3, seed: 3)
        let large = ReliabilityData.synthetic(units: 5000, coders: 3, codes: 3, seed: 3)
        let width = { (data: ReliabilityData) in
            AlphaBootstrap(seed: 9).intervals(data).map { $0.interval.upper.value! - $0.interval.lower.value! }
        }
        for (w200, w5000) in zip(width(small), width(large)) { #expect(w5000 < w200 / 2) }
    }

    @Test func kalphaRoundsReplicatesDownToAMultipleOfAThousand() {
        #expect(AlphaBootstrap(procedure: .kalpha, replicates: 2500).replicates == 2000)
        #expect(AlphaBootstrap(procedure: .kalpha, replicates: 10).replicates == 1000)
    }

    @Test(arguments: AlphaBootstrap.Procedure.allCases)
    func aCodeNobodyAppliedHasAnUndefinedIntervalWithTheReason(_ procedure: AlphaBootstrap.Procedure) {
        let data = TestData.make(
            coders: ["A", "B"], codes: ["x", "unused"], [[["x"], ["x"]], [[], []], [["x"], []]])
        let unused = AlphaBootstrap(procedure: procedure).intervals(data)[1].interval
        #expect(unused.lower == .undefined(reason: "no variation among pairable values (D_e = 0)"))
    }

    @Test func kalphaReportsTheShareOfReplicatesBelowEachThreshold() {
        let interval = AlphaBootstrap(procedure: .kalpha, seed: 3).intervals(Self.data)[0].interval
        #expect(interval.shareBelow.count == AlphaBootstrap.thresholds.count)
        #expect(zip(interval.shareBelow, interval.shareBelow.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func binomialDrawsHaveTheRightMeanAndVariance() {
        var rng = SplitMix64(seed: 8)
        var draws: [Double] = []
        for _ in 0..<20000 { draws.append(Double(rng.nextBinomial(trials: 1000, probability: 0.3))) }
        let mean: Double = draws.reduce(0, +) / Double(draws.count)
        var squares = 0.0
        for d in draws { squares += (d - mean) * (d - mean) }
        let variance = squares / Double(draws.count - 1)
        #expect(abs(mean - 300) < 0.5)
        #expect(abs(variance - 210) < 10)
    }
}

/// A long bootstrap says how far it has got: every replicate of every statistic is counted once.
@Suite struct BootstrapProgressTests {
    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [(Int, Int)] = []
        func record(_ done: Int, _ total: Int) { lock.withLock { seen.append((done, total)) } }
        var last: (done: Int, total: Int)? { lock.withLock { seen.max { $0.0 < $1.0 } } }
        var totals: Set<Int> { lock.withLock { Set(seen.map(\.1)) } }
    }

    @Test(arguments: AlphaBootstrap.Procedure.allCases)
    func theReplicatesOfEveryCodeAreCountedToTheTotal(_ procedure: AlphaBootstrap.Procedure) {
        let counts = Counts()
        _ = AlphaBootstrap(procedure: procedure, replicates: 1000, seed: 3).intervals(AlphaBootstrapTests.data) {
            counts.record($0, $1)
        }
        #expect(counts.totals == [10_000])
        #expect(counts.last?.done == 10_000)
    }
}
