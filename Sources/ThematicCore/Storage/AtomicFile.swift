import Glibc

/// Replaces a file so that a crash at any instant leaves either the old or the new content, never a torn file:
/// write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
/// Without `durable`, the two fsyncs are left out: the file is still whole, old or new, after the program is killed
/// (the kernel keeps what was written), but a power cut may leave the old one. Only for what may be lost, never for
/// a study's files.
///
/// The file keeps the mode of the file it replaces, so a `chmod` the user made survives; a new file takes the
/// permissions of its folder (`FileSystem.newFileMode(in:)`), which makes a study's files as private as the study.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(FileError) {
        try FileSystem.refuseWritingThroughLink(path)
        let folder = FileSystem.parent(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = "\(folder)/.\(name).\(getpid()).tmp"
        let replacedMode = FileSystem.permissions(of: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, FileSystem.newFileMode(in: folder))
        guard descriptor >= 0 else {
            throw FileError(path: path, action: "write (creating \(temporary))", errno: errno)
        }
        do throws(FileError) {
            if let replacedMode, fchmod(descriptor, replacedMode) != 0 {
                throw FileError(path: path, action: "write (keeping its permissions)", errno: errno)
            }
            try writeAll(bytes, to: descriptor, path: path)
            guard !durable || fsync(descriptor) == 0 else {
                throw FileError(path: path, action: "write (fsync)", errno: errno)
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileError(path: path, action: "replace", errno: code)
        }
        if durable { try syncDirectory(folder) }
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, action: "write", errno: errno)
            }
            written += count
        }
    }

    /// Makes a rename or a new file in `folder` survive a power cut.
    public static func syncDirectory(_ folder: String) throws(FileError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: folder, action: "sync the folder", errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileError(path: folder, action: "sync the folder", errno: errno) }
    }
}
