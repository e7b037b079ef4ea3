import Glibc

/// What a writer remembers of a large file it read, to notice later that someone replaced it (a git pull, an
/// editor), without keeping megabytes of it in memory: its length and a 128-bit hash of its bytes.
///
/// Two lanes read the bytes eight at a time, each through a step that is one-to-one for a fixed word and for a fixed
/// state, so a change within one word, or to the length, always changes the digest; a wider change of the same length
/// goes unnoticed only if both 64-bit lanes collide at once. Not a cryptographic hash: it guards against accidents (a
/// pull, an editor), not against someone crafting a file to match. Never written anywhere: it only compares a file
/// with itself as read.
struct ContentDigest: Equatable, Sendable {
    let length: Int
    let first: UInt64
    let second: UInt64

    init(_ bytes: [UInt8]) {
        var hasher = ContentHasher()
        bytes.withUnsafeBytes { hasher.combine($0) }
        self = hasher.finalize()
    }

    fileprivate init(length: Int, first: UInt64, second: UInt64) {
        self.length = length
        self.first = first
        self.second = second
    }

    /// The digest of the file at `path` as it is now, read a block at a time; nil when there is no file.
    static func ofFile(_ path: String) throws(FileError) -> ContentDigest? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw FileError(path: path, action: "read", errno: errno)
        }
        defer { close(descriptor) }
        var hasher = ContentHasher()
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, action: "read", errno: errno)
            }
            if count == 0 { return hasher.finalize() }
            block.withUnsafeBytes { hasher.combine(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }
}

/// Hashes bytes handed over in pieces of any size as if they came in one piece.
private struct ContentHasher {
    private var first: UInt64 = 0x243F_6A88_85A3_08D3
    private var second: UInt64 = 0x1319_8A2E_0370_7344
    private var length = 0
    /// The bytes of a word not yet complete, lowest first.
    private var pending: UInt64 = 0

    private mutating func mix(_ word: UInt64) {
        first = (first ^ word) &* 0x9E37_79B9_7F4A_7C15
        first ^= first >> 32
        second = (second &+ word) &* 0xC2B2_AE3D_27D4_EB4F
        second ^= second >> 29
    }

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while index < bytes.count, length % 8 != 0 {
            pending |= UInt64(bytes[index]) << (8 * UInt64(length % 8))
            length += 1
            index += 1
            if length % 8 == 0 {
                mix(pending)
                pending = 0
            }
        }
        while bytes.count - index >= 8 {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
            length += 8
        }
        while index < bytes.count {
            pending |= UInt64(bytes[index]) << (8 * UInt64(length % 8))
            length += 1
            index += 1
        }
    }

    func finalize() -> ContentDigest {
        var last = self
        last.mix(pending)
        last.mix(UInt64(length))
        return ContentDigest(length: length, first: Self.avalanche(last.first), second: Self.avalanche(last.second))
    }

    /// MurmurHash3's final mix: every bit of the result depends on every bit of the lane.
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
