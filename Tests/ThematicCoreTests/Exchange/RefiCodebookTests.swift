import CanonicalJSON
import Foundation
import Testing

@testable import ThematicCore

/// REFI-QDA codebooks (.qdc): our own round trip, stable GUIDs, and what real tools emit.
@Suite struct RefiCodebookTests {
    private func rich() throws -> Codebook {
        var book = try StudyCreator.readCodebook(TestSupport.fixtures + "/valid/codebook.json")
        book = try book.applying(
            .edit(
                "A2",
                [
                    .full: "Line one\nline <two> & \"three\" -- 'four'", .whenToUse: "Always", .whenNotToUse: "Never",
                    .example: "\"No referral\" -->", .colour: "#1f77b4", .hotkey: "2",
                ]), by: "lena", at: "2026-11-23T12:00:00Z", note: "clarify -- please")
        book = try book.applying(
            .add(Code(id: "A3", name: "Late", parent: "A", source: "unverified: team")), by: "lena",
            at: "2026-11-23T12:01:00Z")
        return try book.applying(.merge("A3", into: "A2"), by: "lena", at: "2026-11-23T12:02:00Z")
    }

    private func read(_ text: String) throws -> RefiCodebook.Imported {
        try RefiCodebook.read(Array(text.utf8), file: "test.qdc", title: "Imported")
    }

    @Test func ourCodebookComesBackFromAQdcWithoutLoss() throws {
        let book = try rich()
        let exported = RefiCodebook.export(book, scope: "study:test")
        #expect(try RefiCodebook.read(exported, file: "x.qdc", title: "other").codebook == book)
    }

    @Test func aQdcWhoseCommentAnEarlierBuildWroteImportsItsHistoryTyped() throws {
        let file = TestSupport.fixtures + "/migration/codebook-version-1-history.json"
        let book = try StudyCreator.readCodebook(file)
        let exported = String(decoding: RefiCodebook.export(book, scope: "study:test"), as: UTF8.self)
        let oldHeader = try JSONParser.parse(try FileSystem.readBytes(file)).replacing("codes", with: .array([]))
        let oldPayload = String(decoding: CanonicalWriter.compact(oldHeader), as: UTF8.self).replacingOccurrences(
            of: "--", with: "-\\u002d")
        let start = try #require(exported.range(of: RefiCodebook.commentMarker))
        let end = try #require(exported.range(of: "-->", range: start.upperBound..<exported.endIndex))
        let older = exported.replacingCharacters(in: start.upperBound..<end.lowerBound, with: oldPayload)
        #expect(older.contains(#""action":"rename""#))
        #expect(try RefiCodebook.read(Array(older.utf8), file: "x.qdc", title: "other").codebook == book)
    }

    @Test func exportingTwiceGivesTheSameGUIDs() throws {
        let book = try rich()
        #expect(RefiCodebook.export(book, scope: "study:test") == RefiCodebook.export(book, scope: "study:test"))
    }

    @Test func guidsAreVersionFiveUUIDsOfTheScopeAndId() {
        let guid = RefiGUID.make("study:test/code/A1")
        #expect(guid.count == 36 && Array(guid)[14] == "5")
        #expect(guid != RefiGUID.make("study:test/code/A2"))
    }

