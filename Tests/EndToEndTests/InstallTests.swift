import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// `make install` as a research assistant without Swift meets it: the installed binary runs with no toolchain on the
/// PATH and no library path, finds its word lists and the demo study under PREFIX/share/thematic, and brings its man
/// pages and completions.
///
/// The test installs the release binary CI has already built (`make install-built`, the second half of
/// `make install`): a second release build would add minutes to every run for nothing `make build` does not show.
@Suite(.enabled(if: ReleaseBuild.isMade, "needs a release build: `make build` (.ci/run makes it)"))
struct InstallTests {
    static let build = ReleaseBuild.folder

    /// One installation shared by the tests that only read it.
    static let installed: Result<String, InstallFailed> = install()

    struct InstallFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Installs into a new scratch PREFIX and returns it.
    static func install() -> Result<String, InstallFailed> {
        let prefix = TestFolders.scratch() + "/prefix"
        do {
            let outcome = try make("install-built", prefix: prefix)
            guard outcome.status == 0 else { return .failure(InstallFailed(description: outcome.standardError)) }
            return .success(prefix)
        } catch {
            return .failure(InstallFailed(description: "\(error)"))
        }
    }

    static func make(_ target: String, prefix: String) throws -> Binaries.Outcome {
        try Binaries.run(
            executable: "/usr/bin/env", ["make", "--no-print-directory", target, "PREFIX=\(prefix)"],
            in: TestFolders.packageRoot)
    }

    /// What a machine without Swift offers: the system's programs and libraries only.
    static func withoutSwift(home: String) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": "", "HOME": home]
    }

    /// Runs the installed `thematic` in `directory` without Swift.
    func thematic(_ arguments: [String], in directory: String, executable: String? = nil) throws -> Binaries.Outcome {
        let prefix = try Self.installed.get()
        return try Binaries.run(
            executable: executable ?? prefix + "/bin/thematic", arguments, in: directory,
            environment: Self.withoutSwift(home: directory))
    }

    @Test func installPutsTheBinaryItsDataManPagesAndCompletionsUnderThePrefix() throws {
        let prefix = try Self.installed.get()
        for file in [
            "bin/thematic", "share/man/man1/thematic.1", "share/man/man1/thematic-agree.1",
            "share/man/man1/thematic-codebook-group-add.1",
            "share/bash-completion/completions/thematic", "share/zsh/site-functions/_thematic",
            "share/fish/vendor_completions.d/thematic.fish",
            "share/thematic/Thematic_ThematicCore.resources/given-names.txt",
            "share/thematic/SampleData/demo/study.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
    }

    @Test func theInstalledBinaryLinksNoSwiftLibrary() throws {
        let prefix = try Self.installed.get()
        let libraries = try Binaries.run(executable: "/usr/bin/ldd", [prefix + "/bin/thematic"])
        #expect(libraries.status == 0)
        // A release binary built by `swift build -c release` alone links the runtime dynamically: `make build`.
        #expect(!libraries.standardOutput.contains("libswift"), "\(libraries.standardOutput)")
        #expect(!libraries.standardOutput.contains("libFoundation"), "\(libraries.standardOutput)")
        #expect(!libraries.standardOutput.contains("not found"), "\(libraries.standardOutput)")
    }

    @Test func theInstalledBinaryTellsItsVersionWithoutSwift() throws {
        let version = try thematic(["--version"], in: TestFolders.scratch())
        let built = try Binaries.run(executable: Self.build + "/thematic", ["--version"])
        #expect(version.status == 0, "\(version.standardError)")
        #expect(version.standardOutput == built.standardOutput)
    }

    @Test func theInstalledDemoCopiesAndChecksCleanWithoutSwift() throws {
        let folder = TestFolders.scratch()
        let copied = try thematic(["demo", "demo", "--copy-only"], in: folder)
        #expect(copied.status == 0, "\(copied.standardError)")
        let check = try thematic(["check", "demo"], in: folder)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("demo: OK: 14 reviews"))
    }

    /// Leeds is flagged only by the UK places list, so the warning shows the installed lists were read.
    @Test func importRunsTheAnonymisationCheckWithTheInstalledWordLists() throws {
        let folder = TestFolders.scratch()
        #expect(try thematic(["init", "study", "--title", "Installed"], in: folder).status == 0)
        try "The child lived with her mother in Leeds.\n".write(
            toFile: folder + "/review.txt", atomically: true, encoding: .utf8)
        let imported = try thematic(["import", "study", "review.txt"], in: folder)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardError.contains("\"Leeds\"  (a UK town, city or area)"), "\(imported.standardError)")
    }

    @Test func aBinaryCopiedAwayFromItsDataRefusesToImportAndSaysWhereItLooked() throws {
        let prefix = try Self.installed.get()
        let folder = TestFolders.scratch()
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: prefix + "/bin/thematic", toPath: folder + "/bin/thematic")
        #expect(
            try thematic(["init", "study", "--title", "Stray"], in: folder, executable: folder + "/bin/thematic").status
                == 0)
        try "Text.\n".write(toFile: folder + "/review.txt", atomically: true, encoding: .utf8)
        let imported = try thematic(
            ["import", "study", "review.txt"], in: folder, executable: folder + "/bin/thematic")
        #expect(imported.status != 0)
        #expect(imported.standardError.contains("cannot find the anonymisation check's word lists"))
        #expect(
            imported.standardError.contains(
                "\(folder)/bin/Thematic_ThematicCore.resources and \(folder)/share/thematic/Thematic_ThematicCore.resources"
            ),
            "\(imported.standardError)")
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/man"), "man is not installed (Debian: man-db)"))
    func manShowsThePageOfASubcommand() throws {
        let prefix = try Self.installed.get()
        let page = try Binaries.run(
            executable: "/usr/bin/man", ["-M", prefix + "/share/man", "-P", "cat", "thematic-agree"],
            environment: Self.withoutSwift(home: TestFolders.scratch()))
        #expect(page.status == 0, "\(page.standardError)")
        #expect(page.standardOutput.contains("thematic agree"))
        #expect(page.standardOutput.contains("--reliability-data"))
    }

    @Test func theBashCompletionLoads() throws {
        let prefix = try Self.installed.get()
        let loaded = try Binaries.run(
            executable: "/bin/bash",
            [
                "-c", "source \"$1\" && complete -p thematic", "bash",
                prefix + "/share/bash-completion/completions/thematic",
            ],
            environment: Self.withoutSwift(home: TestFolders.scratch()))
        #expect(loaded.status == 0, "\(loaded.standardError)")
        #expect(loaded.standardError == "")
        #expect(loaded.standardOutput.contains("thematic"))
    }

    @Test func uninstallLeavesNoFileBehind() throws {
        let prefix = TestFolders.scratch() + "/prefix"
        #expect(try Self.make("install-built", prefix: prefix).status == 0)
        let removed = try Self.make("uninstall", prefix: prefix)
        #expect(removed.status == 0, "\(removed.standardError)")
        let left =
            FileManager.default.enumerator(atPath: prefix)?.compactMap { $0 as? String }
            .filter { !FileSystem.isDirectory(prefix + "/" + $0) } ?? []
        #expect(left == [])
    }
}

/// What `make build` leaves for `make install-built`.
enum ReleaseBuild {
    static let folder = TestFolders.packageRoot + "/.build/release"
    static let isMade = ["thematic", "generate-manual"].allSatisfy {
        FileManager.default.isExecutableFile(atPath: folder + "/" + $0)
    }
}
