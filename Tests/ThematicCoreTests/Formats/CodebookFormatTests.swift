import CanonicalJSON
import Testing

@testable import ThematicCore

/// codebook.json across versions: versions 1 (no groups) and 2 (groups) still load, and every codebook is written at
/// the current version, 3 (typed history), which then reads back byte for byte.
@Suite struct CodebookFormatTests {
    static let folder = TestSupport.fixtures + "/codebooks"

    @Test func aVersionOneCodebookLoadsWithNoGroups() throws {
        let codebook = try StudyCreator.readCodebook(Self.folder + "/version-1.json")
        #expect(codebook.codes.map(\.id) == ["A", "A1", "A2", "B1"])
        #expect(codebook.groups == [])
    }

    @Test func aVersionOneCodebookIsWrittenAtTheCurrentVersionAndThenRoundTrips() throws {
        try expectWrittenAtVersionThreeThenByteForByte("version-1.json")
    }

    @Test func aVersionTwoCodebookLoadsItsGroups() throws {
        let codebook = try StudyCreator.readCodebook(Self.folder + "/version-2-groups.json")
        #expect(
            codebook.groups == [
                CodeGroup(
                    id: "risk", name: "Risk factors", description: "Signs that a child was at risk",
                    codes: ["A1", "B1"]),
                CodeGroup(id: "health", name: "Health", guid: "3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            ])
        #expect(codebook.groups(of: "A1").map(\.id) == ["risk"])
    }

    @Test func aVersionTwoCodebookIsWrittenAtTheCurrentVersionAndThenRoundTrips() throws {
        try expectWrittenAtVersionThreeThenByteForByte("version-2-groups.json")
    }

    @Test func aHistoryThatChangedGroupsReadsBackWhenNoGroupIsLeft() throws {
        var codebook = try StudyCreator.readCodebook(Self.folder + "/version-1.json")
        codebook = try codebook.applying(
            .addGroup(CodeGroup(id: "risk", name: "Risk")), by: "lena", at: "2026-12-01T09:00:00Z")
        codebook = try codebook.applying(.deleteGroup("risk"), by: "lena", at: "2026-12-01T09:01:00Z")
        let encoded = CodebookFormat.encode(codebook)
        var problems = FileProblems()
        #expect(
            try CodebookFormat.decode(JSONParser.parse(CanonicalWriter.pretty(encoded)), problems: &problems)
                == codebook)
        #expect(codebook.history.last?.groupsBefore?.map(\.id) == ["risk"])
    }

    private func expectWrittenAtVersionThreeThenByteForByte(_ name: String) throws {
        let codebook = try StudyCreator.readCodebook(Self.folder + "/" + name)
        let written = CanonicalWriter.pretty(CodebookFormat.encode(codebook))
        #expect(String(decoding: written, as: UTF8.self).contains("\"schemaVersion\": 3"))
        var problems = FileProblems()
        let again = try CodebookFormat.decode(try JSONParser.parse(written), problems: &problems)
        #expect(again == codebook)
        #expect(CanonicalWriter.pretty(CodebookFormat.encode(again)) == written)
    }
}
