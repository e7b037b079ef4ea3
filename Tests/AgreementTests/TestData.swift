import Agreement

/// Small builders for reliability data in tests.
enum TestData {
    /// Data from rows of codings: `rows[u][coder]` is nil (not finished) or the applied codes.
    static func make(coders: [String], codes: [String], _ rows: [[[String]?]]) -> ReliabilityData {
        var data = ReliabilityData(unitIDs: rows.indices.map { "u\($0 + 1)" }, coders: coders, codes: codes)
        for (u, row) in rows.enumerated() {
            for (coder, applied) in row.enumerated() {
                data.setCoding(unit: u, coder: coder, codes: applied.map { $0.map { codes.firstIndex(of: $0)! } })
            }
        }
        return data
    }

    /// The same data with the units in `order` (a permutation of the unit indices).
    static func permutingUnits(_ data: ReliabilityData, _ order: [Int]) -> ReliabilityData {
        var result = ReliabilityData(unitIDs: order.map { data.unitIDs[$0] }, coders: data.coders, codes: data.codes)
        for (new, old) in order.enumerated() {
            for coder in data.coders.indices {
                result.setCoding(unit: new, coder: coder, codes: data.coding(unit: old, coder: coder))
            }
        }
        return result
    }

    /// The same data plus a coder who copies coder `original` on every unit.
    static func addingCopy(of original: Int, to data: ReliabilityData) -> ReliabilityData {
        var result = ReliabilityData(unitIDs: data.unitIDs, coders: data.coders + ["copy"], codes: data.codes)
        for u in data.unitIDs.indices {
            for coder in data.coders.indices {
                result.setCoding(unit: u, coder: coder, codes: data.coding(unit: u, coder: coder))
            }
            result.setCoding(unit: u, coder: data.coders.count, codes: data.coding(unit: u, coder: original))
        }
        return result
    }

    /// Every coder codes exactly as coder 0 (missing where coder 0 is missing).
    static func identicalCoders(_ data: ReliabilityData) -> ReliabilityData {
        var result = data
        for u in data.unitIDs.indices {
            for coder in data.coders.indices.dropFirst() {
                result.setCoding(unit: u, coder: coder, codes: data.coding(unit: u, coder: 0))
            }
        }
        return result
    }

    /// A seeded random permutation of 0..<count (Fisher–Yates).
    static func permutation(_ count: Int, _ rng: inout SplitMix64) -> [Int] {
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        return order
    }
}

/// Figures that agree to within a tolerance (undefined must match undefined).
func figuresAgree(_ a: NamedFigures, _ b: NamedFigures, tolerance: Double = 1e-9) -> Bool {
    guard a.entries.map(\.key) == b.entries.map(\.key) else { return false }
    return zip(a.entries, b.entries).allSatisfy { x, y in
        switch (x.figure, y.figure) {
        case (.count(let m), .count(let n)): return m == n
        case (.statistic(.value(let v)), .statistic(.value(let w))): return abs(v - w) <= tolerance
        case (.statistic(.undefined(let r)), .statistic(.undefined(let s))): return r == s
        default: return false
        }
    }
}
