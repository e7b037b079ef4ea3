import Foundation

/// Reads a reliability-data file whole, refusing by name one too large to be reliability data before reading it,
/// so a stray multi-gigabyte file cannot exhaust memory. 1 GiB holds tens of millions of spans, far beyond any
/// study's.
enum ReliabilityDataBytes {
    static let limit = 1 << 30

    static func read(path: String) throws(ReliabilityDataError) -> Data {
        // A size that cannot be read is left to the read below, which names the failure.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limit else {
            let gigabytes = (Double(size) / Double(1 << 30) * 10).rounded() / 10
            throw .invalidFile(
                path: path, location: "1:1",
                message:
                    "the file is \(gigabytes) GiB, over the 1 GiB Thematic reads as reliability data; nothing was read")
        }
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw .invalidFile(path: path, location: "1:1", message: "cannot read the file (missing or unreadable)")
        }
        return contents
    }
}
