/// The distinct byte strings a scanner meets in a buffer, numbered in order of first appearance and found again by
/// their bytes (open addressing, FNV-1a): a file names the same few codes thousands of times, and a scanner makes
/// each distinct one into a `String` once.
public struct DistinctByteRanges {
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Where each distinct byte string first appears, by its number.
    public private(set) var ranges: [Range<Int>] = []
    private var slots = [Int32](repeating: -1, count: 256)

    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The number of the byte string at `range`: the one it had when it first appeared, or the next one.
    public mutating func number(of range: Range<Int>) -> Int {
        if 2 * (ranges.count + 1) > slots.count { grow() }
        let slot = slot(of: range)
        if slots[slot] >= 0 { return Int(slots[slot]) }
        slots[slot] = Int32(ranges.count)
        ranges.append(range)
        return ranges.count - 1
    }

    /// The number of the byte string at `range` if it has appeared, without numbering it if not.
    public func existingNumber(of range: Range<Int>) -> Int? {
        let found = slots[slot(of: range)]
        return found >= 0 ? Int(found) : nil
    }

    /// The slot holding the byte string at `range`, or the empty one where it would go.
    private func slot(of range: Range<Int>) -> Int {
        let mask = slots.count - 1
        var slot = hash(range) & mask
        while slots[slot] >= 0 && !same(ranges[Int(slots[slot])], range) { slot = (slot + 1) & mask }
        return slot
    }

    private func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for offset in 0..<a.count where bytes[a.lowerBound + offset] != bytes[b.lowerBound + offset] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, range) in ranges.enumerated() {
            var slot = hash(range) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }

    private func hash(_ range: Range<Int>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in range { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
