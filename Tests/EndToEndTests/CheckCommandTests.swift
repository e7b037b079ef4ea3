import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// `thematic check` as a researcher runs it: exit status, messages, and files left as they were.
@Suite struct CheckCommandTests {
    static let brokenFolder = TestFolders.packageRoot + "/Tests/ThematicCoreTests/Fixtures/broken"
    static let brokenStudies = ((try? FileSystem.list(brokenFolder)) ?? []).filter { !$0.hasSuffix(".expected") }

    /// The shipped demo is world-readable in a checkout, which is worth a warning and nothing else.
    @Test func theDemoStudyChecksClean() throws {
        let outcome = try Binaries.run("thematic", ["check", TestFolders.demoStudy])
        #expect(outcome.status == 0)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.allSatisfy { $0.contains(": warning: anyone on this computer can read or change") })
        #expect(outcome.standardOutput.contains(": OK: 14 reviews, 207 excerpts"))
    }

    @Test(arguments: brokenStudies)
    func aBrokenStudyFailsWithItsLocatedProblemsAndIsLeftUntouched(name: String) throws {
        let path = Self.brokenFolder + "/" + name
        let before = try Self.contents(path)
        let outcome = try Binaries.run("thematic", ["check", path])
        #expect(outcome.status == 1)
        let expected = try String(contentsOfFile: path + ".expected", encoding: .utf8).split(separator: "\n")
        for line in expected {
            #expect(outcome.standardError.contains("\(path)/\(line)\n"), "missing from stderr: \(line)")
        }
        #expect(try Self.contents(path) == before)
    }

    @Test func aMissingFolderIsAClearError() throws {
        let outcome = try Binaries.run("thematic", ["check", "/nonexistent/study"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("/nonexistent/study: no such study folder"))
    }

    @Test func statusOfTheDemoShowsEveryCoder() throws {
        let outcome = try Binaries.run("thematic", ["status", TestFolders.demoStudy])
        #expect(outcome.status == 0)
        for coder in ["asha", "ben", "cara"] { #expect(outcome.standardOutput.contains("\n\(coder) ")) }
        #expect(outcome.standardOutput.contains("Consensus: 38 decisions"))
    }

    @Test func initThenCheckSucceeds() throws {
        let folder = TestFolders.scratch() + "/study"
        let created = try Binaries.run(
            "thematic",
            [
                "init", folder, "--title", "Round one", "--codebook",
                TestFolders.packageRoot + "/Codebooks/lipp-a3-grid.json",
            ])
        #expect(created.status == 0, "\(created.standardError)")
        #expect(try Binaries.run("thematic", ["check", folder]).status == 0)
    }

    @Test func initWithABrokenCodebookNamesTheFileAndCreatesNothing() throws {
        let folder = TestFolders.scratch() + "/study"
        let codebook = Self.brokenFolder + "/missing-parent/codebook.json"
        let outcome = try Binaries.run("thematic", ["init", folder, "--title", "x", "--codebook", codebook])
        #expect(outcome.status != 0)
        #expect(
            outcome.standardError.contains(
                "\(codebook):19:5: codes[2].parent: parent \"X\" is not a code of this codebook"))
        #expect(!FileSystem.exists(folder))
    }

    static func contents(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative))
            }
        }
        return files
    }
}
