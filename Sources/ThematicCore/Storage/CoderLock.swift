import Glibc

/// Keeps two sessions from writing the same coder's files: an exclusive `flock` on `codings/<coder>.lock`.
///
/// The kernel drops the lock when the process dies, so a crash never leaves a stale lock behind; the file holds the
/// holder's pid and host so the refusal can say who has it. Lock files are kept out of git by the study's .gitignore.
public final class CoderLock {
    public let path: String
    private var descriptor: Int32

    public struct Held: Error, CustomStringConvertible {
        public var file: String
        public var holder: String
        public var description: String {
            "\(file) is held by another Thematic session (\(holder)); close that session first, or wait for it to finish"
        }
    }

    public init(path: String, displayName: String) throws {
        try FileSystem.refuseWritingThroughLink(path)
        let descriptor = open(
            path, O_RDWR | O_CREAT | O_CLOEXEC, FileSystem.newFileMode(in: FileSystem.parent(of: path)))
        guard descriptor >= 0 else { throw FileError(path: path, action: "create the lock file", errno: errno) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            // Only to name the holder in the refusal; unreadable, it is "unknown process".
            let holder = (try? FileSystem.readBytes(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            close(descriptor)
            throw Held(file: displayName, holder: holder.isEmpty ? "unknown process" : holder.trimmingTrailingNewlines)
        }
        self.path = path
        self.descriptor = descriptor
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        let hostName = host.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let note = Array("pid \(getpid()) on \(hostName)\n".utf8)
        ftruncate(descriptor, 0)
        _ = note.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    public func release() {
        guard descriptor >= 0 else { return }
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
