/// Each coder's whole coding of a unit as a bitset over the code universe, with identical sets
/// shared: `setOf[coder][unit]` is the id of a distinct set, or -1 when the coder did not finish the unit.
struct LabelSets {
    /// 64-bit words per set.
    let width: Int
    /// The distinct sets, `width` words each, in order of first appearance (coder by coder, unit by unit).
    private(set) var words: [UInt64] = []
    private(set) var setOf: [[Int32]]
    private var slots: [Int32]

    var count: Int { words.count / width }

    init(_ data: ReliabilityData) {
        let unitCount = data.unitIDs.count
        let width = max(1, (data.codes.count + 63) / 64)
        self.width = width
        var capacity = 16
        while capacity < 2 * unitCount * max(1, data.coders.count) { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        setOf = []
        var unitWords = [UInt64](repeating: 0, count: unitCount * width)
        for coder in data.coders.indices {
            for w in unitWords.indices { unitWords[w] = 0 }
            for code in data.codes.indices {
                let bit: UInt64 = 1 << UInt64(code & 63)
                let word = code >> 6
                data.applied[code][coder].forEachMember { unitWords[$0 * width + word] |= bit }
            }
            var ids = [Int32](repeating: -1, count: unitCount)
            data.coded[coder].forEachMember { u in
                ids[u] = intern(unitWords[(u * width)..<(u * width + width)])
            }
            setOf.append(ids)
        }
    }

    /// The id of `set`, adding it when new.
    private mutating func intern(_ set: ArraySlice<UInt64>) -> Int32 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for word in set {
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 {
                let newID = Int32(count)
                words.append(contentsOf: set)
                slots[slot] = newID
                return newID
            }
            let start = Int(id) * width
            if words[start..<(start + width)].elementsEqual(set) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The number of codes in set `id`.
    func size(_ id: Int) -> Int {
        var n = 0
        for w in 0..<width { n += words[id * width + w].nonzeroBitCount }
        return n
    }

    /// |a ∩ b| for set ids a and b.
    func intersectionSize(_ a: Int, _ b: Int) -> Int {
        var n = 0
        for w in 0..<width { n += (words[a * width + w] & words[b * width + w]).nonzeroBitCount }
        return n
    }
}
