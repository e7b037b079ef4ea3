import CanonicalJSON
import Testing

@testable import ThematicCore

/// A coder's snapshot is written record by record rather than as one JSON value; its bytes must stay exactly the
/// canonical layout every other study file has.
@Suite struct CodingFormatTests {
    @Test func aSnapshotIsWrittenInTheCanonicalLayout() throws {
        var coding = Coding(coder: "asha", journalSequence: 42)
        coding.excerpts["R02-001"] = ExcerptCoding(
            finished: true,
            codes: [
                "C10": AppliedCode(spans: [TextSpan(start: 0, end: 4), TextSpan(start: 9, end: 12)]),
                "C2": AppliedCode(memo: "a \"quoted\" memo\nover two lines, ünïcödé and a tab\t"),
            ],
            memo: "unsure: \\ backslash", updated: "2026-12-05T09:00:00Z", codebookRevision: 3)
        coding.excerpts["R01-010"] = ExcerptCoding(finished: true, updated: "2026-12-05T09:01:00Z", codebookRevision: 1)
        coding.excerpts["R01-002"] = ExcerptCoding(
            finished: false, updated: "2026-12-05T09:02:00Z", codebookRevision: 2)
        let bytes = CodingFormat.prettyBytes(coding)
        #expect(bytes == CanonicalWriter.pretty(CodingFormat.encode(coding)))
        var problems = FileProblems()
        #expect(try CodingFormat.decode(JSONParser.parse(bytes), problems: &problems) == coding)
    }

    @Test func aSnapshotWithoutRecordsIsWrittenInTheCanonicalLayout() {
        let coding = Coding(coder: "ben")
        #expect(CodingFormat.prettyBytes(coding) == CanonicalWriter.pretty(CodingFormat.encode(coding)))
        #expect(String(decoding: CodingFormat.prettyBytes(coding), as: UTF8.self).contains("\"excerpts\": {},"))
    }
}
