/// How many ordered pairs (s, t) of distinct code sets there are for each size of s, size of t and size of s ∩ t,
/// each set weighted by its number of values: all the set-valued alphas need to know of the expected disagreement,
/// since their distances depend on these three sizes only. Counted exactly, in integers, without visiting the pairs
/// one by one (which is quadratic in the number of distinct sets).
///
/// The binomial moments M_j(a, b) = Σ n_s n_t C(|s ∩ t|, j) are sums over the j-code combinations shared by the two
/// sets (`CombinationWalk`); the counts by intersection size E_i follow by binomial inversion,
/// E_i = Σ_{j ≥ i} (−1)^(j−i) C(j, i) M_j. The moments may exceed `Int.max`: every step is a ring operation done
/// modulo 2^64 (`&+`, `&*`), and the counts themselves, at most N² for N pairable values (below 2^63 while
/// N < 3·10^9), come out exact.
struct OverlapHistogram {
    /// One more than the largest set size.
    let side: Int
    /// `pairs[(a * side + b) * side + i]` for a ≤ b: ordered pairs with sizes a and b, in either order, sharing i codes.
    private let pairs: [Int]

    /// `counted`: the distinct sets of `sets` to pair, each with its number of values.
    init(_ sets: LabelSets, _ counted: [(id: Int, count: Int)]) {
        let ranked = RankedCodeSets(sets, counted)
        let side = ranked.side
        self.side = side
        let total = CombinationWalk.moments(ranked, chunks: 8)
        let binomial = Binomials(side)
        var pairs = [Int](repeating: 0, count: side * side * side)
        for a in 0..<side {
            for b in a..<side {
                let row = (a * side + b) * side
                let orders = a < b ? 2 : 1
                for i in 0...a {
                    var count = 0
                    for j in i...a {
                        let term = binomial[j, i] &* total[row + j]
                        count = (j - i) % 2 == 0 ? count &+ term : count &- term
                    }
                    pairs[row + i] = count &* orders
                }
            }
        }
        self.pairs = pairs
    }

    /// Calls `body` with every (size of s, size of t, |s ∩ t|) with a ≤ b that some pair has, and the number of
    /// ordered pairs of distinct sets with those sizes in either order, always in the same order.
    func forEachGroup(_ body: (_ sizeA: Int, _ sizeB: Int, _ intersection: Int, _ pairs: Int) -> Void) {
        for a in 0..<side {
            for b in a..<side {
                for i in 0...a where pairs[(a * side + b) * side + i] != 0 {
                    body(a, b, i, pairs[(a * side + b) * side + i])
                }
            }
        }
    }
}

/// Binomial coefficients C(n, k) for n < side, modulo 2^64 (exact while they fit).
struct Binomials: Sendable {
    let side: Int
    private let table: [Int]

    init(_ side: Int) {
        self.side = side
        var table = [Int](repeating: 0, count: side * side)
        for n in 0..<side {
            table[n * side] = 1
            for k in stride(from: 1, through: n, by: 1) {
                table[n * side + k] = table[(n - 1) * side + k - 1] &+ table[(n - 1) * side + k]
            }
        }
        self.table = table
    }

    subscript(n: Int, k: Int) -> Int { table[n * side + k] }
}

/// The sets to pair, over the codes held by two or more of them ranked rarest first: a code held by one set only
/// never lies in an intersection, and walking rare codes first keeps the sets carried down the walk few. The sets are
/// in an order of their own, not that of `counted`.
struct RankedCodeSets: Sendable {
    /// The codes of each set, as `width` words over the ranks.
    let bits: [UInt64]
    let width: Int
    /// Every code of each set, ranked or not.
    let sizes: [Int]
    let counts: [Int]
    let rankCount: Int
    let side: Int

    init(_ sets: LabelSets, _ counted: [(id: Int, count: Int)]) {
        var holders = [Int](repeating: 0, count: sets.width * 64)
        var sizes: [Int] = []
        for (id, _) in counted {
            var size = 0
            for w in 0..<sets.width {
                var word = sets.words[id * sets.width + w]
                size += word.nonzeroBitCount
                while word != 0 {
                    holders[w * 64 + word.trailingZeroBitCount] += 1
                    word &= word - 1
                }
            }
            sizes.append(size)
        }
        let shared = holders.indices.filter { holders[$0] >= 2 }.sorted { (holders[$0], $0) < (holders[$1], $1) }
        var rankOf = [Int](repeating: -1, count: holders.count)
        for (rank, code) in shared.enumerated() { rankOf[code] = rank }
        let width = max(1, (shared.count + 63) / 64)
        var bits = [UInt64](repeating: 0, count: counted.count * width)
        for (position, set) in counted.enumerated() {
            for w in 0..<sets.width {
                var word = sets.words[set.id * sets.width + w]
                while word != 0 {
                    let rank = rankOf[w * 64 + word.trailingZeroBitCount]
                    word &= word - 1
                    if rank >= 0 { bits[position * width + rank / 64] |= 1 << UInt64(rank % 64) }
                }
            }
        }
        // The sets in decreasing order of their bits read from the commonest rank down: the sets holding the same
        // common codes, which the deep and wide part of the walk reads again and again, then lie side by side in
        // memory (a fifth less time for the walk on 50,000 x 3 x 150). The moments do not depend on the order.
        let order = counted.indices.sorted { p, q in
            for w in stride(from: width - 1, through: 0, by: -1) where bits[p * width + w] != bits[q * width + w] {
                return bits[p * width + w] > bits[q * width + w]
            }
            return p < q
        }
        self.bits = order.flatMap { bits[($0 * width)..<(($0 + 1) * width)] }
        self.width = width
        self.sizes = order.map { sizes[$0] }
        counts = order.map { counted[$0].count }
        rankCount = shared.count
        side = (sizes.max() ?? 0) + 1
    }
}
