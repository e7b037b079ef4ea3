/// A fixed-size set of small integers (unit indices), 64 per word, for popcount arithmetic.
struct Bitset: Sendable, Equatable {
    private(set) var words: [UInt64]
    let count: Int

    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// The set whose members are the bits of `words`, 64 per word from the lowest.
    init(count: Int, words: ArraySlice<UInt64>) {
        self.count = count
        self.words = Array(words)
    }

    subscript(index: Int) -> Bool {
        get { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }
        set {
            if newValue {
                words[index >> 6] |= 1 << UInt64(index & 63)
            } else {
                words[index >> 6] &= ~(1 << UInt64(index & 63))
            }
        }
    }

    mutating func formUnion(_ other: Bitset) {
        for w in words.indices { words[w] |= other.words[w] }
    }

    /// Calls `body` with every member, in increasing order.
    func forEachMember(_ body: (Int) -> Void) {
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                body(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }

    /// The members of `self` at `indices`, renumbered 0..<indices.count.
    func picking(_ indices: [Int]) -> Bitset {
        var result = Bitset(count: indices.count)
        for (new, old) in indices.enumerated() where self[old] { result[new] = true }
        return result
    }

    /// |a ∩ b|
    static func intersectionCount(_ a: Bitset, _ b: Bitset) -> Int {
        var n = 0
        for w in a.words.indices { n += (a.words[w] & b.words[w]).nonzeroBitCount }
        return n
    }
}
