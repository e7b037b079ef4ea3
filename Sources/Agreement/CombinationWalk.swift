import Dispatch

/// The binomial moments of `OverlapHistogram`, M_j(a, b) = Σ n_s n_t C(|s ∩ t|, j) over ordered pairs of distinct
/// sets of sizes a and b, from a depth-first walk over the code combinations the sets share.
///
/// A combination T is extended only with codes ranked after its last, carrying the sets that hold it; each
/// combination is met once. A node adds (Σ n over its sets of size a)(the same for b), less the pairs s = t, to
/// M_|T|(a, b). Once few sets hold T, their pairs are counted one by one instead: a pair sharing r
/// more codes ranked after T's last shares C(r, u) of the combinations below T of size |T| + u. Codes held by every
/// set of a node (its core) are not walked one at a time: they multiply the node's combination sizes by (1 + x)^k,
/// kept as a polynomial per depth.
///
/// So the walk goes on only from combinations held by more than `cutoff` distinct sets, and counts a node's pairs
/// one by one only when they are that few or cost at most `pairsPerExtension` times what walking on would. The cost
/// is linear in the number of distinct sets as long as the combinations held that widely stay few; it grows
/// exponentially only with the size of such combinations.
///
/// Its working memory is raw buffers owned by the walk: the walk is the hot loop of `thematic agree`. The walk of the
/// empty combination is read by the walkers of its children side by side once it is done, never written again.
final class CombinationWalk: @unchecked Sendable {
    /// A node with this many sets or fewer has its pairs counted one by one.
    static let cutoff = 12
    /// So has a node whose pairs are at most this many times the codes its sets could be extended with: walking
    /// on would cost more than comparing them (measured on the benchmark's 17,000 distinct sets).
    static let pairsPerExtension = 4

    private let width: Int
    private let side: Int
    private let rankCount: Int
    private let bits: UnsafeMutableBufferPointer<UInt64>
    private let sizes: UnsafeMutableBufferPointer<Int>
    private let counts: UnsafeMutableBufferPointer<Int>
    /// C(n, k) at `[n * side + k]`.
    private let binomial: UnsafeMutableBufferPointer<Int>
    /// M_j(a, b) at `[(a * side + b) * side + j]` for a ≤ b (a < b: pairs with |s| = a and |t| = b).
    private let moments: UnsafeMutableBufferPointer<Int>
    /// The sets of the nodes on the current path and of their children, by position; grows as needed.
    private var arena: UnsafeMutableBufferPointer<Int32>
    private var arenaCount: Int
    /// Per depth: the ranks a node may still be extended with (`width` words), and the first word that may hold one
    /// (the words below its last rank's are empty).
    private let allowed: UnsafeMutableBufferPointer<UInt64>
    private let firstWord: UnsafeMutableBufferPointer<Int>
    /// Per depth: how many combinations of each size the node stands for (`side` coefficients), and the lowest and
    /// highest size with a non-zero one.
    private let polynomial: UnsafeMutableBufferPointer<Int>
    private let lowest: UnsafeMutableBufferPointer<Int>
    private let highest: UnsafeMutableBufferPointer<Int>
    /// Per rank, while a node lays out its children: how many of its sets hold the rank, then where the next goes.
    private let childCount: UnsafeMutableBufferPointer<Int>
    private let childCursor: UnsafeMutableBufferPointer<Int>
    private let touched: UnsafeMutableBufferPointer<UInt64>
    /// The children of the nodes on the current path, as (rank, start in `arena`, number of sets).
    private let children: UnsafeMutableBufferPointer<Int>
    private var childrenCount = 0
    private let weightBySize: UnsafeMutableBufferPointer<Int>
    private let squaresBySize: UnsafeMutableBufferPointer<Int>
    /// The sizes of a node's sets, as a bitset over sizes, then in increasing order.
    private let sizesPresent: UnsafeMutableBufferPointer<UInt64>
    private let presentSizes: UnsafeMutableBufferPointer<Int>

