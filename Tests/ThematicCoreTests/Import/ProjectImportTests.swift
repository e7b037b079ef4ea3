import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Whole REFI-QDA projects into a study: reviews, codebook, each user's codings on the same characters, memos and
/// attributes; and the files real tools write, quirks included, refused with the element and reason when wrong.
@Suite struct ProjectImportTests {
    private func emptyStudy() throws -> StudyFolder {
        let folder = StudyFolder(path: TestFolders.scratch() + "/empty")
        _ = try StudyCreator.create(at: folder, title: "Empty", codebook: nil, now: "2026-12-01T09:00:00Z")
        return folder
    }

    /// Imports as `thematic import STUDY project.qdpx` does; returns the plan and what was written.
    @discardableResult
    private func importProject(
        _ bytes: [UInt8], into folder: StudyFolder, file: String = "project.qdpx",
        options: RefiProjectImport.Options = .init(now: "2026-12-02T10:00:00Z")
    ) throws -> (RefiProjectImport, ProjectImport.Outcome) {
        let study = try TestSupport.load(folder)
        let project = try RefiProjectImport.plan(
            try RefiProjectFile.read(bytes, file: file), study: study, options: options)
        let plan = try CorpusImport.plan(study, contents: [.reviews(project.reviews)])
        return (project, try ProjectImport.apply(project, plan: plan, to: study, by: "lena", acceptChanges: false))
    }

    /// The text a coder's span covers, in the imported study.
    private func spanText(_ study: Study, coder: String, code: String) -> [String] {
        study.codings[coder]?.excerpts.sorted { $0.key < $1.key }.flatMap { excerptID, record -> [String] in
            guard let applied = record.codes[code], let text = study.corpus.excerpt(excerptID)?.text else { return [] }
            let scalars = Array(text.unicodeScalars)
            return applied.spans.isEmpty
                ? [text] : applied.spans.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        } ?? []
    }

    // MARK: Thematic's own projects

    @Test func theDemoStudyComesBackWholeIntoAnEmptyStudy() throws {
        let demo = try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
        let folder = try emptyStudy()
        try importProject(try RefiProject.export(demo), into: folder, file: "demo.qdpx")
        let imported = try TestSupport.load(folder)
        #expect(TestSupport.checksClean(folder))
        #expect(imported.corpus == demo.corpus)
        #expect(imported.codebook.codes == demo.codebook.codes)
        #expect(imported.codebook.history.dropLast() == demo.codebook.history[...])
        for coder in demo.coders {
            #expect(imported.codings[coder]?.excerpts == demo.codings[coder]?.excerpts, "coder \(coder)")
        }
        #expect(imported.consensus == demo.consensus)
        #expect(imported.manifest.attributes == demo.manifest.attributes)
    }

