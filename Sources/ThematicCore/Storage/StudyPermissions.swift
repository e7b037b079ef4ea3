import Glibc

/// Who may read a study: its owner only, unless the manifest shares it with the owner's group. The mode is set on
/// the study folder when the study is made; every file and folder made in it later takes its folder's permissions
/// (`FileSystem.newFileMode(in:)`, `FileSystem.createDirectory`), and a rewrite keeps the mode of the file it
/// replaces (`AtomicFile`), so a `chmod` the user chose survives.
extension StudySettings {
    /// `rwx------`, or `rwxr-x---` when the group may read; a file in it gets the same without `x`.
    public var folderMode: mode_t { shareWithGroup ? 0o750 : 0o700 }
}

/// The files and folders of a study that anyone on the computer may read or change, for `thematic check`.
public enum StudyExposure {
    /// Study-relative paths (the folder itself as "."), git's files included since they hold every version, whose
    /// permissions let others (not the owner, not the group) read or write them. Symbolic links are not followed.
    public static func exposedPaths(in folder: StudyFolder) -> [String] {
        var exposed: [String] = []
        func visit(_ relative: String) {
            let path = relative == "." ? folder.path : folder.url(relative)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { return }
            if info.st_mode & 0o006 != 0 { exposed.append(relative) }
            guard (info.st_mode & S_IFMT) == S_IFDIR, let names = try? FileSystem.list(path) else { return }
            for name in names { visit(relative == "." ? name : relative + "/" + name) }
        }
        visit(".")
        return exposed
    }

    /// A warning naming what anyone may read or change and the `chmod` that makes it private; none when nothing is.
    public static func problems(in folder: StudyFolder) -> [StudyProblem] {
        let exposed = exposedPaths(in: folder)
        guard !exposed.isEmpty else { return [] }
        let shown = exposed.prefix(5).joined(separator: ", ") + (exposed.count > 5 ? ", …" : "")
        let count = exposed.count == 1 ? "1 file or folder" : "\(exposed.count) files and folders"
        return [
            StudyProblem(
                file: "",
                message:
                    "anyone on this computer can read or change \(count) of the study (\(shown)); to keep it to yourself and your group: chmod -R o-rwx \(folder.path)",
                severity: .warning)
        ]
    }
}
