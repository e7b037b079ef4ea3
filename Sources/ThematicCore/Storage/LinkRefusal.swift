import Glibc

extension FileSystem {
    /// Refuses to write to `path` when it is a symbolic link: a link inside a study may point anywhere (another
    /// study, a system file), and a write must never land outside the study by following one. Reading through a
    /// link is allowed, so a study can read a file shared from elsewhere; replacing such a file is the user's call.
    public static func refuseWritingThroughLink(_ path: String) throws(FileError) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return }
        var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &target, target.count - 1)
        let destination =
            length >= 0
            ? String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "somewhere unreadable"
        throw FileError(
            path: path, action: "write",
            reason:
                "it is a symbolic link to \(destination), and Thematic does not write through links; replace the link with a copy of the file, or remove it"
        )
    }
}

extension StudyFolder {
    /// Refuses to write into `corpus/` or `codings/` when either is a symbolic link (git stores links, so a pulled
    /// study can carry one pointing anywhere). The study folder itself is the user's choice and may be reached
    /// through a link.
    public func refuseLinkedSubfolders() throws(FileError) {
        for subfolder in [StudyFolder.corpusFolder, StudyFolder.codingsFolder] {
            try FileSystem.refuseWritingThroughLink(url(subfolder))
        }
    }
}
