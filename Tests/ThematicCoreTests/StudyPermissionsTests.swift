import CanonicalJSON
import Glibc
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Who may read a study: its owner only by default, the owner's group too when the manifest shares it. The umask is
/// process-wide, so these tests run one at a time under the usual 022.
@Suite(.serialized) struct StudyPermissionsTests {
    private func underUsualUmask<T>(_ body: () throws -> T) rethrows -> T {
        let saved = umask(0o022)
        defer { umask(saved) }
        return try body()
    }

    private func newStudy(shareWithGroup: Bool = false) throws -> StudyFolder {
        let folder = StudyFolder(path: TestFolders.scratch() + "/study")
        _ = try underUsualUmask {
            try StudyCreator.create(
                at: folder, title: "Private", codebook: nil, shareWithGroup: shareWithGroup, now: "2026-12-01T09:00:00Z"
            )
        }
        return folder
    }

    /// Every file and folder of the study (the folder itself as ".") with its permission bits.
    private func modes(_ folder: StudyFolder) throws -> [String: mode_t] {
        var modes: [String: mode_t] = [".": FileSystem.permissions(of: folder.path)!]
        func visit(_ relative: String) throws {
            let path = folder.url(relative)
            modes[relative] = FileSystem.permissions(of: path)
            if FileSystem.isDirectory(path) {
                for name in try FileSystem.list(path) { try visit(relative + "/" + name) }
            }
        }
        for name in try FileSystem.list(folder.path) { try visit(name) }
        return modes
    }

    private func expectModes(_ folder: StudyFolder, files: mode_t, folders: mode_t) throws {
        let found = try modes(folder)
        #expect(found.count > 5, "the study has its files")
        for (path, mode) in found {
            let expected = FileSystem.isDirectory(path == "." ? folder.path : folder.url(path)) ? folders : files
            #expect(mode == expected, "\(path): \(String(mode, radix: 8))")
        }
    }

    @Test func aNewStudysFilesAreTheOwnersOnly() throws {
        try expectModes(try newStudy(), files: 0o600, folders: 0o700)
    }

    @Test func aStudySharedWithTheGroupLetsTheGroupRead() throws {
        let folder = try newStudy(shareWithGroup: true)
        try expectModes(folder, files: 0o640, folders: 0o750)
        #expect(try TestSupport.load(folder).manifest.settings.shareWithGroup)
    }

    @Test func filesACodingSessionMakesAreAsPrivateAsTheStudy() throws {
        let folder = try newStudy()
        try underUsualUmask {
            let session = try CodingSession(folder: folder, coder: "ann")
            try session.close()
        }
        try expectModes(folder, files: 0o600, folders: 0o700)
    }

    @Test func aRewriteKeepsTheModeTheUserChose() throws {
        let folder = try newStudy()
        let codebook = folder.url(StudyFolder.codebookFile)
        #expect(chmod(codebook, 0o644) == 0)
        var study = try TestSupport.load(folder)
        study.codebook.title = "Renamed"
        try underUsualUmask { _ = try StudyWriter.save(study) }
        #expect(try TestSupport.text(codebook).contains("Renamed"))
        #expect(FileSystem.permissions(of: codebook) == 0o644)
    }

    @Test func aPrivateStudysManifestStaysAtVersionOne() throws {
        let manifest = try TestSupport.text(try newStudy().url(StudyFolder.manifestFile))
        #expect(manifest.contains("\"schemaVersion\": 1"))
        #expect(!manifest.contains("shareWithGroup"))
    }

    @Test func aSharedStudysManifestIsAtVersionTwoAndReadsBackByteForByte() throws {
        let folder = try newStudy(shareWithGroup: true)
        let path = folder.url(StudyFolder.manifestFile)
        let written = try FileSystem.readBytes(path)
        #expect(String(decoding: written, as: UTF8.self).contains("\"schemaVersion\": 2"))
        let study = try TestSupport.load(folder)
        #expect(CanonicalWriter.pretty(ManifestFormat.encode(study.manifest)) == written)
    }

    @Test func shareWithGroupInAVersionOneManifestIsRefused() throws {
        let folder = try newStudy(shareWithGroup: true)
        let path = folder.url(StudyFolder.manifestFile)
        let text = try TestSupport.text(path).replacing("\"schemaVersion\": 2", with: "\"schemaVersion\": 1")
        try AtomicFile.write(Array(text.utf8), to: path)
        #expect(!TestSupport.checksClean(folder))
    }

    @Test func checkNamesWhatAnyoneCanReadAndTheChmodThatFixesIt() throws {
        let folder = try newStudy()
        #expect(StudyExposure.problems(in: folder) == [])
        #expect(chmod(folder.url(StudyFolder.codebookFile), 0o644) == 0)
        let problems = StudyExposure.problems(in: folder)
        #expect(problems.map(\.severity) == [.warning])
        #expect(problems.first?.message.contains("(codebook.json)") == true)
        #expect(problems.first?.message.hasSuffix("chmod -R o-rwx \(folder.path)") == true)
    }
}
