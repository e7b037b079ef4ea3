import ThematicCore

/// Every file under a folder with its bytes, by path relative to the folder, so a test can show a command left the
/// folder byte-identical (and created nothing).
public enum FolderSnapshot {
    /// `skippingLocks` leaves out `.lock` files, which a command that writes may leave behind.
    public static func take(_ folder: String, skippingLocks: Bool = false) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        func walk(_ path: String, _ relative: String) throws {
            if FileSystem.isDirectory(path) {
                for name in try FileSystem.list(path) {
                    try walk(path + "/" + name, relative.isEmpty ? name : relative + "/" + name)
                }
            } else if !(skippingLocks && relative.hasSuffix(".lock")) {
                files[relative] = try FileSystem.readBytes(path)
            }
        }
        try walk(folder, "")
        return files
    }
}
