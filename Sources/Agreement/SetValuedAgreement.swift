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

    /// Σ over ordered pairs of distinct sets of n_s n_t d(s, t).
    ///
    /// Quadratic in the number of distinct sets K, so built for speed. d(s, t) depends only on |s|, |t|
    /// and |s ∩ t|, and most pairs are disjoint: for each s, the sets overlapping it are found as the
    /// union of per-code bitsets over all sets (K/64 words per code of s); only those are visited one by
    /// one, and the disjoint ones are counted by size from running totals. The work is split in fixed
    /// strided chunks run on all cores, and the chunks' sums are added in a fixed order, so the result
    /// does not depend on scheduling.
    static func expectedDisagreement(_ sets: LabelSets, _ counted: [(id: Int, count: Int)]) -> Distances {
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
    let counts: [Int]
    let sizes: [Int]
    /// The codes of each set.
    let members: [[Int]]
    /// Per code, a bitset of the sets (by position in size order) that contain it; `wordCount` words each.
    let holders: [UInt64]
    let wordCount: Int
    /// `countBySizeAfter[i][z]`: Σ counts of the sets of size z at positions ≥ i.
    let countBySizeAfter: [[Int]]
    let maxSize: Int
    /// Distances by (size of s, size of t, intersection size).
    let table: [SetValuedAgreement.Distances]

    init(_ sets: LabelSets, _ counted: [(id: Int, count: Int)]) {
        let bySize = counted.map { (size: sets.size($0.id), id: $0.id, count: $0.count) }.sorted {
            ($0.size, $0.id) < ($1.size, $1.id)
        }
        let k = bySize.count
        let codeCount = sets.width * 64
        counts = bySize.map(\.count)
        let sizes = bySize.map(\.size)
        self.sizes = sizes
        let maxSize = sizes.last ?? 0
        self.maxSize = maxSize
        members = bySize.map { set in
            (0..<codeCount).filter { sets.words[set.id * sets.width + $0 / 64] & (1 << UInt64($0 % 64)) != 0 }
        }
        let wordCount = (k + 63) / 64
        self.wordCount = wordCount
        var holders = [UInt64](repeating: 0, count: wordCount * codeCount)
        for (position, codes) in members.enumerated() {
            for code in codes { holders[code * wordCount + position / 64] |= 1 << UInt64(position % 64) }
        }
        self.holders = holders
        var after = [[Int]](repeating: [Int](repeating: 0, count: maxSize + 1), count: k + 1)
        for position in stride(from: k - 1, through: 0, by: -1) {
            after[position] = after[position + 1]
            after[position][sizes[position]] += counts[position]
        }
        countBySizeAfter = after
        var table = [SetValuedAgreement.Distances](
            repeating: .init(), count: (maxSize + 1) * (maxSize + 1) * (maxSize + 1))
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
    ///
    /// 64 sets t at a time, |s ∩ t| is counted in bit-sliced counters (one plane per bit of the count)
    /// by adding the bitsets of the codes of s; only the sets with a non-zero count are visited.
    func row(_ s: Int) -> SetValuedAgreement.Distances {
        let side = maxSize + 1
        let sizeS = sizes[s]
        let codes = members[s]
        // Overlap counts by (size of t, |s ∩ t|) for the sets t > s sharing a code with s.
        var overlapping = [Int](repeating: 0, count: side * side)
        var planes = [UInt64](repeating: 0, count: max(1, Int.bitWidth - sizeS.leadingZeroBitCount))
        holders.withUnsafeBufferPointer { holders in
            counts.withUnsafeBufferPointer { counts in
                sizes.withUnsafeBufferPointer { sizes in
                    let firstWord = (s + 1) / 64
                    for word in codes.isEmpty ? 0..<0 : firstWord..<wordCount {
                        for j in planes.indices { planes[j] = 0 }
                        for code in codes {
                            var carry = holders[code &* wordCount &+ word]
                            var j = 0
                            while carry != 0 {
                                let next = planes[j] & carry
                                planes[j] ^= carry
                                carry = next
                                j += 1
                            }
                        }
                        var bits = planes.reduce(0, |)
                        if word == firstWord { bits &= ~0 << UInt64((s + 1) % 64) }
                        while bits != 0 {
                            let b = bits.trailingZeroBitCount
                            bits &= bits - 1
                            var inter = 0
                            for j in planes.indices { inter |= Int((planes[j] >> UInt64(b)) & 1) << j }
                            let t = word &* 64 &+ b
                            overlapping[sizes[t] &* side &+ inter] &+= counts[t]
                        }
                    }
                }
            }
        }
        var rowSum = SetValuedAgreement.Distances()
        for sizeT in 0...maxSize {
            var disjoint = countBySizeAfter[s + 1][sizeT]
            for inter in 1..<side where overlapping[sizeT * side + inter] != 0 {
                let n = overlapping[sizeT * side + inter]
                disjoint -= n
                rowSum += Double(n) * table[(sizeS * side + sizeT) * side + inter]
            }
            if disjoint != 0 { rowSum += Double(disjoint) * table[(sizeS * side + sizeT) * side] }
        }
        return Double(2 * counts[s]) * rowSum
    }
}