    init(_ sets: RankedCodeSets) {
        let side = sets.side
        width = sets.width
        self.side = side
        rankCount = sets.rankCount
        bits = .allocate(copying: sets.bits)
        sizes = .allocate(copying: sets.sizes)
        counts = .allocate(copying: sets.counts)
        let binomials = Binomials(side)
        binomial = .allocate(copying: (0..<(side * side)).map { binomials[$0 / side, $0 % side] })
        moments = .allocate(zeroed: side * side * side)
        arena = .allocate(copying: (0..<sets.counts.count).map { Int32($0) })
        arenaCount = sets.counts.count
        let depths = side + 1
        allowed = .allocate(zeroed: depths * width)
        firstWord = .allocate(zeroed: depths)
        polynomial = .allocate(zeroed: depths * side)
        lowest = .allocate(zeroed: depths)
        highest = .allocate(zeroed: depths)
        childCount = .allocate(zeroed: width * 64)
        childCursor = .allocate(zeroed: width * 64)
        touched = .allocate(zeroed: width)
        children = .allocate(zeroed: 3 * depths * max(1, rankCount))
        weightBySize = .allocate(zeroed: side)
        squaresBySize = .allocate(zeroed: side)
        sizesPresent = .allocate(zeroed: (side + 63) / 64)
        presentSizes = .allocate(zeroed: side)
    }

    deinit {
        for buffer in [bits, touched, allowed, sizesPresent] as [UnsafeMutableBufferPointer<UInt64>] {
            buffer.deallocate()
        }
        for buffer in [
            sizes, counts, binomial, moments, polynomial, lowest, highest, firstWord, childCount, childCursor, children,
            weightBySize, squaresBySize, presentSizes,
        ] as [UnsafeMutableBufferPointer<Int>] { buffer.deallocate() }
        arena.deallocate()
    }

