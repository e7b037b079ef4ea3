import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Each folder in Fixtures/broken is a small study with one deliberate fault; `<name>.expected` holds the exact
/// problems a researcher must be shown, one per line.
@Suite struct BrokenStudyTests {
    static let brokenStudies: [String] =
        (try? FileSystem.list(TestSupport.fixtures + "/broken"))?
        .filter { !$0.hasSuffix(".expected") } ?? []

    @Test func thereAreAtLeastTwelveBrokenStudies() {
        #expect(Self.brokenStudies.count >= 12)
    }

    @Test(arguments: brokenStudies)
    func brokenStudyIsReportedPreciselyAndLeftUntouched(name: String) throws {
        let path = TestSupport.fixtures + "/broken/" + name
        let before = try FolderSnapshot.take(path)
        let result = StudyReader.read(StudyFolder(path: path))
        let expected = try TestSupport.text(path + ".expected").split(separator: "\n").map(String.init)
        #expect(result.problems.map(\.description) == expected)
        #expect(!result.errors.isEmpty)
        #expect(throws: StudyLoadError.self) { try StudyReader.load(StudyFolder(path: path)) }
        #expect(try FolderSnapshot.take(path) == before)
    }

    @Test func validFixtureHasNoProblems() {
        #expect(StudyReader.read(StudyFolder(path: TestSupport.fixtures + "/valid")).problems == [])
    }

    @Test func aFolderWithoutManifestIsNotAStudy() {
        let problems = StudyReader.read(StudyFolder(path: TestSupport.fixtures)).problems
        #expect(
            problems.map(\.message) == [
                "not a study folder: it has no study.json (create a study with `thematic init`)"
            ])
    }

    @Test func everyShippedCodebookReadsCleanly() throws {
        for name in ["lipp-a3-grid", "scr-quality-markers", "case-characteristics"] {
            let codebook = try StudyCreator.readCodebook(TestFolders.packageRoot + "/Codebooks/\(name).json")
            #expect(codebook.codes.allSatisfy { $0.brief?.isEmpty == false }, "\(name): every code has a brief")
        }
    }

    @Test func a3GridHasSevenStagesAndFortyFourPracticeIssues() throws {
        let grid = try StudyCreator.readCodebook(TestFolders.packageRoot + "/Codebooks/lipp-a3-grid.json")
        #expect(grid.children(of: nil).map(\.id) == ["A", "B", "C", "D", "E", "F", "G"])
        #expect(grid.applicableCodes.count == 44)
        #expect(grid.applicableCodes.allSatisfy { grid.depth(of: $0.id) == 1 })
    }
}