    @Test func importingTheSameProjectTwiceChangesNothingTheSecondTime() throws {
        let bytes = try RefiProject.export(try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study)
        let folder = try emptyStudy()
        try importProject(bytes, into: folder)
        let before = try FolderSnapshot.take(folder.path)
        let (_, outcome) = try importProject(bytes, into: folder)
        #expect(outcome.records.isEmpty && !outcome.codebookChanged)
        #expect(
            try FolderSnapshot.take(folder.path).filter { !$0.key.hasSuffix(".journal") }
                == before.filter { !$0.key.hasSuffix(".journal") })
    }

    @Test func theCodebookOnlyImportOfAProjectNeverWritesCodingsForExcerptsTheStudyLacks() throws {
        let bytes = try RefiProject.export(try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study)
        let folder = try emptyStudy()
        let study = try TestSupport.load(folder)
        let project = try RefiProjectImport.plan(
            try RefiProjectFile.read(bytes, file: "demo.qdpx"), study: study, options: .init(existingReviewsOnly: true))
        #expect(project.skippedSources.count == 14)
        let written = try CodebookEditor(folder: folder).importProject(project, from: "demo.qdpx", by: "lena")
        #expect(written.isEmpty)
        #expect(try TestSupport.load(folder).codings.isEmpty)
        #expect(TestSupport.checksClean(folder))
    }

    // MARK: Other tools' projects

    /// A project as qc writes it: one selection per coded line, its line break included, no `internal://`, no user
    /// on the selection (only on the coding), a source named by its path.
    private static let qcText =
        "Interview with a health visitor\nShe said the notes were not shared.\r\nThe GP was not told — café meeting 🙂 missed.\n\nThe strategy meeting was never convened.\n"

    private static func qcProject(
        text: String = qcText, path: String = "7d5c1c7e-0000-4000-8000-000000000001.txt",
        document: String = "project.qde", namespace: String = "urn:QDA-XML:project:1.0",
        selections: String? = nil
    ) throws -> [UInt8] {
        let scalars = Array(text.unicodeScalars)
        func line(_ number: Int) -> (Int, Int) {
            var start = 0
            var seen = 0
            for (index, scalar) in scalars.enumerated() where scalar == "\n" {
                if seen == number { return (start, index + 1) }
                seen += 1
                start = index + 1
            }
            return (start, scalars.count)
        }
        let (s1, e1) = line(1), (s2, e2) = line(2), (s4, e4) = line(4)
        let selected =
            selections ?? """
                <PlainTextSelection guid="aa000000-0000-4000-8000-000000000001" name="line:1" startPosition="\(s1)" endPosition="\(e1)">\
                <Coding guid="cc000000-0000-4000-8000-000000000001" creatingUser="11111111-0000-4000-8000-000000000001"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000002"/></Coding>\
                <Coding guid="cc000000-0000-4000-8000-000000000002" creatingUser="11111111-0000-4000-8000-000000000002"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000002"/></Coding>\
                </PlainTextSelection>\
                <PlainTextSelection guid="aa000000-0000-4000-8000-000000000002" name="line:2" startPosition="\(s2 + 4)" endPosition="\(e2 - 1)">\
                <Coding guid="cc000000-0000-4000-8000-000000000003" creatingUser="11111111-0000-4000-8000-000000000001"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000003"/></Coding>\
                </PlainTextSelection>\
                <PlainTextSelection guid="aa000000-0000-4000-8000-000000000003" name="line:4" startPosition="\(s4)" endPosition="\(e4)">\
                <Coding guid="cc000000-0000-4000-8000-000000000004" creatingUser="11111111-0000-4000-8000-000000000002"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000003"/></Coding>\
                </PlainTextSelection>
                """
        let qde = """
            <Project xmlns="\(namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="qc 1.3.2" name="qc project">\
            <Users><User name="José Pérez" guid="11111111-0000-4000-8000-000000000001"/><User name="chrisp" guid="11111111-0000-4000-8000-000000000002"/></Users>\
            <CodeBook><Codes><Code name="sharing" guid="c0000000-0000-4000-8000-000000000001" isCodable="true">\
            <Code name="notes_not_shared" guid="c0000000-0000-4000-8000-000000000002" isCodable="true"/>\
            <Code name="gp_not_told" guid="c0000000-0000-4000-8000-000000000003" isCodable="true"/></Code></Codes></CodeBook>\
            <Sources><TextSource plainTextPath="\(path)" guid="5e000000-0000-4000-8000-000000000001" name="interviews/hv-interview.txt">\(selected)</TextSource></Sources></Project>
            """
        return try ZipFixture.make([document: qde, "sources/7d5c1c7e-0000-4000-8000-000000000001.txt": text])
    }

    @Test func aQcProjectImportsWithEachUsersCodingsOnTheWordsTheySelected() throws {
        let folder = try emptyStudy()
        let (project, _) = try importProject(try Self.qcProject(), into: folder)
        let study = try TestSupport.load(folder)
        #expect(study.corpus.reviews.map(\.id) == ["hv-interview"])
        #expect(project.coders.map { "\($0.userName)=\($0.coder)" } == ["José Pérez=jose-perez", "chrisp=chrisp"])
        let byName = Dictionary(uniqueKeysWithValues: study.codebook.codes.map { ($0.name, $0.id) })
        let notShared = try #require(byName["notes_not_shared"]), gpNotTold = try #require(byName["gp_not_told"])
        #expect(spanText(study, coder: "jose-perez", code: notShared) == ["She said the notes were not shared."])
        #expect(spanText(study, coder: "chrisp", code: notShared) == ["She said the notes were not shared."])
        #expect(spanText(study, coder: "jose-perez", code: gpNotTold) == ["GP was not told — café meeting 🙂 missed."])
        #expect(spanText(study, coder: "chrisp", code: gpNotTold) == ["The strategy meeting was never convened."])
        #expect(TestSupport.checksClean(folder))
    }

    @Test func aCoderWhoCodedASourceHasFinishedItsOtherExcerptsWithNoCode() throws {
        let folder = try emptyStudy()
        try importProject(try Self.qcProject(), into: folder)
        let study = try TestSupport.load(folder)
        let review = try #require(study.corpus.reviews.first)
        for coder in ["jose-perez", "chrisp"] {
            let records = try #require(study.codings[coder]?.excerpts)
            #expect(review.excerpts.allSatisfy { records[$0.id]?.finished == true }, "coder \(coder)")
        }
    }

    @Test func aShortLineNamesTheSectionUnlessSomebodyCodedIt() throws {
        let folder = try emptyStudy()
        try importProject(try Self.qcProject(), into: folder)
        let review = try #require(try TestSupport.load(folder).corpus.reviews.first)
        #expect(review.excerpts.first?.section == "Interview with a health visitor")
        #expect(!review.excerpts.contains { $0.text == "Interview with a health visitor" })
    }

    @Test func atlasTisProjectDocumentNamedAfterTheProjectAndItsNamespaceVariantImport() throws {
        for namespace in ["urn:QDA-XML:project:1:0", "urn:QDA-XML:codebook:0:4"] {
            let folder = try emptyStudy()
            try importProject(
                try Self.qcProject(
                    path: "internal://7d5c1c7e-0000-4000-8000-000000000001.txt", document: "My ATLAS project.qde",
                    namespace: namespace), into: folder)
            #expect(try TestSupport.load(folder).corpus.reviews.count == 1)
        }
    }

    @Test func aSelectionAcrossAParagraphBreakBecomesASpanInEachExcerpt() throws {
        let text = "First paragraph is here.\nSecond paragraph follows it.\n"
        let selection = """
            <PlainTextSelection guid="aa000000-0000-4000-8000-000000000009" startPosition="6" endPosition="31" creatingUser="11111111-0000-4000-8000-000000000001">\
            <Coding guid="cc000000-0000-4000-8000-000000000009"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000002"/></Coding></PlainTextSelection>
            """
        let folder = try emptyStudy()
        try importProject(try Self.qcProject(text: text, selections: selection), into: folder)
        let study = try TestSupport.load(folder)
        let code = try #require(study.codebook.codes.first { $0.name == "notes_not_shared" }?.id)
        #expect(spanText(study, coder: "jose-perez", code: code) == ["paragraph is here.", "Second"])
    }

    @Test func aSourceWhoseTextFileIsMissingIsReportedAndTheRestImports() throws {
        let folder = try emptyStudy()
        let (project, _) = try importProject(try Self.qcProject(path: "missing.txt"), into: folder)
        #expect(
            project.emptySources == [
                "\"interviews/hv-interview.txt\": its text file missing.txt is not in the project archive"
            ])
        #expect(try TestSupport.load(folder).codebook.codes.count == 3)
    }

    @Test func theNVivoExportImportsItsCodebookAndReportsItsEmptySources() throws {
        let folder = try emptyStudy()
        let (project, _) = try importProject(
            try FileSystem.readBytes(TestSupport.fixtures + "/refi/nvivo-mac-15-codebook.qdpx"), into: folder)
        #expect(
            project.emptySources.count == 2 && project.emptySources.allSatisfy { $0.hasSuffix("its text is empty") })
        let study = try TestSupport.load(folder)
        #expect(study.codebook.codes.count == 262 && study.corpus.reviews.isEmpty)
        #expect(TestSupport.checksClean(folder))
    }

    @Test func notesBecomeMemosAndCaseVariablesBecomeAttributes() throws {
        let text = "The referral was not followed up.\n"
        let qde = """
            <Project xmlns="urn:QDA-XML:project:1.0" name="Memo test" origin="MAXQDA 24"><Users><User guid="11111111-0000-4000-8000-000000000001" name="Ana Smith"/></Users>\
            <CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="Referral" isCodable="true" color="#AA0000"/></Codes></CodeBook>\
            <Variables><Variable guid="ee000000-0000-4000-8000-000000000001" name="Local authority type" typeOfVariable="Text"/>\
            <Variable guid="ee000000-0000-4000-8000-000000000002" name="Year" typeOfVariable="Integer"/></Variables>\
            <Cases><Case guid="ca000000-0000-4000-8000-000000000001" name="Case A">\
            <VariableValue><VariableRef targetGUID="ee000000-0000-4000-8000-000000000001"/><TextValue>Unitary</TextValue></VariableValue>\
            <VariableValue><VariableRef targetGUID="ee000000-0000-4000-8000-000000000002"/><IntegerValue>2019</IntegerValue></VariableValue>\
            <SourceRef targetGUID="5e000000-0000-4000-8000-000000000001"/></Case></Cases>\
            <Sources><TextSource guid="5e000000-0000-4000-8000-000000000001" name="Review A" plainTextPath="internal://a.txt">\
            <PlainTextSelection guid="aa000000-0000-4000-8000-000000000001" startPosition="4" endPosition="12" creatingUser="11111111-0000-4000-8000-000000000001">\
            <Description>Referral from school</Description>\
            <Coding guid="cc000000-0000-4000-8000-000000000001" creatingUser="11111111-0000-4000-8000-000000000001"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/>\
            <NoteRef targetGUID="bb000000-0000-4000-8000-000000000002"/></Coding></PlainTextSelection>\
            <NoteRef targetGUID="bb000000-0000-4000-8000-000000000001"/></TextSource>\
            <AudioSource guid="5e000000-0000-4000-8000-000000000002" name="Interview audio" path="internal://x.mp3"/></Sources>\
            <Notes><Note guid="bb000000-0000-4000-8000-000000000001" name="Overview" creatingUser="11111111-0000-4000-8000-000000000001"><PlainTextContent>A thin review.</PlainTextContent></Note>\
            <Note guid="bb000000-0000-4000-8000-000000000002" creatingUser="11111111-0000-4000-8000-000000000001"><PlainTextContent>Check the chronology.</PlainTextContent></Note>\
            <Note guid="bb000000-0000-4000-8000-000000000003"><PlainTextContent>Project memo.</PlainTextContent></Note></Notes>\
            <Graphs><Graph guid="9a000000-0000-4000-8000-000000000001" name="Map"/></Graphs></Project>
            """
        let folder = try emptyStudy()
        let (project, _) = try importProject(
            try ZipFixture.make(["project.qde": qde, "sources/a.txt": text]), into: folder)
        let study = try TestSupport.load(folder)
        let review = try #require(study.corpus.review("Review-A"))
        #expect(review.title == "Review A")
        #expect(review.attributes == ["localAuthorityType": "Unitary", "year": "2019"])
        #expect(study.manifest.attributes.map(\.label).suffix(2) == ["Incident type", "Local authority type"])
        let record = try #require(study.codings["ana-smith"]?.excerpts[review.excerpts[0].id])
        #expect(
            record.codes.values.first
                == AppliedCode(
                    spans: [TextSpan(start: 4, end: 12)], memo: "Referral from school\n\nCheck the chronology."))
        #expect(record.memo == "Note on the source: Overview: A thin review.")
        #expect(study.codebook.codes.first?.colour == "#AA0000")
        #expect(
            project.notCarried == [
                "audio sources": 1, "graphs": 1, "notes not attached to a source or selection (project memos)": 1,
            ])
    }

    /// A one-source project around `source` (a source element holding one selection of [4, 12) by the one user).
    private static func oneSourceProject(
        _ source: (String) -> String, files: [String: [UInt8]], document: String = "project.qde"
    ) throws -> [UInt8] {
        let selection = """
            <PlainTextSelection guid="aa000000-0000-4000-8000-000000000001" startPosition="4" endPosition="12" creatingUser="11111111-0000-4000-8000-000000000001">\
            <Coding guid="cc000000-0000-4000-8000-000000000001"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>
            """
        let qde = """
            <Project xmlns="urn:QDA-XML:project:1.0" name="One"><Users><User guid="11111111-0000-4000-8000-000000000001" name="Ana"/></Users>\
            <CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="Referral" isCodable="true"/></Codes></CodeBook>\
            <Sources>\(source(selection))</Sources></Project>
            """
        return try RefiProject.zip(
            [(document, Array(qde.utf8))] + files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    private func referralSpans(_ bytes: [UInt8]) throws -> [String] {
        let folder = try emptyStudy()
        try importProject(bytes, into: folder)
        let study = try TestSupport.load(folder)
        return spanText(study, coder: "ana", code: try #require(study.codebook.codes.first?.id))
    }

    @Test func aPDFSourcesTextRepresentationIsImportedAndItsCoordinateSelectionsCounted() throws {
        let bytes = try Self.oneSourceProject(
            { selection in
                """
                <PDFSource guid="5e000000-0000-4000-8000-000000000001" name="Review B" path="internal://b.pdf">\
                <PDFSelection guid="9d000000-0000-4000-8000-000000000001" page="1" firstX="1" firstY="1" secondX="5" secondY="5"/>\
                <Representation guid="5e000000-0000-4000-8000-000000000002" plainTextPath="internal://b.txt">\(selection)</Representation></PDFSource>
                """
            }, files: ["sources/b.txt": Array("The referral was not followed up.\n".utf8)])
        #expect(try referralSpans(bytes) == ["referral"])
        let project = try RefiProjectImport.plan(
            try RefiProjectFile.read(bytes, file: "b.qdpx"), study: try TestSupport.load(try emptyStudy()))
        #expect(project.notCarried == ["PDF selections by coordinates": 1])
    }

    @Test func aSourceWithOnlyAWordFileIsReadFromIt() throws {
        let docx = try FileSystem.readBytes(TestSupport.fixtures + "/documents/overview-report.docx")
        let bytes = try Self.oneSourceProject(
            { selection in
                """
                <TextSource guid="5e000000-0000-4000-8000-000000000001" name="Overview" richTextPath="internal://o.docx">\(selection)</TextSource>
                """
            }, files: ["sources/o.docx": docx])
        let folder = try emptyStudy()
        let (project, _) = try importProject(bytes, into: folder)
        #expect(project.warnings.contains { $0.contains("its text is read from the Word file") })
        #expect(try TestSupport.load(folder).corpus.review("Overview")?.excerpts.isEmpty == false)
    }

    @Test func utf16TextAndAProjectInsideAFolderOfTheArchiveAreRead() throws {
        let text = "The referral was not followed up.\n"
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bytes = try Self.oneSourceProject(
            { selection in
                """
                <TextSource guid="5e000000-0000-4000-8000-000000000001" name="Review A" plainTextPath="relative://a.txt">\(selection)</TextSource>
                """
            }, files: ["Study/sources/a.txt": utf16], document: "Study/Study.qde")
        #expect(try referralSpans(bytes) == ["referral"])
    }

    @Test func aSourcePathWithABracedGUIDFindsItsFileWrittenWithout() throws {
        let bytes = try Self.oneSourceProject(
            { selection in
                """
                <TextSource guid="5e000000-0000-4000-8000-000000000001" name="Review A" plainTextPath="internal://{5E000000-0000-4000-8000-000000000001}.txt">\(selection)</TextSource>
                """
            },
            files: [
                "sources/5e000000-0000-4000-8000-000000000001.txt": Array("The referral was not followed up.\n".utf8)
            ])
        #expect(try referralSpans(bytes) == ["referral"])
    }

    @Test func aCoderMapChoosesTheCoderNamesAndAMisspelledUserIsRefused() throws {
        let folder = try emptyStudy()
        let (project, _) = try importProject(
            try Self.qcProject(), into: folder,
            options: .init(coderMap: ["José Pérez": "jose", "chrisp": "chris"]))
        #expect(project.coders.map(\.coder) == ["jose", "chris"])
        #expect(throws: RefiError.self) {
            try RefiProjectImport.plan(
                try RefiProjectFile.read(try Self.qcProject(), file: "qc.qdpx"), study: try TestSupport.load(folder),
                options: .init(coderMap: ["Jose Perez": "jose"]))
        }
    }

    // MARK: Refusals

    /// Each broken project is refused with the file, the element and the reason, and the study stays byte-identical.
    private func expectRefusal(_ bytes: [UInt8], mentioning expected: [String]) throws {
        let folder = try emptyStudy()
        let before = try FolderSnapshot.take(folder.path)
        do {
            try importProject(bytes, into: folder, file: "broken.qdpx")
            Issue.record("the project was not refused")
        } catch let error as RefiError {
            for text in expected { #expect(error.description.contains(text), "\(error.description) lacks \(text)") }
        }
        #expect(try FolderSnapshot.take(folder.path) == before)
    }

    @Test func aTruncatedProjectIsRefused() throws {
        let bytes = try Self.qcProject()
        try expectRefusal(
            Array(bytes.prefix(bytes.count / 2)), mentioning: ["broken.qdpx", "not a readable zip archive"])
    }

    /// Found by fuzzing (Tests/fuzz/corpus/FuzzRefiProject): ZIPFoundation's in-memory reader trapped here.
    @Test func aZipEntryWhoseHeaderLiesPastTheEndIsRefused() throws {
        var bytes = try ZipFixture.make(["project.qde": "<Project/>"])
        let centralDirectory = try #require(
            bytes.indices.first { bytes[$0...].starts(with: [0x50, 0x4B, 0x01, 0x02]) })
        // The entry's relativeOffsetOfLocalHeader, 42 bytes into its central directory header, past the archive's end.
        bytes.replaceSubrange(centralDirectory + 42..<centralDirectory + 46, with: [0x00, 0x00, 0x10, 0x00])
        try expectRefusal(bytes, mentioning: ["broken.qdpx", "not a REFI-QDA project"])
    }

    @Test func aProjectDocumentThatIsNotXMLIsRefused() throws {
        try expectRefusal(
            try ZipFixture.make(["project.qde": "this is not XML {"]),
            mentioning: ["broken.qdpx/project.qde", "not well-formed XML"])
    }

    @Test func aSelectionOutsideItsSourcesTextIsRefused() throws {
        let selection = """
            <PlainTextSelection guid="aa000000-0000-4000-8000-000000000009" startPosition="10" endPosition="900">\
            <Coding guid="cc000000-0000-4000-8000-000000000009"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000002"/></Coding></PlainTextSelection>
            """
        try expectRefusal(
            try Self.qcProject(selections: selection),
            mentioning: [
                "broken.qdpx/project.qde", "line 1",
                "<PlainTextSelection guid=\"aa000000-0000-4000-8000-000000000009\">",
                "[10, 900)", "outside the text of source \"interviews/hv-interview.txt\"",
            ])
    }

    @Test func aDuplicatedGUIDIsRefused() throws {
        let selection = """
            <PlainTextSelection guid="c0000000-0000-4000-8000-000000000002" startPosition="0" endPosition="5">\
            <Coding guid="cc000000-0000-4000-8000-000000000009"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000002"/></Coding></PlainTextSelection>
            """
        try expectRefusal(
            try Self.qcProject(selections: selection),
            mentioning: [
                "broken.qdpx/project.qde",
                "<PlainTextSelection guid=\"c0000000-0000-4000-8000-000000000002\"> repeats the GUID of the <Code>",
            ])
    }
}
