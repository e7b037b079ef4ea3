import Glibc
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A file far larger than its kind can be is refused by name before it is read into memory. Sparse files make a
/// multi-gigabyte file cost nothing on disk.
@Suite struct FileSizeLimitTests {
    /// Makes `path` (new or not) `size` bytes long without writing them.
    private func sparseFile(_ path: String, size: Int) {
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        #expect(descriptor >= 0 && ftruncate(descriptor, off_t(size)) == 0)
        close(descriptor)
    }

    @Test func aTwoGigabyteCodingFileIsRefusedByNameWithTheLimit() throws {
        let folder = try TestSupport.validStudy()
        sparseFile(folder.url("codings/asha.json"), size: 2 << 30)
        let problems = StudyReader.read(folder).errors.map(\.description)
        #expect(
            problems == [
                "codings/asha.json: cannot read: it is 2 GiB, over the 1 GiB Thematic reads for a file of this kind (is it the right file?); nothing was read"
            ])
    }

    @Test func aReviewJustOverTwoGigabytesIsRefusedWithItsSize() throws {
        let folder = try TestSupport.validStudy()
        sparseFile(folder.url("corpus/R2.json"), size: (2 << 30) + (100 << 20))
        let problems = StudyReader.read(folder).errors.map(\.description)
        #expect(problems.first?.hasPrefix("corpus/R2.json: cannot read: it is 2.1 GiB, over the 1 GiB") == true)
    }

    @Test func anImportedDocumentOverItsLimitIsRefused() throws {
        let document = TestFolders.scratch() + "/huge.txt"
        sparseFile(document, size: 600 << 20)
        let refusal = #expect(throws: ImportProblem.self) { try ImportFile.read(document) }
        #expect(refusal?.reason.contains("it is 600 MiB, over the 512 MiB Thematic reads") == true)
    }

    @Test func aFileWithoutASizeIsRefusedOnceItPassesTheLimit() {
        #expect(throws: FileError.self) { try FileSystem.readBytes("/dev/zero", limit: 1 << 20) }
    }

    @Test func aFileAtTheLimitIsRead() throws {
        let file = TestFolders.scratch() + "/exact"
        sparseFile(file, size: 4096)
        #expect(try FileSystem.readBytes(file, limit: 4096).count == 4096)
    }

    /// The buffer is sized from the file's length and never zeroed: every length reads back byte for byte, including
    /// one that ends exactly where a larger buffer would have started.
    @Test func filesOfEveryShapeOfLengthReadBackByteForByte() throws {
        let folder = TestFolders.scratch()
        for length in [0, 1, 7, 65_535, 65_536, 65_537, 300_001] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let path = "\(folder)/\(length).bin"
            try AtomicFile.write(bytes, to: path)
            #expect(try FileSystem.readBytes(path) == bytes)
        }
    }
}
