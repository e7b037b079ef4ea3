import Testing
import ThematicTestSupport

@testable import ThematicCore

/// REFI-QDA projects (.qdpx): a whole study out and its codebook and codings back in.
@Suite struct RefiProjectTests {
    private func valid() throws -> Study {
        try StudyReader.load(try TestFolders.copyStudy(TestSupport.fixtures + "/valid")).study
    }

    /// The study's project read back onto the study itself (codings of its own reviews only).
    private func roundTrip(_ study: Study) throws -> (RefiProjectImport, [String: [String: ExcerptCoding]]) {
        let project = try RefiProjectImport.plan(
            try RefiProjectFile.read(try RefiProject.export(study), file: "study.qdpx"), study: study,
            options: .init(existingReviewsOnly: true))
        return (project, project.records(in: study.corpus.reviews))
    }

    @Test func everyCodersCodingsComeBackFromAQdpxWithoutLoss() throws {
        let study = try valid()
        let (project, records) = try roundTrip(study)
        #expect(records["asha"] == study.codings["asha"]?.excerpts)
        #expect(records["ben"] == study.codings["ben"]?.excerpts)
        #expect(project.codebook.codebook == study.codebook)
    }

    @Test func theDemoStudyComesBackFromAQdpxWithoutLoss() throws {
        let study = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
        let (project, records) = try roundTrip(study)
        for coder in study.coders { #expect(records[coder] == study.codings[coder]?.excerpts) }
        #expect(project.codebook.codebook == study.codebook)
    }

    @Test func theConsensusIsExportedAsItsOwnUserButNeverImportedAsACoder() throws {
        let (_, records) = try roundTrip(try valid())
        #expect(records["consensus"] == nil)
    }

    @Test func aForeignSelectionAcrossTwoExcerptsCodesBothOfThem() throws {
        let study = try valid()
        let review = try #require(study.corpus.review("R1"))
        let text = review.excerpts.map(\.text).joined(separator: " ")
        let project = """
            <Project xmlns="urn:QDA-XML:project:1.0" name="Other tool"><Users><User guid="{U1}" name="Dana Smith"/></Users>
            <CodeBook><Codes><Code guid="{C1}" name="Missed" isCodable="true"/></Codes></CodeBook>
            <Sources><TextSource guid="{S1}" name="R1" plainTextPath="internal://s1.txt">
            <PlainTextSelection guid="{P1}" startPosition="40" endPosition="60" creatingUser="{U1}"><Coding guid="{K1}" creatingUser="{U1}"><CodeRef targetGUID="{C1}"/></Coding></PlainTextSelection>
            </TextSource></Sources></Project>
            """
        let archive = try ZipFixture.make(["project.qde": project, "sources/s1.txt": text])
        let imported = try RefiProjectImport.plan(
            try RefiProjectFile.read(archive, file: "other.qdpx"), study: study,
            options: .init(existingReviewsOnly: true, now: "2026-11-23T12:00:00Z"))
        let coding = try #require(imported.records(in: study.corpus.reviews)["dana-smith"])
        #expect(coding["R1-1"]?.codes["Missed"] == AppliedCode(spans: [TextSpan(start: 40, end: 49)]))
        #expect(coding["R1-2"]?.codes["Missed"] == AppliedCode(spans: [TextSpan(start: 0, end: 10)]))
    }

    @Test func eachReviewIsACaseWithItsAttributesAsVariables() throws {
        let study = try valid()
        let archive = try RefiProject.export(study)
        let entries = try RefiProject.unzip(archive, file: "study.qdpx")
        let project = String(decoding: try #require(entries["project.qde"]), as: UTF8.self)
        #expect(
            project.contains(
                "<Variable guid=\"\(RefiGUID.make("study:2026-11-01T09:00:00Z/variable/year"))\" name=\"Year\" typeOfVariable=\"Text\"/>"
            ))
        #expect(project.contains("<TextValue>2016</TextValue>"))
    }

    @Test func importingAProjectWritesItsCodingsThroughEachCodersSession() throws {
        let source = try valid()
        let bytes = try RefiProject.export(source)
        let folder = try TestFolders.copyStudy(TestSupport.fixtures + "/valid")
        try FileSystem.remove(folder.url("codings/ben.json"))
        let target = try StudyReader.load(folder).study
        let project = try RefiProjectImport.plan(
            try RefiProjectFile.read(bytes, file: "study.qdpx"), study: target,
            options: .init(existingReviewsOnly: true))
        let written = try CodebookEditor(folder: folder).importProject(project, from: "study.qdpx", by: "lena")
        #expect(written == ["ben": 1])
        #expect(
            try StudyReader.load(folder).study.codings["ben"]
                == source.codings["ben"].map {
                    var coding = $0
                    coding.journalSequence = 1
                    return coding
                })
        #expect(StudyReader.read(folder).errors.isEmpty)
    }

    @Test func aQdcWithoutACodeInUseIsRefusedAndChangesNothing() throws {
        let folder = try TestFolders.copyStudy(TestSupport.fixtures + "/valid")
        let before = try FolderSnapshot.take(folder.path)
        let imported = Codebook(title: "Other", codes: [Code(id: "A1", name: "Only one")])
        #expect(
            throws: CodebookEditError(
                "the imported codebook lacks codes the study's codings use, or has them as categories: A2 (2 codings); nothing was changed"
            )
        ) {
            try CodebookEditor(folder: folder).importCodebook(imported, from: "other.qdc", by: "lena")
        }
        #expect(try FolderSnapshot.take(folder.path) == before)
    }
}

/// Builds small .qdpx archives for tests.
enum ZipFixture {
    static func make(_ files: [String: String]) throws -> [UInt8] {
        try RefiProject.zip(files.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) })
    }
}
