import Foundation
import Testing
import ThematicTestSupport

@testable import ThematicCore

@Suite struct IdentifierRegisterTests {
    /// A new study holding the planted-identifiers review as P1.
    private func plantedStudy() throws -> Study {
        let study = try StudyCreator.create(
            at: StudyFolder(path: TestFolders.scratch() + "/study"), title: "Check", codebook: nil)
        let content = try ImportFile.read(TestSupport.fixtures + "/import/planted-identifiers.md", reviewID: "P1")
        try CorpusImport.apply(try CorpusImport.plan(study, contents: [content]), to: study, acceptChanges: false)
        return try StudyReader.load(study.folder).study
    }

    @Test func aStudyWithoutTheFileHasAnEmptyRegister() throws {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        #expect(try IdentifierRegister.load(folder) == IdentifierRegister())
        #expect(!FileSystem.exists(folder.url(IdentifierRegister.file)))
    }

    @Test func theRegisterRoundTripsThroughItsFile() throws {
        let folder = StudyFolder(path: TestFolders.scratch())
        var register = IdentifierRegister()
        IdentifierCheck.allowTerm(
            "Larchford", by: "lena", why: "invented town", in: &register, at: "2026-11-23T10:00:00Z")
        IdentifierCheck.allow(
            IdentifierFinding(
                excerptID: "P1-001", range: TextSpan(start: 3, end: 9), text: "Darius", rule: .personalName),
            by: "lena", why: "a pseudonym", in: &register, at: "2026-11-23T10:01:00Z")
        try register.save(to: folder)
        #expect(try IdentifierRegister.load(folder) == register)
        let text = try TestSupport.text(folder.url(IdentifierRegister.file))
        #expect(text.hasPrefix("{\n  \"allowedTerms\": [\n"))
        #expect(text.contains("\"kind\": \"thematic.identifiers\""))
    }

    @Test func aNewerSchemaVersionIsRefusedWithItsLine() throws {
        let folder = StudyFolder(path: TestFolders.scratch())
        try AtomicFile.write(
            Array(
                "{\n  \"kind\": \"thematic.identifiers\",\n  \"schemaVersion\": 3,\n  \"allowedTerms\": [],\n  \"decisions\": []\n}\n"
                    .utf8),
            to: folder.url(IdentifierRegister.file))
        #expect(throws: StudyLoadError.self) { try IdentifierRegister.load(folder) }
        do { _ = try IdentifierRegister.load(folder) } catch {
            #expect(error.problems.first?.line == 3)
        }
    }

    /// A register as this build wrote it before findings had fields: version 1, no "field" key.
    static let versionOneFile = """
        {
          "allowedTerms": [
            {
              "at": "2026-11-23T10:00:00Z",
              "by": "lena",
              "term": "Larchford",
              "why": "invented town"
            }
          ],
          "decisions": [
            {
              "at": "2026-11-23T10:01:00Z",
              "by": "lena",
              "decision": "allowed",
              "end": 9,
              "excerpt": "P1-001",
              "rule": "name",
              "start": 3,
              "text": "Darius",
              "why": "a pseudonym"
            }
          ],
          "kind": "thematic.identifiers",
          "schemaVersion": 1
        }

        """

    @Test func aVersionOneFileLoadsAndIsWrittenBackByteForByte() throws {
        let folder = StudyFolder(path: TestFolders.scratch())
        try AtomicFile.write(Array(Self.versionOneFile.utf8), to: folder.url(IdentifierRegister.file))
        let register = try IdentifierRegister.load(folder)
        #expect(register.decisions.map(\.field) == [.text])
        try register.save(to: folder)
        #expect(try TestSupport.text(folder.url(IdentifierRegister.file)) == Self.versionOneFile)
    }

