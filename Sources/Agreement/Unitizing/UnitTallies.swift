/// Per value, over all coders: the units' total length and Σ length², and the length the coders share with that
/// value, Σ_{i≠j}, from one merge-walk per coder pair.
struct UnitTallies {
    let lists: [UnitList]
    var covered: [Int]
    var squaredLengths: [Int]
    /// Σ over ordered pairs of different coders of the length both gave the value.
    var pairOverlaps: [Int]

    init(_ lists: [UnitList], values: Int) {
        self.lists = lists
        covered = Array(repeating: 0, count: values)
        squaredLengths = covered
        pairOverlaps = covered
        for list in lists {
            for index in 0..<list.count {
                let length = list.ends[index] - list.starts[index]
                covered[list.codes[index]] += length
                squaredLengths[list.codes[index]] += length * length
            }
        }
        for i in lists.indices {
            for j in lists.indices where j > i { lists[i].addOverlapsByCode(with: lists[j], into: &pairOverlaps) }
        }
        pairOverlaps = pairOverlaps.map { 2 * $0 }
    }

    /// l_cc of eq. 32: the shared length over m − 1.
    func shared(_ value: Int) -> Double { Double(pairOverlaps[value]) / Double(lists.count - 1) }
}
