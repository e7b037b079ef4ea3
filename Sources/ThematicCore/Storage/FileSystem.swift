import Glibc

/// A failed file operation, phrased for the researcher: which file, what was being done, what the system said.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var action: String
    public var reason: String

    public init(path: String, action: String, errno code: Int32) {
        self.path = path
        self.action = action
        self.reason = String(cString: strerror(code))
    }

    public init(path: String, action: String, reason: String) {
        self.path = path
        self.action = action
        self.reason = reason
    }

    public var description: String { "\(path): cannot \(action): \(reason)" }
}

/// The few POSIX file operations storage needs, with errors that name the file.
public enum FileSystem {
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The whole file; refused, before anything is read, when it holds more than `limit` bytes (see
    /// `FileSizeLimit`). A file that grows while being read, or a device without a size, is refused at the limit.
    public static func readBytes(_ path: String, limit: Int = FileSizeLimit.studyFile) throws(FileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: path, action: "read", errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileError(path: path, action: "read", errno: errno) }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            throw FileError(path: path, action: "read", reason: "it is a folder, not a file")
        }
        guard Int(info.st_size) <= limit else { throw tooLarge(path, size: Int(info.st_size), limit: limit) }
        // One byte more than the file holds, so the read that finds its end needs no bigger buffer (growing copies
        // it all); not zeroed first, since the reads fill it and only what they filled is kept.
        let room = Int(info.st_size) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: room) { _, count in count = room }
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 65536)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, action: "read", errno: errno)
            }
            if count == 0 { break }
            filled += count
            guard filled <= limit else { throw tooLarge(path, size: nil, limit: limit) }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Whether the file holds exactly `bytes` (false when it is missing), read a block at a time so that a large
    /// file is compared without being held in memory whole.
    public static func fileHolds(_ path: String, exactly bytes: [UInt8]) throws(FileError) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return false }
            throw FileError(path: path, action: "read", errno: errno)
        }
        defer { close(descriptor) }
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var compared = 0
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, action: "read", errno: errno)
            }
            if count == 0 { return compared == bytes.count }
            guard compared + count <= bytes.count else { return false }
            let same = bytes.withUnsafeBytes { expected in
                block.withUnsafeBytes { memcmp(expected.baseAddress! + compared, $0.baseAddress!, count) == 0 }
            }
            guard same else { return false }
            compared += count
        }
    }

    private static func tooLarge(_ path: String, size: Int?, limit: Int) -> FileError {
        let size = size.map { "it is \(FileSizeLimit.describe($0))" } ?? "it holds more"
        return FileError(
            path: path, action: "read",
            reason:
                "\(size), over the \(FileSizeLimit.describe(limit)) Thematic reads for a file of this kind (is it the right file?); nothing was read"
        )
    }

    /// Names in a folder (not `.` or `..`), sorted by code point so every machine lists them alike.
    public static func list(_ path: String) throws(FileError) -> [String] {
        guard let directory = opendir(path) else {
            throw FileError(path: path, action: "list the folder", errno: errno)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The read and write permissions of `folder`, for a file made in it: a file is never more open than the folder
    /// that holds it, so a study's files are as private as its folder (`StudySettings.folderMode`). Outside a study
    /// this changes nobody's access: the folder already keeps out whom it does not let in. The umask applies as ever.
    public static func newFileMode(in folder: String) -> mode_t {
        permissions(of: folder).map { $0 & 0o666 } ?? 0o600
    }

    /// A path's permission bits (`rwxrwxrwx`), nil when it cannot be read.
    public static func permissions(of path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }

    /// Creates a folder with the permissions of the folder it is made in (see `newFileMode(in:)`).
    public static func createDirectory(_ path: String) throws(FileError) {
        if isDirectory(path) { return }
        guard mkdir(path, permissions(of: parent(of: path)) ?? 0o700) == 0 || errno == EEXIST else {
            throw FileError(path: path, action: "create the folder", errno: errno)
        }
    }

    /// A new folder named `prefix` and six random characters that only its owner can enter (0700, `mkdtemp`), for
    /// a copy of a study's data that must not be readable in a shared place such as /tmp.
    public static func createPrivateFolder(prefix: String) throws(FileError) -> String {
        var template = Array((prefix + "XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw FileError(path: prefix + "XXXXXX", action: "create a private folder", errno: errno)
        }
        return String(cString: made)
    }

    /// Creates the folder and any missing parents.
    public static func createDirectories(_ path: String) throws(FileError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            try createDirectory(prefix)
        }
    }

    public static func remove(_ path: String) throws(FileError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw FileError(path: path, action: "remove", errno: errno) }
    }

    /// Removes a file, or a folder with everything in it; nothing when the path does not exist.
    public static func removeTree(_ path: String) throws(FileError) {
        guard exists(path) else { return }
        if isDirectory(path) {
            for name in try list(path) { try removeTree(path + "/" + name) }
            guard rmdir(path) == 0 else { throw FileError(path: path, action: "remove", errno: errno) }
        } else {
            try remove(path)
        }
    }

    /// The folder part of a path ("." when there is none).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