    @Test func aDecisionAboutAFieldIsWrittenAsVersionTwoAndReadBack() throws {
        let folder = StudyFolder(path: TestFolders.scratch())
        var register = IdentifierRegister()
        for (index, field) in [IdentifierFinding.Field.section, .title, .attribute("author")].enumerated() {
            IdentifierCheck.allow(
                IdentifierFinding(
                    excerptID: index == 0 ? "P1-001" : "P1", range: TextSpan(start: 0, end: 6), text: "Darius",
                    rule: .personalName, field: field),
                by: "lena", why: "a pseudonym", in: &register, at: "2026-12-04T10:00:00Z")
        }
        try register.save(to: folder)
        #expect(try IdentifierRegister.load(folder) == register)
        let text = try TestSupport.text(folder.url(IdentifierRegister.file))
        #expect(text.contains("\"schemaVersion\": 2"))
        #expect(text.contains("\"field\": \"section\""))
        #expect(text.contains("\"field\": \"attribute:author\""))
    }

    @Test(arguments: [("\"subtitle\"", 2), ("\"attribute:\"", 2), ("\"text\"", 2), ("\"title\"", 1)])
    func aFieldThatIsUnknownOrInAVersionOneFileIsRefusedWithItsLine(field: String, version: Int) throws {
        let folder = StudyFolder(path: TestFolders.scratch())
        let file = Self.versionOneFile
            .replacingOccurrences(
                of: "\"excerpt\": \"P1-001\",", with: "\"excerpt\": \"P1\",\n      \"field\": \(field),"
            )
            .replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": \(version)")
        try AtomicFile.write(Array(file.utf8), to: folder.url(IdentifierRegister.file))
        #expect(throws: StudyLoadError.self) { try IdentifierRegister.load(folder) }
        do { _ = try IdentifierRegister.load(folder) } catch {
            #expect(error.problems.first?.line == 17)
            #expect(error.problems.first?.path == "decisions[0].field")
        }
    }

    @Test func anAllowedFindingIsNoLongerReported() throws {
        let study = try plantedStudy()
        var register = IdentifierRegister()
        let finding = try IdentifierCheck.finding(
            try #require(IdentifierCheck.findings(in: study, register: register).first { $0.text == "Pelham" })
                .reference,
            in: study, register: register)
        IdentifierCheck.allow(finding, by: "lena", why: "a pseudonym chosen by the review team", in: &register)
        #expect(!IdentifierCheck.findings(in: study, register: register).contains { $0.text == "Pelham" })
    }

    @Test func redactionReplacesTheTextByAPlaceholderAndRecordsItWithoutTheText() throws {
        let study = try plantedStudy()
        var register = IdentifierRegister()
        let finding = try #require(
            IdentifierCheck.findings(in: study, register: register).first { $0.rule == .phoneNumber })
        try IdentifierCheck.redact(finding, in: study, by: "lena", why: "a phone number", register: &register)
        let after = try StudyReader.load(study.folder).study
        let text = try #require(after.corpus.excerpt(finding.excerptID)?.text)
        #expect(text.contains("was [PHONE] and"))
        #expect(!text.contains(finding.text))
        #expect(register.decisions.last?.action == .redacted(placeholder: "[PHONE]"))
        #expect(register.decisions.last?.range == TextSpan(start: finding.range.start, end: finding.range.start + 7))
    }

    @Test func redactionIsRefusedWhenACodedSpanEndsAfterTheFinding() throws {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        let study = try StudyReader.load(folder).study
        let before = try FolderSnapshot.take(folder.path)
        // asha narrowed A3 on R01-004 to [285, 470).
        let text = Array(try #require(study.corpus.excerpt("R01-004")).text.unicodeScalars)
        let finding = IdentifierFinding(
            excerptID: "R01-004", range: TextSpan(start: 300, end: 305),
            text: String(String.UnicodeScalarView(text[300..<305])), rule: .personalName)
        var register = IdentifierRegister()
        #expect(throws: IdentifierCheck.Refusal.self) {
            try IdentifierCheck.redact(finding, in: study, by: "lena", why: "test", register: &register)
        }
        #expect(register.decisions.isEmpty)
        #expect(try FolderSnapshot.take(folder.path) == before)
    }

    @Test func aReferenceToNoOpenFindingIsRefused() throws {
        let study = try plantedStudy()
        #expect(throws: IdentifierCheck.Refusal.self) {
            try IdentifierCheck.finding("P1-001@9999", in: study, register: IdentifierRegister())
        }
        #expect(throws: IdentifierCheck.Refusal.self) {
            try IdentifierCheck.finding("nonsense", in: study, register: IdentifierRegister())
        }
    }
}
