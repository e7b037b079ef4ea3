import Foundation
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Code groups as REFI-QDA sets: what ATLAS.ti writes comes in as groups, ours go out and come back exactly, and
/// both exports stay valid against the REFI-QDA 1.0 schemas.
@Suite struct RefiGroupTests {
    private let time = "2026-12-01T09:00:00Z"

    /// The small valid study's codebook with two groups (one from another tool, one empty), a retired and a merged
    /// code.
    private func grouped() throws -> Codebook {
        var book = try StudyCreator.readCodebook(TestSupport.fixtures + "/codebooks/version-2-groups.json")
        book = try book.applying(.add(Code(id: "A3", name: "Late", parent: "A")), by: "lena", at: time)
        book = try book.applying(.addToGroup(["A3"], group: "health"), by: "lena", at: time)
        book = try book.applying(.addGroup(CodeGroup(id: "empty", name: "Nothing yet")), by: "lena", at: time)
        return try book.applying(.merge("A3", into: "A2"), by: "lena", at: time)
    }

    private func readFixture(_ name: String) throws -> RefiCodebook.Imported {
        try RefiCodebook.read(
            try FileSystem.readBytes(TestSupport.fixtures + "/refi/" + name), file: name, title: "ATLAS.ti")
    }

    @Test(arguments: ["atlas-ti-code-group-1-0.qdc", "atlas-ti-code-group-0-4.qdc"])
    func anAtlasTiCodeGroupImportsAsAGroupWithItsMember(file: String) throws {
        let imported = try readFixture(file)
        #expect(
            imported.codebook.groups == [
                CodeGroup(
                    id: "code_group_1", name: "code group 1", description: "category 1",
                    codes: ["code1"], guid: "eca18d76-2b8b-4f26-bc1d-19eca19fb3f0")
            ])
        #expect(imported.warnings == [])
    }

    @Test func anotherToolsGroupKeepsItsGUIDThroughOurExport() throws {
        let imported = try readFixture("atlas-ti-code-group-1-0.qdc").codebook
        let exported = RefiCodebook.export(imported, scope: "study:test")
        #expect(
            String(decoding: exported, as: UTF8.self).contains(
                "<Set guid=\"eca18d76-2b8b-4f26-bc1d-19eca19fb3f0\" name=\"code group 1\">"))
        #expect(try RefiCodebook.read(exported, file: "x.qdc", title: "ATLAS.ti").codebook == imported)
    }

    @Test func groupsComeBackFromOurQdcExactly() throws {
        let book = try grouped()
        let again = try RefiCodebook.read(RefiCodebook.export(book, scope: "study:test"), file: "x.qdc", title: "other")
        #expect(again.codebook == book)
        #expect(again.warnings == [])
    }

    @Test func groupsComeBackFromOurQdpxExactly() throws {
        var study = try StudyReader.load(try TestFolders.copyStudy(TestSupport.fixtures + "/valid")).study
        study.codebook = try grouped()
        let imported = try RefiProjectFile.read(try RefiProject.export(study), file: "study.qdpx")
        #expect(imported.codebook.codebook == study.codebook)
    }

    @Test func membersThatAreNotCodesAreCountedInAWarning() throws {
        let imported = try RefiCodebook.read(
            Array(
                """
                <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a" name="One" isCodable="true"/></Codes>
                <Sets><Set guid="s" name="Round 2"><MemberCode guid="a"/><MemberCode guid="gone"/><MemberCode guid="also-gone"/></Set>
                <Set guid="t" name="Round 2"/></Sets></CodeBook>
                """.utf8), file: "test.qdc", title: "x")
        #expect(
            imported.codebook.groups == [
                CodeGroup(id: "Round_2", name: "Round 2", codes: ["One"]),
                CodeGroup(id: "Round_2-2", name: "Round 2"),
            ])
        #expect(imported.warnings == ["group \"Round 2\": 2 members that are not codes of this codebook were left out"])
    }

    @Test func aSetOfSourcesOnlyIsReportedNotMadeAGroup() throws {
        let sets = RefiElement(
            name: "Sets", attributes: [:],
            children: [
                RefiElement(
                    name: "Set", attributes: ["name": "Interviews", "guid": "s"],
                    children: [RefiElement(name: "MemberSource", attributes: ["targetGUID": "r"])])
            ])
        let imported = try RefiCodebook.read(
            RefiElement(name: "CodeBook", attributes: [:]), sets: sets, comments: [], file: "x.qdpx", title: "x")
        #expect(imported.codebook.groups == [])
        #expect(imported.warnings == ["set \"Interviews\" was not imported: it holds 1 source or note and no code"])
    }

    @Test func aProjectExportHasItsSetsUnderTheProjectAfterTheSources() throws {
        var study = try StudyReader.load(try TestFolders.copyStudy(TestSupport.fixtures + "/valid")).study
        study.codebook = try grouped()
        let project = String(
            decoding: try #require(try RefiProject.unzip(try RefiProject.export(study), file: "x.qdpx")["project.qde"]),
            as: UTF8.self)
        let codeBook =
            try #require(project.range(of: "<CodeBook>"))
            .lowerBound..<(try #require(project.range(of: "</CodeBook>")).upperBound)
        #expect(!project[codeBook].contains("<Sets>"))
        #expect(project.contains("</Sources>\n  <Sets>"))
        #expect(project.contains("<MemberCode targetGUID="))
    }

    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: xmllint != nil, "xmllint is not installed (Debian: libxml2-utils)"))
    func bothExportsWithGroupsAndStatusSetsAreValidAgainstTheSchemas() throws {
        var study = try StudyReader.load(try TestFolders.copyStudy(TestSupport.fixtures + "/valid")).study
        study.codebook = try grouped()
        let folder = TestFolders.scratch()
        try AtomicFile.write(
            RefiCodebook.export(study.codebook, scope: RefiProject.scope(of: study)), to: folder + "/codebook.qdc")
        try AtomicFile.write(
            try #require(try RefiProject.unzip(try RefiProject.export(study), file: "x.qdpx")["project.qde"]),
            to: folder + "/project.qde")
        for (file, schema) in [("codebook.qdc", "Codebook.xsd"), ("project.qde", "Project.xsd")] {
            let (status, errors) = try Self.validate(
                folder + "/" + file, against: TestSupport.fixtures + "/refi/schema/" + schema)
            #expect(status == 0, "\(file): \(errors)")
        }
    }

    private static func validate(_ file: String, against schema: String) throws -> (Int32, String) {
        let result = try Subprocess.run(try #require(xmllint), ["--noout", "--schema", schema, file])
        return (result.status, result.standardError)
    }
}
