/// GUIDs for REFI-QDA files that stay the same across exports: name-based UUIDs (version 5, SHA-1) of a fixed
/// Thematic namespace and a name such as "<study created>/code/<code id>". They are derived rather than stored; only
/// a code imported from another tool keeps that tool's GUID (`Code.guid`).
public enum RefiGUID {
    /// The namespace of every Thematic GUID (itself a random UUID, fixed forever).
    static let namespace: [UInt8] = [
        0x6f, 0x1c, 0x3a, 0x52, 0x0d, 0x6e, 0x4c, 0x8e, 0x9a, 0x57, 0x5c, 0x4f, 0x2b, 0x8e, 0x1d, 0x10,
    ]

    public static func make(_ name: String) -> String {
        var digest = Array(SHA1.hash(namespace + Array(name.utf8)).prefix(16))
        digest[6] = (digest[6] & 0x0f) | 0x50
        digest[8] = (digest[8] & 0x3f) | 0x80
        let hex = digest.map { byte in
            String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// True for 8-4-4-4-12 lower-case hex digits, as `normalise` leaves a well-formed GUID.
    public static func isNormalised(_ guid: String) -> Bool {
        let groups = guid.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12]
            && groups.allSatisfy { $0.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) } }
    }

    /// A GUID as tools write it, normalised: braces and surrounding spaces removed, lower case.
    public static func normalise(_ guid: String) -> String {
        var text = Substring(guid)
        while let first = text.first, first == "{" || first == " " { text.removeFirst() }
        while let last = text.last, last == "}" || last == " " { text.removeLast() }
        return text.lowercased()
    }
}

/// SHA-1 (FIPS 180-4), needed only to derive stable name-based GUIDs; not used for security.
enum SHA1 {
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var state: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var padded = message
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        let bitLength = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) {
            padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        var words = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: padded.count, by: 64) {
            for index in 0..<16 {
                let base = chunk + index * 4
                words[index] =
                    UInt32(padded[base]) << 24 | UInt32(padded[base + 1]) << 16 | UInt32(padded[base + 2]) << 8
                    | UInt32(padded[base + 3])
            }
            for index in 16..<80 {
                let mixed = words[index - 3] ^ words[index - 8] ^ words[index - 14] ^ words[index - 16]
                words[index] = mixed << 1 | mixed >> 31
            }
            var (a, b, c, d, e) = (state[0], state[1], state[2], state[3], state[4])
            for index in 0..<80 {
                let (f, k): (UInt32, UInt32) =
                    switch index {
                    case 0..<20: ((b & c) | (~b & d), 0x5A82_7999)
                    case 20..<40: (b ^ c ^ d, 0x6ED9_EBA1)
                    case 40..<60: ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                    default: (b ^ c ^ d, 0xCA62_C1D6)
                    }
                let temporary = (a << 5 | a >> 27) &+ f &+ e &+ k &+ words[index]
                (e, d, c, b, a) = (d, c, b << 30 | b >> 2, a, temporary)
            }
            state[0] &+= a
            state[1] &+= b
            state[2] &+= c
            state[3] &+= d
            state[4] &+= e
        }
        return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
    }
}
