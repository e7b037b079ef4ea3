import CanonicalJSON
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A project import never overwrites a study file that somebody else changed after the import read the study.
@Suite struct ProjectImportLockingTests {
    /// A project whose one case gives its review an attribute the study does not have yet.
    private static func projectWithANewAttribute() throws -> [UInt8] {
        let qde = """
            <Project xmlns="urn:QDA-XML:project:1.0" name="Attributes" origin="MAXQDA 24"><Users><User guid="11111111-0000-4000-8000-000000000001" name="Ana Smith"/></Users>\
            <CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="Referral" isCodable="true"/></Codes></CodeBook>\
            <Variables><Variable guid="ee000000-0000-4000-8000-000000000001" name="Local authority type" typeOfVariable="Text"/></Variables>\
            <Cases><Case guid="ca000000-0000-4000-8000-000000000001" name="Case A">\
            <VariableValue><VariableRef targetGUID="ee000000-0000-4000-8000-000000000001"/><TextValue>Unitary</TextValue></VariableValue>\
            <SourceRef targetGUID="5e000000-0000-4000-8000-000000000001"/></Case></Cases>\
            <Sources><TextSource guid="5e000000-0000-4000-8000-000000000001" name="Review A" plainTextPath="internal://a.txt"/></Sources></Project>
            """
        return try ZipFixture.make(["project.qde": qde, "sources/a.txt": "The referral was not followed up.\n"])
    }

    private func importProject(into folder: StudyFolder, progress: any ProgressReporter = .silent) throws {
        let study = try TestSupport.load(folder)
        let project = try RefiProjectImport.plan(
            try RefiProjectFile.read(try Self.projectWithANewAttribute(), file: "project.qdpx"), study: study,
            options: .init(now: "2026-12-02T10:00:00Z"))
        let plan = try CorpusImport.plan(study, contents: [.reviews(project.reviews)])
        try ProjectImport.apply(project, plan: plan, to: study, by: "lena", acceptChanges: false, progress: progress)
    }

    @Test func aManifestChangedWhileTheImportRunsIsKeptAndTheImportFinishesWhenRunAgain() throws {
        let folder = StudyFolder(path: TestFolders.scratch() + "/study")
        _ = try StudyCreator.create(at: folder, title: "Before", codebook: nil, now: "2026-12-01T09:00:00Z")
        #expect(throws: FileSnapshot.Changed(file: StudyFolder.manifestFile)) {
            try importProject(into: folder, progress: ManifestPull(folder: folder, title: "Renamed by a git pull"))
        }
        let refused = try TestSupport.load(folder).manifest
        #expect(refused.title == "Renamed by a git pull")
        #expect(!refused.attributes.contains { $0.id == "localAuthorityType" })
        try importProject(into: folder)
        let finished = try TestSupport.load(folder)
        #expect(finished.manifest.title == "Renamed by a git pull")
        #expect(finished.manifest.attributes.contains { $0.id == "localAuthorityType" })
        #expect(finished.corpus.review("Review-A")?.attributes["localAuthorityType"] == "Unitary")
        #expect(TestSupport.checksClean(folder))
    }
}

/// Retitles the study in study.json, as a git pull would, once the import has written its reviews (after it read the
/// study, before it adds the attributes to the manifest).
private struct ManifestPull: ProgressReporter {
    let folder: StudyFolder
    let title: String

    func report(_ phase: String, done: Int, total: Int, unit: String) {
        guard unit == "reviews written", done == total, var manifest = try? TestSupport.load(folder).manifest else {
            return
        }
        manifest.title = title
        try? AtomicFile.write(
            CanonicalWriter.pretty(ManifestFormat.encode(manifest)), to: folder.url(StudyFolder.manifestFile))
    }
}
