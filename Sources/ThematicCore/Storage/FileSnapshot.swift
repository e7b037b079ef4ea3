import CanonicalJSON

/// A study file's bytes as a writer read them, so that it replaces the file only if nobody changed it since: a git
/// pull, an editor, or a writer that does not share this one's lock.
public struct FileSnapshot: Sendable, Equatable {
    /// Study-relative, as messages show it.
    public let file: String
    /// Nil when the file did not exist.
    public let bytes: [UInt8]?

    public init(_ folder: StudyFolder, _ file: String) throws(FileError) {
        self.file = file
        let path = folder.url(file)
        bytes = FileSystem.exists(path) ? try FileSystem.readBytes(path) : nil
    }

    /// The file changed on disk after it was read.
    public struct Changed: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var description: String {
            "\(file) was changed on disk by another program while this change was being made (a git pull or an editor?); it was not overwritten. Run the command again: it reads the file afresh."
        }
    }

    /// Refuses when the file on disk is no longer as it was read.
    public func requireUnchanged(in folder: StudyFolder) throws {
        guard try FileSnapshot(folder, file) == self else { throw Changed(file: file) }
    }

    /// Refuses unless the file, as `decode` reads it, still holds `expected` (nil: there is still no file): the
    /// value a writer planned its change from when it loaded the study. Compared as read rather than byte for byte,
    /// so a file written by hand or by an older version passes while it says the same.
    func requireHolding<Value: Equatable>(
        _ expected: Value?, decode: (JSONValue, inout FileProblems) throws(JSONShapeError) -> Value
    ) throws(Changed) {
        guard let bytes else {
            if expected == nil { return }
            throw Changed(file: file)
        }
        var problems = FileProblems()
        guard let json = try? JSONParser.parse(bytes), let now = try? decode(json, &problems), now == expected else {
            throw Changed(file: file)
        }
    }

    /// Replaces the file atomically with `bytes`, refusing if it changed since it was read.
    public func replace(with newBytes: [UInt8], in folder: StudyFolder) throws {
        try requireUnchanged(in: folder)
        try AtomicFile.write(newBytes, to: folder.url(file))
    }
}
