import Agreement
import Foundation
import Testing

/// The span reliability-data JSON format, read straight from its bytes: every shape JSON allows, and every
/// mistake refused with its line and column.
@Suite struct SpanReliabilityDataTests {
    private func read(_ text: String) throws(ReliabilityDataError) -> SpanReliabilityData {
        try SpanReliabilityData.json(Array(text.utf8), path: "spans.json")
    }

    private func refusal(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func membersInAnyOrderEscapesAndUnknownMembersAreRead() throws {
        let data = try read(
            """
            {"version": {"ignored": [1, 2.5, true, null]},
             "units": [{"spans": {"ash\\u00e9": [{"end": 4, "code": "A\\/1", "start": 0, "note": "x"}], "ben": []}, "length": 12.0, "id": "R01-\\ud83d\\ude00"}],
             "codes": ["B2", "A/1"]}
            """)
        #expect(
            data.units == [
                .init(id: "R01-😀", length: 12, spans: ["ashé": [.init(code: "A/1", start: 0, end: 4)], "ben": []])
            ])
        #expect(data.codes == ["B2", "A/1"], "listed codes come first, in their order, even after the units")
        #expect(data.coders == ["ashé", "ben"])
    }

    @Test func codesNotListedFollowTheListedOnesInOrderOfFirstUse() throws {
        let data = try read(
            #"{"codes": ["Z"], "units": [{"id": "u", "length": 9, "spans": {"a": [{"code": "Q", "start": 0, "end": 1}, {"code": "B", "start": 1, "end": 2}]}}]}"#
        )
        #expect(data.codes == ["Z", "Q", "B"])
    }

    @Test func eachMistakeIsRefusedWithItsLineAndColumn() {
        #expect(
            refusal(
                "{\"units\": [\n  {\"id\": \"u\", \"length\": 5, \"spans\": {\"a\": [{\"code\": \"A\", \"start\": 2, \"end\": 9}]}}]}"
            )
                == #"spans.json:2:44: span [2, 9) of "A" by "a" does not fit unit "u" of length 5 (0 <= start < end <= length)"#
        )
        #expect(
            refusal(#"{"units": [{"id": "u", "length": 5, "spans": {}}, {"id": "u", "length": 5, "spans": {}}]}"#)
                == #"spans.json:1:58: unit id "u" appears twice"#)
        #expect(refusal(#"{"units": [{"id": "u", "spans": {}}]}"#) == #"spans.json:1:12: unit "u" has no "length""#)
        #expect(
            refusal(#"{"units": [{"id": "u", "length": 1.5, "spans": {}}]}"#)
                == "spans.json:1:34: the length of a unit must be a whole number")
        #expect(
            refusal(#"{"units": [{"id": "u", "length": 5, "spans": {"a": [{"code": "A", "start": 0}]}}]}"#)
                == #"spans.json:1:53: a span must be {"code": "...", "start": N, "end": N}"#)
        #expect(
            refusal(#"{"units": [{"id": "u", "length": 5, "spans": {}}"#)
                == #"spans.json:1:49: the text ends inside "units" (an array of {"id", "length", "spans"} objects)"#)
        #expect(
            refusal(#"{"codes": ["A"]}"#)
                == #"spans.json:1:1: expected "units": an array of {"id", "length", "spans"} objects"#)
        #expect(refusal(#"{"units": []} x"#) == "spans.json:1:15: unexpected text after the end of the document")
        #expect(refusal("[]") == #"spans.json:1:1: expected an object with "units" (and optionally "codes")"#)
    }

    @Test func anUnknownMemberNestedAHundredThousandDeepIsRefusedAtTheLimit() {
        let deep = #"{"notes": "# + String(repeating: "[", count: 100_000)
        #expect(refusal(deep) == "spans.json:1:523: values nested deeper than 512 levels")
    }

    @Test func aReliabilityDataFileOfTwoGigabytesIsRefusedBeforeItIsRead() throws {
        let path = FileManager.default.temporaryDirectory.path + "/thematic-huge-spans-\(getpid()).json"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 2 << 30)
        try handle.close()
        let refusal = #expect(throws: ReliabilityDataError.self) { try SpanReliabilityData.read(path: path) }
        #expect(
            refusal?.description
                == "\(path):1:1: the file is 2.0 GiB, over the 1 GiB Thematic reads as reliability data; nothing was read"
        )
    }
}
