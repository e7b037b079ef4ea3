import Glibc
import ThematicCore

/// Paths and scratch folders for the core tests.
enum TestSupport {
    static let packageRoot: String = {
        var path = "\(#filePath)"
        for _ in 0..<3 { path = FileSystem.parent(of: path) }
        return path
    }()

    static let fixtures = packageRoot + "/Tests/ThematicCoreTests/Fixtures"
    static let demoStudy = packageRoot + "/SampleData/demo"

    /// A new empty folder under /tmp.
    static func scratchFolder() -> String {
        var template = Array("/tmp/thematic-test-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "cannot create a scratch folder")
        return String(cString: created!)
    }

    /// A private copy of the small valid study (two coders and a consensus).
    static func validStudy() throws -> StudyFolder { try copyStudy(fixtures + "/valid") }

    /// The study on disk as the next reader sees it.
    static func load(_ folder: StudyFolder) throws -> Study { try StudyReader.load(folder).study }

    /// True when `thematic check` would find no error.
    static func checksClean(_ folder: StudyFolder) -> Bool { StudyReader.read(folder).errors.isEmpty }

    /// A copy of a study folder (every file, bytes as they are) in a scratch folder.
    static func copyStudy(_ source: String) throws -> StudyFolder {
        let target = scratchFolder() + "/study"
        try copyTree(source, target)
        return StudyFolder(path: target)
    }

    static func copyTree(_ source: String, _ target: String) throws {
        if FileSystem.isDirectory(source) {
            try FileSystem.createDirectories(target)
            for name in try FileSystem.list(source) { try copyTree(source + "/" + name, target + "/" + name) }
        } else {
            try AtomicFile.write(try FileSystem.readBytes(source), to: target)
        }
    }

    /// Every file below `folder` with its bytes, to prove nothing was touched.
    static func snapshot(_ folder: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        func walk(_ path: String, _ relative: String) throws {
            if FileSystem.isDirectory(path) {
                for name in try FileSystem.list(path) { try walk(path + "/" + name, relative.isEmpty ? name : relative + "/" + name) }
            } else {
                files[relative] = try FileSystem.readBytes(path)
            }
        }
        try walk(folder, "")
        return files
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try FileSystem.readBytes(path), as: UTF8.self)
    }
}
