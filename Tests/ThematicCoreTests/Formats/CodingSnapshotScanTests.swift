import CanonicalJSON
import Foundation
import Testing

@testable import ThematicCore

/// The fast scan of a coder's snapshot either reads exactly what the general reading (parse, then
/// `CodingFormat.decode`) reads, or gives up so that the general reading can say what is wrong and where.
@Suite struct CodingSnapshotScanTests {
    /// What the general reading makes of the bytes; nil where it refuses them.
    private func generalReading(_ text: String) -> Coding? {
        var problems = FileProblems()
        return try? CodingFormat.decode(JSONParser.parse(Array(text.utf8)), problems: &problems)
    }

    private func scan(_ text: String) -> Coding? { CodingSnapshotScan.read(Array(text.utf8))?.coding }

    /// A snapshot as the app writes it, with a span, a memo on a code and one on the record.
    private let canonical = """
        {
          "coder": "asha",
          "excerpts": {
            "R1-1": {
              "codebookRevision": 2,
              "codes": {
                "A1": {
                  "memo": "see page 4",
                  "spans": [
                    {
                      "end": 17,
                      "start": 4
                    }
                  ]
                },
                "A2": {}
              },
              "finished": true,
              "memo": "unsure",
              "updated": "2026-11-03T10:00:00Z"
            },
            "R1-2": {
              "codebookRevision": 2,
              "codes": {},
              "finished": false,
              "updated": "2026-11-03T10:01:00Z"
            }
          },
          "journalSequence": 7,
          "kind": "thematic.coding",
          "schemaVersion": 1
        }

        """

    @Test func aSnapshotWrittenByTheAppIsReadAsTheGeneralReadingReadsIt() throws {
        let coding = Coding.awkwardRecords
        let bytes = CodingFormat.prettyBytes(coding)
        #expect(CodingSnapshotScan.read(bytes)?.coding == coding)
        #expect(scan(canonical) != nil)
        #expect(scan(canonical) == generalReading(canonical))
    }

    @Test func aSnapshotWithoutRecordsIsReadAsTheGeneralReadingReadsIt() {
        let bytes = CodingFormat.prettyBytes(Coding(coder: "ben"))
        #expect(CodingSnapshotScan.read(bytes)?.coding == Coding(coder: "ben"))
    }

    @Test func aHandEditedSnapshotInAnotherLayoutIsReadTheSame() throws {
        let edited =
            "{\"schemaVersion\":1,\"kind\":\"thematic.coding\",\r\n\t\"excerpts\" : { \"R1-2\" : {\"updated\":"
            + "\"2026-11-03T10:01:00Z\",\"finished\":false,\"codes\":{},\"codebookRevision\":2},\n"
            + "\"R1-1\":{\"codes\":{\"A2\":{},\"A1\":{\"spans\":[{\"start\":4,\"end\":17}],\"memo\":\"see page 4\"}},"
            + "\"memo\":\"unsure\",\"finished\":true,\"codebookRevision\":2,\"updated\":\"2026-11-03T10:00:00Z\"}},"
            + "\"journalSequence\":7,\"coder\":\"asha\"}  \n"
        #expect(scan(edited) == generalReading(canonical))
        #expect(scan(edited) == generalReading(edited))
    }