    @Test func sha1MatchesTheStandardTestVector() {
        let hex = SHA1.hash(Array("abc".utf8)).map {
            String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16)
        }.joined()
        #expect(hex == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test func theNVivoExportImportsItsFullTree() throws {
        let bytes = try FileSystem.readBytes(TestSupport.fixtures + "/refi/nvivo-mac-15-codebook.qdpx")
        let book = try RefiProjectFile.read(bytes, file: "nvivo.qdpx").codebook.codebook
        #expect(book.codes.count == 262)
        #expect(book.codes.map { book.depth(of: $0.id) }.max() == 6)
        #expect(book.codes.first?.name == "rq1_definition")
        #expect(Set(book.codes.map(\.id)).count == 262)
    }

    @Test func foreignFilesWithVariantNamespacesBracedGUIDsAndNoColoursImport() throws {
        let imported = try read(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <qdc:CodeBook xmlns:qdc="urn:QDA-XML:codebook:1:0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:codebook:1:0 http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd">
              <qdc:Codes>
                <qdc:Code guid="{7E5F1B2A-0000-4000-8000-000000000001}" name="Family" isCodable="false">
                  <qdc:Code guid="{7E5F1B2A-0000-4000-8000-000000000002}" name="Support" isCodable="true" color="#FF0000"><qdc:Description>Help from relatives</qdc:Description></qdc:Code>
                </qdc:Code>
                <qdc:Code guid="{7E5F1B2A-0000-4000-8000-000000000003}" name="School" isCodable="false">
                  <qdc:Code guid="{7E5F1B2A-0000-4000-8000-000000000004}" name="Support" isCodable="true"/>
                </qdc:Code>
              </qdc:Codes>
            </qdc:CodeBook>
            """)
        let codes = imported.codebook.codes
        #expect(codes.map(\.id) == ["Family", "Support", "School", "Support-2"])
        #expect(codes.map(\.parent) == [nil, "Family", nil, "School"])
        #expect(codes[1].colour == "#FF0000" && codes[1].brief == "Help from relatives" && codes[3].colour == nil)
        #expect(!codes[0].codable)
        #expect(imported.codeIDs["7e5f1b2a-0000-4000-8000-000000000004"] == "Support-2")
        #expect(codes[3].guid == "7e5f1b2a-0000-4000-8000-000000000004")
    }

    @Test func anotherToolsGUIDsSurviveOurExportsSoItStillRecognisesItsCodes() throws {
        let imported = try read(
            """
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
            <Code guid="{7E5F1B2A-0000-4000-8000-00000000000A}" name="Family" isCodable="true"/>
            </Codes></CodeBook>
            """)
        let exported = RefiCodebook.export(imported.codebook, scope: "study:test")
        #expect(
            String(decoding: exported, as: UTF8.self).contains("<Code guid=\"7e5f1b2a-0000-4000-8000-00000000000a\""))
        let again = try RefiCodebook.read(exported, file: "x.qdc", title: "other").codebook
        #expect(again.codes.first?.guid == "7e5f1b2a-0000-4000-8000-00000000000a")
        #expect(again == imported.codebook)
    }

    @Test func ourOwnExportsDoNotStoreTheirDerivedGUIDs() throws {
        let exported = RefiCodebook.export(try rich(), scope: "study:test")
        #expect(
            try RefiCodebook.read(exported, file: "x.qdc", title: "other").codebook.codes.allSatisfy { $0.guid == nil })
    }

    @Test func aTruncatedQdcIsAClearError() throws {
        let exported = RefiCodebook.export(try rich(), scope: "study:test")
        #expect {
            try RefiCodebook.read(Array(exported.prefix(exported.count / 2)), file: "half.qdc", title: "x")
        } throws: { error in
            "\(error)".hasPrefix("half.qdc: not well-formed XML (at line ")
                && "\(error)".hasSuffix("is the file complete?")
        }
    }

    @Test func aDocumentThatIsNotACodebookIsRefused() throws {
        #expect(
            throws: RefiError(
                file: "test.qdc", message: "expected a REFI-QDA codebook (a <CodeBook> element), found <Project>")
        ) {
            try read("<Project xmlns=\"urn:QDA-XML:project:1.0\"/>")
        }
    }

    @Test func aDescriptionWithAnOurBlockNamesTheCodeById() throws {
        let imported = try read(
            """
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a" name="Late referral" isCodable="true">
            <Description>Referral made late&#10;&#10;[Thematic] {"brief":"Referral made late","id":"C7","status":"retired"}</Description></Code></Codes></CodeBook>
            """)
        #expect(
            imported.codebook.codes == [
                Code(id: "C7", name: "Late referral", status: .retired, brief: "Referral made late")
            ])
    }
}

extension RefiCodebookTests {
    @Test func ourStatusSetsRetireCodesWhoseDescriptionsAnotherToolRewrote() throws {
        let imported = try read(
            """
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a" name="Old" isCodable="true"><Description>Edited in NVivo</Description></Code></Codes>
            <Sets><Set guid="s" name="Thematic: retired codes"><MemberCode targetGUID="a"/></Set></Sets></CodeBook>
            """)
        #expect(imported.codebook.codes.first?.status == .retired)
        #expect(imported.warnings.isEmpty)
    }
}
