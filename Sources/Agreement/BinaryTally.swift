/// Everything the per-code statistics need to know about one binary variable ("the code was applied"),
/// as counts. Tallies of several codes add up to the tally of the pooled (unit, code) variable.
struct BinaryTally: Sendable, Equatable {
    let coderCount: Int
    /// `unitsByType[m][r]`: units finished by `m` coders of whom `r` applied the code.
    var unitsByType: [[Int]]
    /// Per coder pair (i < j, in lexicographic order): units both finished, and those on which they differ.
    var pairsBoth: [Int]
    var pairsDiffer: [Int]
    /// With exactly two coders, the 2×2 table on jointly finished units: `cohenTable[x1][x2]`.
    var cohenTable: [[Int]]?

    /// The tally of a variable on no unit at all (the pooled view of an empty code universe).
    static func empty(coders: Int) -> BinaryTally {
        let pairs = coders * (coders - 1) / 2
        return BinaryTally(
            coderCount: coders,
            unitsByType: Array(repeating: Array(repeating: 0, count: coders + 1), count: coders + 1),
            pairsBoth: Array(repeating: 0, count: pairs), pairsDiffer: Array(repeating: 0, count: pairs),
            cohenTable: coders == 2 ? [[0, 0], [0, 0]] : nil)
    }

    static func + (a: BinaryTally, b: BinaryTally) -> BinaryTally {
        var sum = a
        for m in sum.unitsByType.indices {
            for r in sum.unitsByType[m].indices { sum.unitsByType[m][r] += b.unitsByType[m][r] }
        }
        for p in sum.pairsBoth.indices {
            sum.pairsBoth[p] += b.pairsBoth[p]
            sum.pairsDiffer[p] += b.pairsDiffer[p]
        }
        if let bt = b.cohenTable, var table = sum.cohenTable {
            for x in 0..<2 { for y in 0..<2 { table[x][y] += bt[x][y] } }
            sum.cohenTable = table
        }
        return sum
    }
}

/// Tallies the codes of one `ReliabilityData`, sharing the code-independent counts.
///
/// Cost per code is proportional to the number of applications plus N/64 words per coder pair,
/// so all codes of a large study tally in milliseconds.
struct BinaryTallier {
    let data: ReliabilityData
    /// m_u: how many coders finished each unit.
    private let codersPerUnit: [UInt8]
    /// Units by m_u, as if nobody had applied the code.
    private let unitsByCoderCount: [Int]
    private let coderPairs: [(Int, Int)]
    private let pairsBoth: [Int]

    init(_ data: ReliabilityData) {
        self.data = data
        let coderCount = data.coders.count
        var perUnit = [UInt8](repeating: 0, count: data.unitIDs.count)
        for coded in data.coded { coded.forEachMember { perUnit[$0] += 1 } }
        codersPerUnit = perUnit
        var byCount = [Int](repeating: 0, count: coderCount + 1)
        for m in perUnit { byCount[Int(m)] += 1 }
        unitsByCoderCount = byCount
        coderPairs = (0..<coderCount).flatMap { i in (i + 1..<coderCount).map { (i, $0) } }
        pairsBoth = coderPairs.map { Bitset.intersectionCount(data.coded[$0.0], data.coded[$0.1]) }
    }

    /// Tally of one code; `scratch` must hold one zero per unit and is left that way.
    func tally(code: Int, scratch: inout [UInt8], touched: inout [Int]) -> BinaryTally {
        let coderCount = data.coders.count
        let applied = data.applied[code]
        touched.removeAll(keepingCapacity: true)
        for coder in 0..<coderCount {
            applied[coder].forEachMember { u in
                if scratch[u] == 0 { touched.append(u) }
                scratch[u] += 1
            }
        }
        var byType = (0...coderCount).map { m in
            [unitsByCoderCount[m]] + [Int](repeating: 0, count: coderCount)
        }
        for u in touched {
            let m = Int(codersPerUnit[u])
            byType[m][0] -= 1
            byType[m][Int(scratch[u])] += 1
            scratch[u] = 0
        }
        let differ = coderPairs.map { (i, j) in
            let (ai, aj, ci, cj) = (applied[i].words, applied[j].words, data.coded[i].words, data.coded[j].words)
            var n = 0
            for w in ai.indices { n += ((ai[w] ^ aj[w]) & ci[w] & cj[w]).nonzeroBitCount }
            return n
        }
        var table: [[Int]]?
        if coderCount == 2 {
            let n11 = Bitset.intersectionCount(applied[0], applied[1])
            let n10 = Bitset.intersectionCount(applied[0], data.coded[1]) - n11
            let n01 = Bitset.intersectionCount(applied[1], data.coded[0]) - n11
            table = [[pairsBoth[0] - n11 - n10 - n01, n01], [n10, n11]]
        }
        return BinaryTally(
            coderCount: coderCount, unitsByType: byType, pairsBoth: pairsBoth, pairsDiffer: differ,
            cohenTable: table)
    }

    /// Tallies of every code, in code order.
    func tallies() -> [BinaryTally] {
        var scratch = [UInt8](repeating: 0, count: data.unitIDs.count)
        var touched: [Int] = []
        return data.codes.indices.map { tally(code: $0, scratch: &scratch, touched: &touched) }
    }
}
