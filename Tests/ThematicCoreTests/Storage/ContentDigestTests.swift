import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A session remembers its snapshot by digest rather than by its bytes: the digest must tell apart a file changed
/// anywhere, however little, and read from disk in blocks it must be the digest of the bytes as a whole.
@Suite struct ContentDigestTests {
    /// Bytes longer than the block a file is read in, and not a whole number of words.
    private let bytes = (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }

    @Test func aFileReadInBlocksHasTheDigestOfItsBytes() throws {
        let path = TestFolders.scratch() + "/snapshot.json"
        try AtomicFile.write(bytes, to: path)
        #expect(try ContentDigest.ofFile(path) == ContentDigest(bytes))
    }

    @Test func aMissingFileHasNoDigest() throws {
        #expect(try ContentDigest.ofFile(TestFolders.scratch() + "/none.json") == nil)
    }

    @Test(arguments: [0, 7, 8, 65_535, 65_536, 199_999, 200_002])
    func oneByteChangedAnywhereChangesTheDigest(_ position: Int) {
        var changed = bytes
        changed[position] ^= 0x20
        #expect(ContentDigest(changed) != ContentDigest(bytes))
    }

    @Test func aZeroByteMoreOrLessChangesTheDigest() {
        #expect(ContentDigest(bytes + [0]) != ContentDigest(bytes))
        #expect(ContentDigest(Array(bytes.dropLast())) != ContentDigest(bytes))
        #expect(ContentDigest([]) != ContentDigest([0]))
    }
}
