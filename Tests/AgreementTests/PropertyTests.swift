import Agreement
import Testing

/// Seeded randomized properties over generated data: every run checks the same cases.
@Suite struct PropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5]

    static func sample(_ seed: UInt64, coders: Int = 3) -> ReliabilityData {
        ReliabilityData.synthetic(units: 300, coders: coders, codes: 20, missingShare: 0.15, seed: seed)
    }

    @Test(arguments: seeds)
    func identicalCodersGiveAlphaOneWhereDefined(_ seed: UInt64) {
        let report = AgreementReport(TestData.identicalCoders(Self.sample(seed)))
        for (code, a) in report.perCode {
            for statistic in [
                a.krippendorffAlpha, a.fleissKappa, a.percentAgreementUnits, a.percentAgreementCoderPairs,
            ] {
                #expect(statistic.value == nil || abs(statistic.value! - 1) < 1e-12, "\(code)")
            }
        }
        #expect(abs(report.setValued.alphaMASI.value! - 1) < 1e-12)
        #expect(abs(report.setValued.alphaJaccard.value! - 1) < 1e-12)
        #expect(abs(report.pooled.krippendorffAlpha.value! - 1) < 1e-12)
    }

    @Test(arguments: seeds)
    func identicalTwoCodersGiveCohensKappaOneWhereDefined(_ seed: UInt64) {
        let report = AgreementReport(TestData.identicalCoders(Self.sample(seed, coders: 2)))
        for (code, a) in report.perCode {
            #expect(a.cohenKappa.value == nil || abs(a.cohenKappa.value! - 1) < 1e-12, "\(code)")
        }
    }

    /// Every per-code, pooled and set-valued figure agrees to within 1e-9 (summation order may differ).
    func expectSameFigures(_ a: AgreementReport, _ b: AgreementReport) {
        for (x, y) in zip(a.perCode, b.perCode) {
            #expect(figuresAgree(x.agreement.figures, y.agreement.figures), "\(x.code)")
        }
        #expect(figuresAgree(a.pooled.figures, b.pooled.figures))
        #expect(figuresAgree(a.setValued.figures, b.setValued.figures))
    }

    @Test(arguments: seeds)
    func permutingCodersChangesNothing(_ seed: UInt64) throws {
        let data = Self.sample(seed)
        var rng = SplitMix64(seed: seed)
        let permuted = try data.selectingCoders(TestData.permutation(3, &rng).map { data.coders[$0] })
        expectSameFigures(AgreementReport(data), AgreementReport(permuted))
    }

    @Test(arguments: seeds)
    func permutingUnitsChangesNothing(_ seed: UInt64) {
        let data = Self.sample(seed)
        var rng = SplitMix64(seed: seed)
        let permuted = TestData.permutingUnits(data, TestData.permutation(data.unitIDs.count, &rng))
        expectSameFigures(AgreementReport(data), AgreementReport(permuted))
    }

    /// From two coders, a copying third coder adds one agreeing pair and duplicates the other pair.
    @Test(arguments: seeds)
    func addingACoderWhoCopiesAnotherNeverLowersPercentAgreement(_ seed: UInt64) {
        let data = Self.sample(seed, coders: 2)
        let before = AgreementReport(data)
        for original in 0..<2 {
            let after = AgreementReport(TestData.addingCopy(of: original, to: data))
            for (x, y) in zip(before.perCode, after.perCode) {
                for (old, new) in [
                    (x.agreement.percentAgreementUnits, y.agreement.percentAgreementUnits),
                    (x.agreement.percentAgreementCoderPairs, y.agreement.percentAgreementCoderPairs),
                ] {
                    if let old = old.value { #expect(new.value! >= old - 1e-12, "\(x.code) copying coder \(original)") }
                }
            }
        }
    }

    /// Why the property above starts from two coders: with four coders saying (1, 1, 1, 0) on a unit,
    /// a copy of the outvoted fourth lowers the unit's share of agreeing pairs from 6/12 to 8/20.
    @Test func copyingAnOutvotedCoderCanLowerPercentAgreementFromFourCoders() {
        let data = TestData.make(coders: ["A", "B", "C", "D"], codes: ["x"], [[["x"], ["x"], ["x"], []]])
        let before = AgreementReport(data).perCode[0].agreement.percentAgreementUnits.value!
        let after = AgreementReport(TestData.addingCopy(of: 3, to: data)).perCode[0].agreement.percentAgreementUnits
            .value!
        #expect(abs(before - 0.5) < 1e-12)
        #expect(abs(after - 0.4) < 1e-12)
    }

    /// The fast set-valued alpha (bitsets over distinct sets) against the formula computed directly on
    /// every pair of values, on data with more than 64 codes and 64 distinct sets and some empty sets.
    @Test(arguments: seeds)
    func setValuedAlphaEqualsTheDirectFormula(_ seed: UInt64) {
        let data = ReliabilityData.synthetic(units: 150, coders: 3, codes: 90, missingShare: 0.2, seed: seed)
        let fast = SetValuedAgreement(data)
        var values: [[Set<Int>]] = []
        for u in data.unitIDs.indices {
            let sets = data.coders.indices.compactMap { data.coding(unit: u, coder: $0) }.map(Set.init)
            if sets.count >= 2 { values.append(sets) }
        }
        func distances(_ a: Set<Int>, _ b: Set<Int>) -> (masi: Double, jaccard: Double) {
            if a == b { return (0, 0) }
            let j = Double(a.intersection(b).count) / Double(a.union(b).count)
            let m = a.isSubset(of: b) || b.isSubset(of: a) ? 2.0 / 3.0 : a.isDisjoint(with: b) ? 0 : 1.0 / 3.0
            return (1 - j * m, 1 - j)
        }
        var (observedMASI, observedJaccard) = (0.0, 0.0)
        for unit in values {
            for i in unit.indices {
                for j in unit.indices where i != j {
                    let d = distances(unit[i], unit[j])
                    observedMASI += d.masi / Double(unit.count - 1)
                    observedJaccard += d.jaccard / Double(unit.count - 1)
                }
            }
        }
        let all = values.flatMap { $0 }
        var (expectedMASI, expectedJaccard) = (0.0, 0.0)
        for i in all.indices {
            for j in all.indices where i != j {
                let d = distances(all[i], all[j])
                expectedMASI += d.masi
                expectedJaccard += d.jaccard
            }
        }
        let n = Double(all.count)
        #expect(Set(all).count > 64)
        #expect(all.contains([]))
        #expect(abs(fast.alphaMASI.value! - (1 - (n - 1) * observedMASI / expectedMASI)) < 1e-9)
        #expect(abs(fast.alphaJaccard.value! - (1 - (n - 1) * observedJaccard / expectedJaccard)) < 1e-9)
    }
}
