import CanonicalJSON
import Glibc

/// A coder's actions since their last snapshot, one JSON line each: `{"excerpt":…,"record":…,"seq":…}`.
///
/// Rewriting a large snapshot on every keystroke is slow; appending one line and `fdatasync` is well under a
/// millisecond, so every action is durable before the screen shows it. Each line carries the excerpt's whole new
/// record (or null: back to "not coded"), so replaying a line twice changes nothing, and lines numbered at or below
/// the snapshot's `journalSequence` are already in it. A last line without its newline is a write a crash
/// interrupted: it was never acknowledged, so it is ignored (and cut off by the next writer).
public enum CodingJournal {
    public struct Entry: Sendable, Equatable {
        public var sequence: Int
        public var excerptID: String
        /// nil: the excerpt goes back to "not coded yet".
        public var record: ExcerptCoding?

        public init(sequence: Int, excerptID: String, record: ExcerptCoding?) {
            self.sequence = sequence
            self.excerptID = excerptID
            self.record = record
        }
    }

    /// What a journal file holds.
    public struct Contents {
        public var entries: [Entry] = []
        /// The JSON of each entry's record, for locating problems: (line number, record value).
        var recordValues: [(line: Int, value: JSONValue?)] = []
        public var problems: [StudyProblem] = []
        /// Byte length of the complete lines; anything after is a torn, unacknowledged write.
        public var completeLength = 0
        public var hasTornTail = false
    }

    static let lineFields: Set<String> = ["excerpt", "record", "seq"]

    public static func encode(_ entry: Entry) -> [UInt8] {
        var line = CanonicalWriter.compact(
            .object([
                ("excerpt", .string(entry.excerptID)),
                ("record", entry.record.map(CodingFormat.encodeExcerpt) ?? .null),
                ("seq", .int(entry.sequence)),
            ]))
        line.append(UInt8(ascii: "\n"))
        return line
    }

    public static func read(_ bytes: [UInt8], file: String) -> Contents {
        var contents = Contents()
        var lineStart = 0
        var lineNumber = 1
        var previousSequence = 0
        while lineStart < bytes.count {
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else {
                contents.hasTornTail = true
                contents.problems.append(
                    StudyProblem(
                        file: file, line: lineNumber, column: 1,
                        message:
                            "the last line is incomplete (a write interrupted by a crash, never acknowledged); it is ignored and will be removed by the next session",
                        severity: .warning))
                break
            }
            defer {
                lineStart = newline + 1
                lineNumber += 1
                contents.completeLength = lineStart
            }
            let line = Array(bytes[lineStart..<newline])
            if line.isEmpty { continue }
            if !SourceText.conflictMarkerLines(in: line).isEmpty {
                contents.problems.append(
                    StudyProblem(
                        file: file, line: lineNumber, column: 1,
                        message:
                            "git merge conflict marker: the journal was merged with conflicts left in; resolve them (keep both sides' lines, in sequence order) and try again"
                    ))
                continue
            }
            do {
                let value = try JSONParser.parse(line)
                let record = try JSONRecord(value, at: .root)
                try record.requireOnly(lineFields)
                let sequence = try record.int("seq")
                let excerptID = try record.string("excerpt")
                let recordValue = record.value("record")
                var coding: ExcerptCoding?
                if let recordValue, recordValue.kind != .null {
                    coding = try CodingFormat.decodeExcerpt(recordValue, at: JSONPath.root.field("record"))
                } else if recordValue == nil {
                    throw JSONShapeError(path: .root, offset: 0, message: "missing required field \"record\"")
                }
                if sequence <= previousSequence {
                    contents.problems.append(
                        StudyProblem(
                            file: file, line: lineNumber, column: 1, path: "seq",
                            message:
                                "sequence \(sequence) does not follow \(previousSequence); journal lines must be numbered in increasing order"
                        ))
                }
                previousSequence = sequence
                contents.entries.append(Entry(sequence: sequence, excerptID: excerptID, record: coding))
                contents.recordValues.append((lineNumber, recordValue))
            } catch let error as JSONSyntaxError {
                contents.problems.append(
                    StudyProblem(file: file, line: lineNumber, column: error.column, message: error.message))
            } catch let error as JSONShapeError {
                let column = SourceText.location(ofOffset: error.offset, in: line).column
                contents.problems.append(
                    StudyProblem(
                        file: file, line: lineNumber, column: column, path: error.path.description,
                        message: error.message))
            } catch {
                contents.problems.append(StudyProblem(file: file, line: lineNumber, message: "\(error)"))
            }
        }
        return contents
    }
}

/// Appends journal lines durably. Opening cuts off a torn last line left by a crash.
final class JournalWriter {
    let path: String
    private var descriptor: Int32

    init(path: String, keepingFirst completeLength: Int) throws(FileError) {
        try FileSystem.refuseWritingThroughLink(path)
        let existed = FileSystem.exists(path)
        let descriptor = open(
            path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, FileSystem.newFileMode(in: FileSystem.parent(of: path)))
        guard descriptor >= 0 else { throw FileError(path: path, action: "open the journal", errno: errno) }
        var info = stat()
        if fstat(descriptor, &info) == 0, Int(info.st_size) > completeLength {
            guard ftruncate(descriptor, off_t(completeLength)) == 0, fsync(descriptor) == 0 else {
                Glibc.close(descriptor)
                throw FileError(path: path, action: "remove the interrupted last line of the journal", errno: errno)
            }
        }
        self.path = path
        self.descriptor = descriptor
        if !existed { try AtomicFile.syncDirectory(FileSystem.parent(of: path)) }
    }

    /// Returns once the line is on disk.
    func append(_ line: [UInt8]) throws(FileError) {
        try AtomicFile.writeAll(line, to: descriptor, path: path)
        guard fdatasync(descriptor) == 0 else { throw FileError(path: path, action: "sync the journal", errno: errno) }
    }

    /// Empties the journal once its entries are safely in the snapshot. Not synced: a power cut that brings the
    /// lines back loses nothing, since they are numbered at or below the snapshot's sequence and replay skips them,
    /// and the next append's sync makes the emptying durable with it.
    func truncate() throws(FileError) {
        guard ftruncate(descriptor, 0) == 0 else {
            throw FileError(path: path, action: "empty the journal", errno: errno)
        }
    }

    func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    deinit { close() }
}
