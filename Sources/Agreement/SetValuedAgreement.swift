import Dispatch

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
        var countOf = [Double](repeating: 0, count: sets.count)
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

    /// Σ over ordered pairs of distinct sets of n_s n_t d(s, t).
    ///
    /// Quadratic in the number of distinct sets K, so built for speed: the sets are sorted by size;
    /// for one set s and a block of sets t of one size, d depends only on |s ∩ t|, so the block
    /// only accumulates n_t by intersection size (one AND + popcount per word and pair) and the
    /// distances are applied once per block. The work is split in fixed strided chunks run on all
    /// cores, and the chunks' sums are added in a fixed order, so the result does not depend on scheduling.
    static func expectedDisagreement(_ sets: LabelSets, _ counted: [(id: Int, count: Double)]) -> Distances {
        let scan = PairScan(sets, counted)
        let chunks = 16
        let sums = ConcurrentSlots(count: chunks, initial: Distances())
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var sum = Distances()
            for s in stride(from: chunk, to: scan.counts.count, by: chunks) { sum += scan.row(s) }
            sums.slots[chunk] = sum
        }
        return sums.slots.reduce(into: Distances()) { $0 += $1 }
    }
}

/// The distinct pairable sets sorted by size, ready for the pair scan of `expectedDisagreement`.
private struct PairScan: Sendable {
    let width: Int
    let words: [UInt64]
    let sizes: [Int]
    let counts: [Double]
    /// Index of the first set of each size, then the number of sets.
    let blockStarts: [Int]
    let maxSize: Int
    /// Distances by (size of s, size of t, intersection size).
    let table: [SetValuedAgreement.Distances]

    init(_ sets: LabelSets, _ counted: [(id: Int, count: Double)]) {
        width = sets.width
        let bySize = counted.map { (size: sets.size($0.id), id: $0.id, count: $0.count) }.sorted {
            ($0.size, $0.id) < ($1.size, $1.id)
        }
        words = bySize.flatMap { s in sets.words[(s.id * sets.width)..<(s.id * sets.width + sets.width)] }
        let sizes = bySize.map(\.size)
        self.sizes = sizes
        counts = bySize.map(\.count)
        blockStarts = [0] + sizes.indices.dropFirst().filter { sizes[$0] != sizes[$0 - 1] } + [sizes.count]
        let maxSize = sizes.last ?? 0
        self.maxSize = maxSize
        var table = [SetValuedAgreement.Distances](repeating: .init(), count: (maxSize + 1) * (maxSize + 1) * (maxSize + 1))
        for a in 0...maxSize {
            for b in 0...maxSize {
                for i in 0...min(a, b) {
                    table[(a * (maxSize + 1) + b) * (maxSize + 1) + i] = .init(sizeA: a, sizeB: b, intersection: i)
                }
            }
        }
        self.table = table
    }

    /// 2 n_s Σ_{t > s} n_t d(s, t).
    func row(_ s: Int) -> SetValuedAgreement.Distances {
        var byIntersection = [Double](repeating: 0, count: maxSize + 1)
        var rowSum = SetValuedAgreement.Distances()
        let sizeS = sizes[s]
        var block = blockStarts.firstIndex { $0 > s }! - 1
        var start = s + 1
        words.withUnsafeBufferPointer { words in
            counts.withUnsafeBufferPointer { counts in
                while start < counts.count {
                    let end = blockStarts[block + 1]
                    let sizeT = sizes[start]
                    let most = min(sizeS, sizeT)
                    for i in 0...most { byIntersection[i] = 0 }
                    for t in start..<end {
                        var inter = 0
                        for w in 0..<width { inter &+= (words[s * width + w] & words[t * width + w]).nonzeroBitCount }
                        byIntersection[inter] += counts[t]
                    }
                    for i in 0...most where byIntersection[i] != 0 {
                        rowSum += byIntersection[i] * table[(sizeS * (maxSize + 1) + sizeT) * (maxSize + 1) + i]
                    }
                    start = end
                    block += 1
                }
            }
        }
        return (2 * counts[s]) * rowSum
    }
}
