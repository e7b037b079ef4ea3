/// Eight bytes read as one little-endian word, to find a byte among them without looking at each in turn.
enum ByteWord {
    static let lowBits: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// High bit set in each byte of `word` that is zero; only the lowest such bit is sure to be exact.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- lowBits) & ~word & highBits }

    /// High bit set in the lowest byte of `word` that ends a JSON string's plain run: a quote, a backslash or a
    /// control character (below 0x20). Bits above the lowest set one may be false alarms.
    @inline(__always)
    static func stringStops(_ word: UInt64) -> UInt64 {
        zeroBytes(word ^ (lowBits &* 0x22)) | zeroBytes(word ^ (lowBits &* 0x5C))
            | ((word &- lowBits &* 0x20) & ~word & highBits)
    }

    /// The index (0-7) of the byte a `stringStops` or `zeroBytes` mask points at first.
    @inline(__always)
    static func firstByte(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }
}
