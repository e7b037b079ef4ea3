import Foundation

extension ReliabilityData {
    /// Realistic generated reliability data, for benchmarks and randomized tests: codes belong to
    /// themes (five codes a theme); one unit in ten touches no theme, the others one theme, sometimes more (theme
    /// popularity follows a Zipf law, so code prevalence ranges from under 1% to about 25%); each coder applies most of
    /// the unit's codes (missing one 6% of the time), now and then adds an unrelated code, and leaves `missingShare` of
    /// the units unfinished. Coders mostly agree, yet the code sets are many and distinct (about 17,000 for 50,000
    /// units × 3 coders × 150 codes; the reference large case had 19,000). The same arguments always give the same
    /// data.
    public static func synthetic(
        units: Int, coders: Int, codes: Int, missingShare: Double = 0.05, seed: UInt64 = 1
    ) -> ReliabilityData {
        var rng = SplitMix64(seed: seed)
        var data = ReliabilityData(
            unitIDs: (0..<units).map { "u\($0 + 1)" }, coders: (0..<coders).map { "coder\($0 + 1)" },
            codes: (0..<codes).map { "c\($0 + 1)" })
        let themes = max(1, codes / 5)
        let popularity = (0..<themes).map { 1 / Double($0 + 1) }
        let total = popularity.reduce(0, +)
        var cumulative = popularity.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1 / total) }
        cumulative[themes - 1] = 1
        let applyRate = (0..<codes).map { _ in 0.3 + 0.65 * rng.nextUnit() }
        func theme(_ rng: inout SplitMix64) -> Int {
            let u = rng.nextUnit()
            return cumulative.firstIndex { u < $0 } ?? themes - 1
        }
        /// Excerpts to which no code applies (background, chronology) are common in a review.
        let emptyShare = 0.1
        var unitCodes: [Int] = []
        var coding: [Int] = []
        for u in 0..<units {
            var touched: [Int] = []
            if rng.nextUnit() >= emptyShare {
                touched.append(theme(&rng))
                while rng.nextUnit() < 0.2 { touched.append(theme(&rng)) }
            }
            unitCodes = (0..<codes).filter { c in touched.contains(c * themes / codes) && rng.nextUnit() < applyRate[c]
            }
            for coder in 0..<coders {
                guard rng.nextUnit() >= missingShare else { continue }
                coding = unitCodes.filter { _ in rng.nextUnit() >= 0.06 }
                for _ in 0..<rng.nextBinomial(trials: codes, probability: 0.0002) {
                    coding.append(Int(rng.next() % UInt64(codes)))
                }
                data.setCoding(unit: u, coder: coder, codes: coding)
            }
        }
        return data
    }
}
