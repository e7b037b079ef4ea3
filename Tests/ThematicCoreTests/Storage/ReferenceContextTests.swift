import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A reader without the JSON tree asks `passes`, and reads the file again with its tree only when a record does not
/// pass: `passes` must hold exactly when `check` finds nothing to report.
@Suite struct ReferenceContextTests {
    private static func context() throws -> ReferenceContext {
        let study = try StudyReader.load(TestSupport.validStudy(), coders: []).study
        var codebook = study.codebook
        codebook.codes.append(Code(id: "A3", name: "Merged away", parent: "A", status: .merged(into: "A1")))
        return ReferenceContext(codebook: codebook, corpus: study.corpus)
    }

    /// R1-1's text has 49 characters; the codebook is at revision 2, A is a category, B1 is retired.
    static let records: [(name: String, excerpt: String, codes: [String: AppliedCode], revision: Int, passes: Bool)] =
        [
            ("plain codes", "R1-1", ["A1": AppliedCode(), "A2": AppliedCode(memo: "why")], 2, true),
            ("no codes", "R1-2", [:], 2, true),
            ("a retired code", "R1-1", ["B1": AppliedCode()], 1, true),
            ("spans that fit", "R1-1", ["A1": AppliedCode(spans: [TextSpan(start: 0, end: 49)])], 2, true),
            ("an unknown excerpt", "R9-9", ["A1": AppliedCode()], 2, false),
            ("a newer codebook revision", "R1-1", [:], 3, false),
            ("an unknown code", "R1-1", ["Z9": AppliedCode()], 2, false),
            ("a category", "R1-1", ["A": AppliedCode()], 2, false),
            ("a merged code", "R1-1", ["A3": AppliedCode()], 2, false),
            ("a span past the text", "R1-1", ["A1": AppliedCode(spans: [TextSpan(start: 40, end: 50)])], 2, false),
            ("an empty span", "R1-1", ["A1": AppliedCode(spans: [TextSpan(start: 4, end: 4)])], 2, false),
            ("a negative start", "R1-1", ["A1": AppliedCode(spans: [TextSpan(start: -1, end: 4)])], 2, false),
        ]

    @Test(arguments: records.map(\.name))
    func aRecordPassesExactlyWhenTheCheckFindsNothing(name: String) throws {
        let record = try #require(Self.records.first { $0.name == name })
        let context = try Self.context()
        var problems = FileProblems()
        context.check(
            excerptID: record.excerpt, codes: record.codes, revision: record.revision, value: nil, path: .root,
            problems: &problems)
        #expect(problems.items.isEmpty == record.passes)
        var walk = CorpusWalk(context.corpus)
        #expect(
            context.passes(
                excerptID: record.excerpt, codes: record.codes, revision: record.revision, codesArePlain: false,
                walk: &walk) == record.passes)
    }

    @Test func spansAreCheckedEvenWhenTheCodesAreKnownToBePlain() throws {
        let context = try Self.context()
        var walk = CorpusWalk(context.corpus)
        let outside = ["A1": AppliedCode(spans: [TextSpan(start: 40, end: 50)])]
        #expect(!context.passes(excerptID: "R1-1", codes: outside, revision: 2, codesArePlain: true, walk: &walk))
        let inside = ["A1": AppliedCode(spans: [TextSpan(start: 40, end: 49)])]
        #expect(context.passes(excerptID: "R1-1", codes: inside, revision: 2, codesArePlain: true, walk: &walk))
    }
}
