import Foundation
import Testing
import ThematicCore
import ThematicTestSupport

/// Every command that writes CSV or TSV, on a study whose texts would run as formulas in a spreadsheet: raw by
/// default (for R and pandas), neutralised with a leading `'` under `--excel` (and `--bom`).
@Suite struct SpreadsheetExportTests {
    static let hyperlink = "=HYPERLINK(\"http://example.com\",\"click\")"
    /// The hyperlink as a CSV field: quoted, its quotes doubled.
    static let rawField = "\"=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\""
    static let neutralisedField = "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\""
    static let codeName = "@SUM(1+1)"

    /// A review titled and written like a formula, a code named like one, two coders who disagree on it, a memo
    /// and a consensus decision.
    static let study: String = {
        let path = TestFolders.scratch() + "/hostile"
        let stamp = "2026-12-01T09:00:00Z"
        func coded(_ codes: [String], memo: String? = nil) -> ExcerptCoding {
            ExcerptCoding(
                finished: true, codes: Dictionary(uniqueKeysWithValues: codes.map { ($0, AppliedCode()) }), memo: memo,
                updated: stamp, codebookRevision: 1)
        }
        var ann = Coding(coder: "ann")
        ann.excerpts = ["e1": coded(["C1"], memo: hyperlink), "e2": coded(["C1"])]
        var bob = Coding(coder: "bob")
        bob.excerpts = ["e1": coded([]), "e2": coded(["C1"])]
        let study = Study(
            folder: StudyFolder(path: path), manifest: StudyManifest(title: "Hostile", created: stamp),
            codebook: Codebook(title: "Codes", codes: [Code(id: "C1", name: codeName)]),
            corpus: Corpus(reviews: [
                Review(
                    id: "R1", title: hyperlink,
                    excerpts: [
                        Excerpt(id: "e1", section: "Findings", text: hyperlink),
                        Excerpt(id: "e2", section: "Findings", text: "-0.25 is a number, not a formula"),
                    ])
            ]),
            codings: ["ann": ann, "bob": bob],
            consensus: Consensus(excerpts: [
                "e1": ConsensusDecision(
                    codes: ["C1": AppliedCode()], basis: .edited, comparedCoders: ["ann", "bob"], coderCodes: [:],
                    lead: "lena", at: stamp, codebookRevision: 1)
            ]))
        try! StudyWriter.save(study)
        return path
    }()

    static let hyperlinkCommands: [[String]] = [
        ["export", "matrix", study, "--coder", "ann", "--rows", "review"],
        ["export", "matrix", study, "--coder", "ann", "--rows", "review", "--format", "tsv"],
        ["retrieve", study, "--code", "C1", "--coder", "ann", "--format", "csv"],
        ["retrieve", study, "--code", "C1", "--coder", "ann", "--format", "tsv"],
        ["memos", study, "--format", "csv"],
        ["reconcile", "report", study, "--format", "csv"],
    ]

    private func run(_ arguments: [String]) throws -> String {
        let outcome = try Binaries.run("thematic", arguments)
        #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
        return outcome.standardOutput
    }

    @Test(arguments: hyperlinkCommands)
    func aFormulaInTheTextStaysRawByDefault(_ arguments: [String]) throws {
        let output = try run(arguments)
        #expect(output.contains(Self.rawField), "\(arguments)")
        #expect(!output.contains("'="), "\(arguments)")
        #expect(!output.hasPrefix("\u{FEFF}"))
    }

    @Test(arguments: hyperlinkCommands)
    func aFormulaInTheTextStartsWithAQuoteForExcel(_ arguments: [String]) throws {
        let output = try run(arguments + ["--excel"])
        #expect(output.contains(Self.neutralisedField), "\(arguments)")
        #expect(!output.contains(Self.rawField), "\(arguments)")
        #expect(output.hasPrefix("\u{FEFF}"), "--excel starts with the byte order mark Excel needs")
    }

    @Test func bomAloneNeutralisesAsExcelDoes() throws {
        let output = try run(Self.hyperlinkCommands[0] + ["--bom"])
        #expect(output.contains(Self.neutralisedField))
    }

    @Test(arguments: [
        ["reconcile", "training", study, "--format", "csv"], ["export", "cooccurrence", study, "--coder", "ann"],
    ])
    func aCodeNamedLikeAFormulaStartsWithAQuoteOnlyForExcel(_ arguments: [String]) throws {
        #expect(try run(arguments).contains("," + Self.codeName))
        #expect(!(try run(arguments).contains("'" + Self.codeName)))
        #expect(try run(arguments + ["--excel"]).contains(",'" + Self.codeName))
    }

    @Test func agreementFiguresStayNumbersForExcel() throws {
        let agree = ["agree", Self.study, "--format", "csv"]
        let raw = try run(agree)
        let excel = try run(agree + ["--excel"])
        #expect(excel == "\u{FEFF}" + raw, "a report of ids and numbers has nothing to neutralise")
        #expect(raw.contains(",-"), "the disagreement gives negative figures, which must stay numbers")
    }

    @Test func excelIsRefusedForFormatsThatAreNotDelimited() throws {
        let outcome = try Binaries.run(
            "thematic", ["retrieve", Self.study, "--code", "C1", "--coder", "ann", "--excel"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--excel applies to csv and tsv only"))
    }
}
