import Glibc
import ThematicCore

/// The checkout the tests run from, and scratch folders and study copies for them to write in.
public enum TestFolders {
    /// The package's root folder (the one holding Package.swift).
    public static let packageRoot: String = {
        var path = "\(#filePath)"
        for _ in 0..<3 { path = FileSystem.parent(of: path) }
        return path
    }()

    /// The demo study shipped in SampleData.
    public static let demoStudy = packageRoot + "/SampleData/demo"

    /// A new empty folder under /tmp.
    public static func scratch() -> String {
        var template = Array("/tmp/thematic-test-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "cannot create a scratch folder")
        return String(cString: created!)
    }

    /// A copy of a study folder (every file, bytes as they are) in a scratch folder.
    public static func copyStudy(_ source: String) throws -> StudyFolder {
        let target = scratch() + "/study"
        try copyTree(source, target)
        return StudyFolder(path: target)
    }

    /// Copies a file, or a folder with everything in it, byte for byte.
    public static func copyTree(_ source: String, _ target: String) throws {
        if FileSystem.isDirectory(source) {
            try FileSystem.createDirectories(target)
            for name in try FileSystem.list(source) { try copyTree(source + "/" + name, target + "/" + name) }
        } else {
            try AtomicFile.write(try FileSystem.readBytes(source), to: target)
        }
    }
}
