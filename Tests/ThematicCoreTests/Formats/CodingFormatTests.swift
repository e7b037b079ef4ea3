import CanonicalJSON
import Testing

@testable import ThematicCore

/// A coder's snapshot is written record by record rather than as one JSON value; its bytes must stay exactly the
/// canonical layout every other study file has.
@Suite struct CodingFormatTests {
    @Test func aSnapshotIsWrittenInTheCanonicalLayout() throws {
        let coding = Coding.awkwardRecords
        let bytes = CodingFormat.prettyBytes(coding)
        #expect(bytes == CanonicalWriter.pretty(CodingFormat.encode(coding)))
        var problems = FileProblems()
        #expect(try CodingFormat.decode(JSONParser.parse(bytes), problems: &problems) == coding)
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func anyCodingIsWrittenInTheCanonicalLayout(_ seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let coding = GeneratedCoding.make(&random)
        #expect(CodingFormat.prettyBytes(coding) == CanonicalWriter.pretty(CodingFormat.encode(coding)))
    }

    @Test func aSnapshotWithoutRecordsIsWrittenInTheCanonicalLayout() {
        let coding = Coding(coder: "ben")
        #expect(CodingFormat.prettyBytes(coding) == CanonicalWriter.pretty(CodingFormat.encode(coding)))
        #expect(String(decoding: CodingFormat.prettyBytes(coding), as: UTF8.self).contains("\"excerpts\": {},"))
    }
}

/// Codings with whatever a record may hold: keys and memos with escapes, control characters, combining marks and
/// characters beyond the BMP (ordered by bytes differently from Swift's own order), empty and unsorted spans,
/// numbers up to Int's limits, unfinished records, records without codes.
private enum GeneratedCoding {
    static let pieces = [
        "a", "Z", "0", "K1.2", " ", "-", "\"", "\\", "\n", "\t", "\r", "\u{1}", "\u{1f}", "\u{7f}", "é", "e\u{301}",
        "f",
        "中", "😀", "/",
    ]
    static let numbers = [
        0, 1, 7, -3, 59, 1_000_000, 9_007_199_254_740_991, 9_007_199_254_740_993, -(1 << 60), .max, .min,
    ]

    static func make(_ random: inout SeededGenerator) -> Coding {
        var coding = Coding(coder: text(&random), journalSequence: number(&random))
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            var codes: [String: AppliedCode] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let spans = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                    TextSpan(start: number(&random), end: number(&random))
                }
                codes[text(&random)] = AppliedCode(spans: spans, memo: random.chance(0.3) ? text(&random) : nil)
            }
            coding.excerpts[text(&random)] = ExcerptCoding(
                finished: random.chance(0.8), codes: codes, memo: random.chance(0.3) ? text(&random) : nil,
                updated: text(&random), codebookRevision: number(&random))
        }
        return coding
    }

    static func text(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static func number(_ random: inout SeededGenerator) -> Int {
        random.chance(0.5) ? numbers.randomElement(using: &random)! : Int.random(in: -500...5_000, using: &random)
    }
}

extension Coding {
    /// Records out of id order, with spans, memos that need escaping and non-ASCII text, and an unfinished excerpt.
    static let awkwardRecords: Coding = {
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
        return coding
    }()
}
