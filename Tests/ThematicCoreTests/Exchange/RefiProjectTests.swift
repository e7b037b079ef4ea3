import Testing
@testable import ThematicCore

/// REFI-QDA projects (.qdpx): a whole study out and its codebook and codings back in.
@Suite struct RefiProjectTests {
    private func valid() throws -> Study { try StudyReader.load(try TestSupport.copyStudy(TestSupport.fixtures + "/valid")).study }

    private func roundTrip(_ study: Study) throws -> RefiProject.Imported {
        try RefiProject.read(try RefiProject.export(study), file: "study.qdpx", corpus: study.corpus, title: "x", codebookRevision: study.codebook.revision)
    }

    @Test func everyCodersCodingsComeBackFromAQdpxWithoutLoss() throws {
        let study = try valid()
        let imported = try roundTrip(study)
        #expect(imported.codings["asha"] == study.codings["asha"]?.excerpts)
        #expect(imported.codings["ben"] == study.codings["ben"]?.excerpts)
        #expect(imported.codebook.codebook == study.codebook)
    }

    @Test func theDemoStudyComesBackFromAQdpxWithoutLoss() throws {
        let study = try StudyReader.load(StudyFolder(path: TestSupport.demoStudy)).study
        let imported = try roundTrip(study)
        for coder in study.coders { #expect(imported.codings[coder] == study.codings[coder]?.excerpts) }
        #expect(imported.codebook.codebook == study.codebook)
    }

    @Test func theConsensusIsExportedAsItsOwnUserButNotImportedAsACoder() throws {
        let imported = try roundTrip(try valid())
        #expect(imported.codings["consensus"] == nil)
        #expect(imported.warnings.contains { $0.contains("by \"consensus\" were not imported") })
    }

    @Test func selectionsArePlacedInUnicodeScalars() throws {
        let study = try valid()
        let bytes = try RefiProject.export(study)
        let review = try #require(study.corpus.review("R1"))
        let ranges = RefiProject.excerptRanges(review, in: review.excerpts.map(\.text).joined(separator: "\n\n"))
        #expect(ranges.map(\.1) == [TextSpan(start: 0, end: 49), TextSpan(start: 51, end: 97)])
        #expect(!bytes.isEmpty)
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
        let imported = try RefiProject.read(archive, file: "other.qdpx", corpus: study.corpus, title: "x", codebookRevision: 2, now: "2026-11-23T12:00:00Z")
        let coding = try #require(imported.codings["dana-smith"])
        #expect(coding["R1-1"]?.codes["Missed"] == AppliedCode(spans: [TextSpan(start: 40, end: 49)]))
        #expect(coding["R1-2"]?.codes["Missed"] == AppliedCode(spans: [TextSpan(start: 0, end: 10)]))
    }

    @Test func eachReviewIsACaseWithItsAttributesAsVariables() throws {
        let study = try valid()
        let archive = try RefiProject.export(study)
        let entries = try RefiProject.unzip(archive, file: "study.qdpx")
        let project = String(decoding: try #require(entries["project.qde"]), as: UTF8.self)
        #expect(project.contains("<Variable guid=\"\(RefiGUID.make("study:2026-11-01T09:00:00Z/variable/year"))\" name=\"Year\" typeOfVariable=\"Text\"/>"))
        #expect(project.contains("<TextValue>2016</TextValue>"))
    }

    @Test func importingAProjectWritesItsCodingsThroughEachCodersSession() throws {
        let source = try valid()
        let bytes = try RefiProject.export(source)
        let folder = try TestSupport.copyStudy(TestSupport.fixtures + "/valid")
        try FileSystem.remove(folder.url("codings/ben.json"))
        let target = try StudyReader.load(folder).study
        let project = try RefiProject.read(bytes, file: "study.qdpx", corpus: target.corpus, title: "x", codebookRevision: target.codebook.revision)
        let written = try CodebookEditor(folder: folder).importProject(project, from: "study.qdpx", by: "lena")
        #expect(written == ["ben": 1])
        #expect(try StudyReader.load(folder).study.codings["ben"] == source.codings["ben"].map { var coding = $0; coding.journalSequence = 1; return coding })
        #expect(StudyReader.read(folder).errors.isEmpty)
    }

    @Test func aQdcWithoutACodeInUseIsRefusedAndChangesNothing() throws {
        let folder = try TestSupport.copyStudy(TestSupport.fixtures + "/valid")
        let before = try TestSupport.snapshot(folder.path)
        let imported = Codebook(title: "Other", codes: [Code(id: "A1", name: "Only one")])
        #expect(throws: CodebookEditError("the imported codebook lacks codes the study's codings use, or has them as categories: A2 (2 codings); nothing was changed")) {
            try CodebookEditor(folder: folder).importCodebook(imported, from: "other.qdc", by: "lena")
        }
        #expect(try TestSupport.snapshot(folder.path) == before)
    }
}

/// Builds small .qdpx archives for tests.
enum ZipFixture {
    static func make(_ files: [String: String]) throws -> [UInt8] {
        try RefiProject.zip(files.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) })
    }
}