    @Test func escapesAreUndoneAsTheParserUndoesThem() throws {
        let escaped = canonical.replacingOccurrences(of: "\"R1-2\"", with: #""R1-\u00e9\/\"x\"""#)
            .replacingOccurrences(of: "\"see page 4\"", with: #""line\nbreak, tab\t, \ud83d\ude00 and \\""#)
        let coding = try #require(scan(escaped))
        #expect(coding == generalReading(escaped))
        #expect(coding.excerpts["R1-é/\"x\""] != nil)
        #expect(coding.excerpts["R1-1"]?.codes["A1"]?.memo == "line\nbreak, tab\t, 😀 and \\")
    }

    @Test func everyCodeIDTheRecordsNameIsListed() throws {
        let escaped = canonical.replacingOccurrences(of: "\"A2\": {}", with: #""A\u0032x": {}"#)
        let scanned = try #require(CodingSnapshotScan.read(Array(escaped.utf8)))
        #expect(Set(scanned.codeIDs) == ["A1", "A2x"])
        #expect(scanned.coding == generalReading(escaped))
    }

    @Test func spansAreKeptInTheOrderTheFileListsThem() throws {
        let span = "{\n              \"end\": 17,\n              \"start\": 4\n            }"
        #expect(canonical.contains(span))
        let spans = canonical.replacingOccurrences(
            of: span, with: "{\"end\": 30, \"start\": 20}, {\"end\": 9, \"start\": 2}, {\"end\": 9, \"start\": 2}")
        let coding = try #require(scan(spans))
        #expect(coding == generalReading(spans))
        #expect(
            coding.excerpts["R1-1"]?.codes["A1"]?.spans == [
                TextSpan(start: 20, end: 30), TextSpan(start: 2, end: 9), TextSpan(start: 2, end: 9),
            ])
    }

    /// Each case changes one thing in `canonical`; the general reading refuses most of them with a located error,
    /// and reads the others (`1.0`, `1e0`, the byte order mark) in ways the scan does not try to follow.
    static let unsureCases: [(name: String, replace: String, with: String)] = [
        ("an unknown field", "\"finished\": false,", "\"finished\": false, \"colour\": \"red\","),
        ("an unknown field at the top", "\"journalSequence\": 7,", "\"journalSequence\": 7, \"x\": 1,"),
        ("a duplicate field", "\"finished\": false,", "\"finished\": false, \"finished\": true,"),
        ("a duplicate excerpt id", "\"R1-2\"", "\"R1-1\""),
        ("a duplicate code id", "\"A2\": {}", "\"A1\": {}"),
        ("a missing field", "\"codebookRevision\": 2,\n      \"codes\": {},", "\"codes\": {},"),
        ("a fraction", "\"journalSequence\": 7", "\"journalSequence\": 7.0"),
        ("an exponent", "\"journalSequence\": 7", "\"journalSequence\": 7e0"),
        ("a leading zero", "\"journalSequence\": 7", "\"journalSequence\": 07"),
        ("sixteen digits", "\"journalSequence\": 7", "\"journalSequence\": 1234567890123456"),
        ("a memo that is null", "\"memo\": \"unsure\"", "\"memo\": null"),
        (
            "a string where a number goes", "\"codebookRevision\": 2,\n      \"codes\": {}",
            "\"codebookRevision\": \"2\",\n      \"codes\": {}"
        ),
        ("a newer schema", "\"schemaVersion\": 1", "\"schemaVersion\": 2"),
        ("schema version 0", "\"schemaVersion\": 1", "\"schemaVersion\": 0"),
        ("another kind", "\"thematic.coding\"", "\"thematic.consensus\""),
        ("an escaped key", "\"finished\": true", #""fin\u0069shed": true"#),
        ("a control character", "\"unsure\"", "\"un\tsure\""),
        ("an unknown escape", "\"unsure\"", #""un\qsure""#),
        ("a lone surrogate", "\"unsure\"", #""\ud83d""#),
        ("a trailing comma", "\"A2\": {}", "\"A2\": {},"),
        ("text after the end", "\"schemaVersion\": 1\n}", "\"schemaVersion\": 1\n}x"),
        ("a byte order mark", "{\n  \"coder\"", "\u{FEFF}{\n  \"coder\""),
        ("a truncated file", "\"schemaVersion\": 1\n}", "\"schemaVersion\": 1"),
    ]

    @Test(arguments: unsureCases.map(\.name))
    func anInputTheScanIsNotSureOfIsLeftToTheGeneralReading(name: String) throws {
        let change = try #require(Self.unsureCases.first { $0.name == name })
        #expect(canonical.contains(change.replace))
        #expect(scan(canonical.replacingOccurrences(of: change.replace, with: change.with)) == nil)
    }

    @Test func idsThatSwiftHoldsEqualAreDuplicatesForTheScanAsForTheParser() {
        let twins = canonical.replacingOccurrences(of: "\"R1-1\"", with: "\"\u{E9}\"")
            .replacingOccurrences(of: "\"R1-2\"", with: "\"e\u{301}\"")
        #expect(generalReading(twins) == nil)
        #expect(scan(twins) == nil)
    }

    @Test func invalidUTF8AnywhereIsLeftToTheGeneralReading() {
        var bytes = Array(canonical.utf8)
        bytes.insert(0xFF, at: bytes.firstIndex(of: UInt8(ascii: "u"))!)
        #expect(CodingSnapshotScan.read(bytes) == nil)
    }
}
