import ThematicCore
import ThematicTestSupport

/// The core tests' fixtures, and how they read a study back.
enum TestSupport {
    static let fixtures = TestFolders.packageRoot + "/Tests/ThematicCoreTests/Fixtures"

    /// A private copy of the small valid study (two coders and a consensus).
    static func validStudy() throws -> StudyFolder { try TestFolders.copyStudy(fixtures + "/valid") }

    /// The study on disk as the next reader sees it.
    static func load(_ folder: StudyFolder) throws -> Study { try StudyReader.load(folder).study }

    /// True when `thematic check` would find no error.
    static func checksClean(_ folder: StudyFolder) -> Bool { StudyReader.read(folder).errors.isEmpty }

    static func text(_ path: String) throws -> String {
        String(decoding: try FileSystem.readBytes(path), as: UTF8.self)
    }
}
