import Testing

@testable import Agreement

/// The pairs of distinct code sets counted by sizes and overlap, against a double loop over every pair.
@Suite struct OverlapHistogramTests {
    /// Sets drawn around templates of 4, 8, 12 and 16 of 80 codes (so codes past 64, sets of more than 12 codes,
    /// combinations held by many sets), with codes dropped and added at random, the empty set, and sets occurring
    /// several times.
    static func sample(seed: UInt64, sets: Int, shared: [Int] = []) -> [(codes: Set<Int>, count: Int)] {
        var rng = SplitMix64(seed: seed)
        var templates = [Set<Int>](repeating: [], count: 4)
        for k in templates.indices {
            while templates[k].count < 4 * (k + 1) { templates[k].insert(Int(rng.next() % 80)) }
        }
        var counts: [Set<Int>: Int] = [[]: 1]
        for _ in 0..<sets {
            var codes = templates[Int(rng.next() % 4)].filter { _ in rng.next() % 5 != 0 }
            while rng.next() % 3 == 0 { codes.insert(Int(rng.next() % 80)) }
            counts[codes.union(shared), default: 0] += Int(rng.next() % 3) + 1
        }
        return counts.map { ($0.key, $0.value) }
    }

    /// The histogram of `sample` as `SetValuedAgreement` builds it: one coder, one unit per value.
    static func histogram(_ sample: [(codes: Set<Int>, count: Int)]) -> [[Int]: Int] {
        let values = sample.flatMap { Array(repeating: $0.codes, count: $0.count) }
        var data = ReliabilityData(
            unitIDs: values.indices.map { "u\($0)" }, coders: ["a"], codes: (0..<80).map { "c\($0)" })
        for (unit, codes) in values.enumerated() { data.setCoding(unit: unit, coder: 0, codes: codes.sorted()) }
        let sets = LabelSets(data)
        var countOf = [Int](repeating: 0, count: sets.count)
        for id in sets.setOf[0] { countOf[Int(id)] += 1 }
        var result: [[Int]: Int] = [:]
        OverlapHistogram(sets, countOf.indices.map { ($0, countOf[$0]) }).forEachGroup { a, b, i, pairs in
            result[[a, b, i]] = pairs
        }
        return result
    }

    static func everyPair(_ sample: [(codes: Set<Int>, count: Int)]) -> [[Int]: Int] {
        var result: [[Int]: Int] = [:]
        for s in sample {
            for t in sample where s.codes != t.codes {
                let sizes = [s.codes.count, t.codes.count].sorted()
                result[sizes + [s.codes.intersection(t.codes).count], default: 0] += s.count * t.count
            }
        }
        return result
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func countsEveryPairOfDistinctSetsBySizesAndOverlap(_ seed: UInt64) {
        let sample = Self.sample(seed: seed, sets: 300)
        #expect(sample.contains { $0.codes.count > 12 })
        #expect(Self.histogram(sample) == Self.everyPair(sample))
    }

    @Test func countsSetsThatAllShareSomeCodes() {
        let sample = Self.sample(seed: 7, sets: 200, shared: [3, 70, 79]).filter { !$0.codes.isEmpty }
        #expect(Self.histogram(sample) == Self.everyPair(sample))
    }

    @Test func countsFewerSetsThanTheWalkCarriesDown() {
        let sample = Array(Self.sample(seed: 8, sets: 40).prefix(CombinationWalk.cutoff))
        #expect(Self.histogram(sample) == Self.everyPair(sample))
    }

    @Test func countsNothingForOneSet() {
        #expect(Self.histogram([([1, 2], 3)]).isEmpty)
    }
}
