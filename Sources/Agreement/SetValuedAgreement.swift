/// Krippendorff's alpha with each coder's whole set of codes per unit as the value
/// (nltk `AnnotationTask.alpha` with a set distance).
///
/// The empty set is a real value ("coded, no code applies"); missing codings are left out;
/// d(S, S) = 0 for every S, including the empty set; d(∅, S) = 1 for non-empty S.
/// MASI uses the exact monotonicity weights 2/3 and 1/3 (nltk ≥ 3.10.1).
public struct SetValuedAgreement: Sendable, Equatable {
    /// Distinct code sets among all values, and among the values of pairable units.
    public let distinctLabelSets: Int
    public let distinctLabelSetsPairable: Int
    public let pairableValues: Int
    /// Distance 1 − J·M (MASI, Passonneau 2006).
    public let alphaMASI: Statistic
    /// Distance 1 − J (Jaccard).
    public let alphaJaccard: Statistic
    /// MASI with nltk ≤ 3.10.0's rounded weights 0.67 and 0.33, to compare with older published figures.
    public let alphaMASILegacyNLTK: Statistic

    /// The three distances of a pair of sets, from their sizes and the size of their intersection.
    struct Distances {
        var masi = 0.0
        var jaccard = 0.0
        var masiLegacy = 0.0

        init() {}

        init(sizeA: Int, sizeB: Int, intersection: Int) {
            if sizeA == sizeB && intersection == sizeA { return }
            let j = Double(intersection) / Double(sizeA + sizeB - intersection)
            let subset = intersection == min(sizeA, sizeB)
            let (m, legacy) = subset ? (2.0 / 3.0, 0.67) : intersection > 0 ? (1.0 / 3.0, 0.33) : (0, 0)
            masi = 1 - j * m
            jaccard = 1 - j
            masiLegacy = 1 - j * legacy
        }

        static func += (a: inout Distances, b: Distances) {
            a.masi += b.masi
            a.jaccard += b.jaccard
            a.masiLegacy += b.masiLegacy
        }

        static func * (w: Double, d: Distances) -> Distances {
            var r = Distances()
            r.masi = w * d.masi
            r.jaccard = w * d.jaccard
            r.masiLegacy = w * d.masiLegacy
            return r
        }
    }

    public init(_ data: ReliabilityData) {
        let sets = LabelSets(data)
        distinctLabelSets = sets.count
        let coders = data.coders.indices
        // Observed disagreement and the count of each distinct set among pairable values.
        var observed = Distances()
        var countOf = [Int](repeating: 0, count: sets.count)
        var n = 0
        var ids: [Int] = []
        for u in data.unitIDs.indices {
            ids.removeAll(keepingCapacity: true)
            for coder in coders where sets.setOf[coder][u] >= 0 { ids.append(Int(sets.setOf[coder][u])) }
            guard ids.count >= 2 else { continue }
            n += ids.count
            var unitSum = Distances()
            for a in ids.indices {
                countOf[ids[a]] += 1
                for b in ids.indices where b > a && ids[a] != ids[b] {
                    unitSum += Distances(
                        sizeA: sets.size(ids[a]), sizeB: sets.size(ids[b]),
                        intersection: sets.intersectionSize(ids[a], ids[b]))
                }
            }
            observed += (2 / Double(ids.count - 1)) * unitSum
        }
        pairableValues = n
        let pairable = countOf.indices.filter { countOf[$0] > 0 }
        distinctLabelSetsPairable = pairable.count
        guard n > 0 else {
            alphaMASI = .undefined(reason: BinaryAgreement.noPairableUnit)
            alphaJaccard = alphaMASI
            alphaMASILegacyNLTK = alphaMASI
            return
        }
        guard pairable.count > 1 else {
            alphaMASI = .undefined(reason: "no variation among pairable values (D_e = 0)")
            alphaJaccard = alphaMASI
            alphaMASILegacyNLTK = alphaMASI
            return
        }
        let expected = Self.expectedDisagreement(sets, pairable.map { ($0, countOf[$0]) })
        let scale = Double(n - 1)
        alphaMASI = .value(1 - scale * observed.masi / expected.masi)
        alphaJaccard = .value(1 - scale * observed.jaccard / expected.jaccard)
        alphaMASILegacyNLTK = .value(1 - scale * observed.masiLegacy / expected.masiLegacy)
    }

    /// Σ over ordered pairs of distinct sets of n_s n_t d(s, t), from the exact number of pairs for each
    /// (|s|, |t|, |s ∩ t|), summed in a fixed order.
    static func expectedDisagreement(_ sets: LabelSets, _ counted: [(id: Int, count: Int)]) -> Distances {
        var sum = Distances()
        OverlapHistogram(sets, counted).forEachGroup { sizeA, sizeB, intersection, pairs in
            sum += Double(pairs) * Distances(sizeA: sizeA, sizeB: sizeB, intersection: intersection)
        }
        return sum
    }
}