    /// The moments of every pair of `sets`. The empty combination is visited once, and the walks below its children
    /// are shared out among `chunks` walkers side by side (child i to walker i modulo `chunks`), each starting from a
    /// copy of its state: their moments add up to the whole.
    static func moments(_ sets: RankedCodeSets, chunks: Int) -> [Int] {
        let root = CombinationWalk(sets)
        for rank in 0..<root.rankCount { root.allowed[rank / 64] |= 1 << UInt64(rank % 64) }
        root.polynomial[0] = 1
        guard root.visitOwnPairs(depth: 0, start: 0, count: root.arenaCount) else { return Array(root.moments) }
        let parts = ConcurrentSlots(count: chunks, initial: [Int]())
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let walker = CombinationWalk(sets)
            walker.continueFrom(root)
            walker.visitChildren(depth: 0, first: 0, last: root.childrenCount, chunk: chunk, of: chunks)
            parts.slots[chunk] = Array(walker.moments)
        }
        var total = Array(root.moments)
        for part in parts.slots {
            for index in total.indices { total[index] &+= part[index] }
        }
        return total
    }

    /// Takes the state `root` left after visiting the empty combination: its children laid out, no moments.
    private func continueFrom(_ root: CombinationWalk) {
        reserveArena(root.arenaCount)
        for x in 0..<root.arenaCount { arena[x] = root.arena[x] }
        arenaCount = root.arenaCount
        for index in 0..<(3 * root.childrenCount) { children[index] = root.children[index] }
        childrenCount = root.childrenCount
        for w in 0..<width { allowed[w] = root.allowed[w] }
        for j in 0..<side { polynomial[j] = root.polynomial[j] }
        (lowest[0], highest[0], firstWord[0]) = (root.lowest[0], root.highest[0], root.firstWord[0])
    }

    private func visit(depth: Int, start: Int, count: Int) {
        let (first, arenaStart) = (childrenCount, arenaCount)
        guard visitOwnPairs(depth: depth, start: start, count: count) else { return }
        visitChildren(depth: depth, first: first, last: childrenCount, chunk: 0, of: 1)
        (childrenCount, arenaCount) = (first, arenaStart)
    }

    /// Adds the node's own pairs and, unless it counted them one by one, lays out its children after its sets and
    /// pushes them on `children`: true when it has children to visit.
    private func visitOwnPairs(depth: Int, start: Int, count: Int) -> Bool {
        if count <= Self.cutoff {
            // Its core need not be split off: a pair sharing k core codes and r others adds
            // C(k + r, u) = Σ C(k, i) C(r, u − i), the same as (1 + x)^k times C(r, ·).
            addPairsOneByOne(depth: depth, start: start, count: count)
            return false
        }
        let extensions = tallyRanks(depth: depth, start: start, count: count)
        if count * (count - 1) / 2 <= Self.pairsPerExtension * extensions {
            clearTally()
            addPairsOneByOne(depth: depth, start: start, count: count)
            return false
        }
        addNodeMoments(depth: depth, start: start, count: count)
        layOutChildren(depth: depth, start: start, count: count)
        return true
    }

    /// Visits the children `first..<last` of a node at `depth` whose position among them is `chunk` modulo `chunks`.
    private func visitChildren(depth: Int, first: Int, last: Int, chunk: Int, of chunks: Int) {
        let mask = depth * width
        let next = mask + width
        for child in Swift.stride(from: first + chunk, to: last, by: chunks) {
            let rank = children[3 * child]
            firstWord[depth + 1] = rank / 64
            for w in (rank / 64)..<width {
                let above: UInt64 = w < rank / 64 ? 0 : w > rank / 64 ? ~0 : (~0 << UInt64(rank % 64)) << 1
                allowed[next + w] = allowed[mask + w] & above
            }
            for j in 0..<side { polynomial[(depth + 1) * side + j] = 0 }
            for j in lowest[depth]...highest[depth] {
                polynomial[(depth + 1) * side + j + 1] = polynomial[depth * side + j]
            }
            lowest[depth + 1] = lowest[depth] + 1
            highest[depth + 1] = highest[depth] + 1
            visit(depth: depth + 1, start: children[3 * child + 1], count: children[3 * child + 2])
        }
    }

    /// Counts in `childCount` how many of the node's sets hold each rank it may be extended with (marking them in
    /// `touched`), splits off its core (the ranks every set holds) into its polynomial, and returns how many
    /// extensions its sets have beyond the core.
    private func tallyRanks(depth: Int, start: Int, count: Int) -> Int {
        let mask = depth * width
        let (arena, bits, allowed, touched, childCount) = (
            self.arena, self.bits, self.allowed, self.touched, self.childCount
        )
        for w in 0..<width { touched[w] = 0 }
        let from = firstWord[depth]
        for x in start..<(start &+ count) {
            let s = Int(arena[x]) &* width
            for w in from..<width {
                var word = bits[s &+ w] & allowed[mask &+ w]
                touched[w] |= word
                while word != 0 {
                    childCount[w &* 64 &+ word.trailingZeroBitCount] &+= 1
                    word &= word &- 1
                }
            }
        }
        var coreSize = 0
        var extensions = 0
        for w in from..<width {
            var word = touched[w]
            while word != 0 {
                let bit = word.trailingZeroBitCount
                word &= word &- 1
                let held = childCount[w &* 64 &+ bit]
                if held == count {
                    allowed[mask &+ w] &= ~(1 << UInt64(bit))
                    touched[w] &= ~(1 << UInt64(bit))
                    childCount[w &* 64 &+ bit] = 0
                    coreSize &+= 1
                } else {
                    extensions &+= held
                }
            }
        }
        if coreSize > 0 { multiplyByBinomial(depth: depth, power: coreSize) }
        return extensions
    }

    /// Zeroes the counts `tallyRanks` left.
    private func clearTally() {
        for w in 0..<width {
            var word = touched[w]
            while word != 0 {
                childCount[w &* 64 &+ word.trailingZeroBitCount] = 0
                word &= word &- 1
            }
        }
    }

    /// The node's polynomial times (1 + x)^power.
    private func multiplyByBinomial(depth: Int, power: Int) {
        let base = depth * side
        let (low, high) = (lowest[depth], highest[depth])
        for j in stride(from: high + power, through: low, by: -1) {
            var sum = 0
            for u in max(0, j - high)...min(power, j - low) {
                sum &+= polynomial[base + j - u] &* binomial[power * side + u]
            }
            polynomial[base + j] = sum
        }
        highest[depth] = high + power
    }

    /// Every pair of the node's sets with the combinations below the node they share.
    private func addPairsOneByOne(depth: Int, start: Int, count: Int) {
        let (arena, bits, allowed, sizes, counts) = (self.arena, self.bits, self.allowed, self.sizes, self.counts)
        let (polynomial, binomial, moments, side, width) = (self.polynomial, self.binomial, self.moments, side, width)
        let (low, high) = (lowest[depth], highest[depth])
        let mask = depth * width
        let from = firstWord[depth]
        let coefficients = depth &* side
        for x in start..<(start &+ count) {
            let s = Int(arena[x])
            let (sizeS, countS) = (sizes[s], counts[s])
            for y in (x &+ 1)..<(start &+ count) {
                let t = Int(arena[y])
                var shared = 0
                for w in from..<width {
                    shared &+= (bits[s &* width &+ w] & bits[t &* width &+ w] & allowed[mask &+ w]).nonzeroBitCount
                }
                let (a, b) = (min(sizeS, sizes[t]), max(sizeS, sizes[t]))
                let weight = countS &* counts[t] &* (a == b ? 2 : 1)
                let row = (a &* side &+ b) &* side
                for j in low...high {
                    let combinations = weight &* polynomial[coefficients &+ j]
                    for u in 0...shared {
                        moments[row &+ j &+ u] &+= combinations &* binomial[shared &* side &+ u]
                    }
                }
            }
        }
    }

    /// Σ n_s n_t over the ordered pairs of distinct sets of the node, by their sizes, for each size of combination.
    private func addNodeMoments(depth: Int, start: Int, count: Int) {
        let (arena, sizes, counts, polynomial, moments, side) = (arena, sizes, counts, polynomial, moments, side)
        let (weightBySize, squaresBySize, sizesPresent, presentSizes) = (
            weightBySize, squaresBySize, sizesPresent, presentSizes
        )
        for x in start..<(start &+ count) {
            let s = Int(arena[x])
            let size = sizes[s]
            sizesPresent[size &>> 6] |= 1 &<< UInt64(size & 63)
            weightBySize[size] &+= counts[s]
            squaresBySize[size] &+= counts[s] &* counts[s]
        }
        var present = 0
        for w in sizesPresent.indices {
            var word = sizesPresent[w]
            while word != 0 {
                presentSizes[present] = w &* 64 &+ word.trailingZeroBitCount
                present &+= 1
                word &= word &- 1
            }
            sizesPresent[w] = 0
        }
        let (low, high) = (lowest[depth], highest[depth])
        let coefficients = depth &* side
        for p in 0..<present {
            let a = presentSizes[p]
            for q in p..<present {
                let b = presentSizes[q]
                let pairs =
                    a < b
                    ? weightBySize[a] &* weightBySize[b] : weightBySize[a] &* weightBySize[a] &- squaresBySize[a]
                let row = (a &* side &+ b) &* side
                for j in low...high { moments[row &+ j] &+= pairs &* polynomial[coefficients &+ j] }
            }
        }
        for p in 0..<present {
            weightBySize[presentSizes[p]] = 0
            squaresBySize[presentSizes[p]] = 0
        }
    }

    /// Lays out after the node's sets in `arena` the sets of each child held by two or more of them (a child with
    /// one set has no pair), from the counts of `tallyRanks`, and pushes where they are on `children`.
    private func layOutChildren(depth: Int, start: Int, count: Int) {
        let mask = depth * width
        var cursor = arenaCount
        for w in 0..<width {
            var word = touched[w]
            while word != 0 {
                let rank = w * 64 + word.trailingZeroBitCount
                word &= word - 1
                childCursor[rank] = -1
                if childCount[rank] < 2 { continue }
                children[3 * childrenCount] = rank
                children[3 * childrenCount + 1] = cursor
                children[3 * childrenCount + 2] = childCount[rank]
                childrenCount += 1
                childCursor[rank] = cursor
                cursor += childCount[rank]
            }
        }
        reserveArena(cursor)
        let (arena, bits, allowed, childCursor) = (self.arena, self.bits, self.allowed, self.childCursor)
        let from = firstWord[depth]
        for x in start..<(start &+ count) {
            let s = arena[x]
            for w in from..<width {
                var word = bits[Int(s) &* width &+ w] & allowed[mask &+ w]
                while word != 0 {
                    let rank = w &* 64 &+ word.trailingZeroBitCount
                    word &= word &- 1
                    let position = childCursor[rank]
                    if position >= 0 {
                        arena[position] = s
                        childCursor[rank] = position &+ 1
                    }
                }
            }
        }
        clearTally()
        arenaCount = cursor
    }

    private func reserveArena(_ capacity: Int) {
        guard capacity > arena.count else { return }
        let grown = UnsafeMutableBufferPointer<Int32>.allocate(capacity: Swift.max(capacity, 2 * arena.count))
        _ = grown.initialize(from: arena[..<arenaCount])
        arena.deallocate()
        arena = grown
    }
}

extension UnsafeMutableBufferPointer where Element: FixedWidthInteger {
    fileprivate static func allocate(zeroed count: Int) -> Self {
        let buffer = allocate(capacity: count)
        buffer.initialize(repeating: 0)
        return buffer
    }
}

extension UnsafeMutableBufferPointer {
    fileprivate static func allocate(copying elements: [Element]) -> Self {
        let buffer = allocate(capacity: Swift.max(1, elements.count))
        _ = buffer.initialize(from: elements)
        return buffer
    }
}
