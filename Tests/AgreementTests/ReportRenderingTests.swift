import Agreement
import Foundation
import Testing

@Suite struct ReportRenderingTests {
    let edge: ReferenceCase
    let report: AgreementReport

    init() throws {
        edge = try ReferenceCase("edge")
        report = AgreementReport(edge.data)
    }

    @Test func tableListsCodesInTheGivenOrderWithThreeDecimalsAndAReading() {
        let lines = report.rendered(as: .table).split(separator: "\n").map(String.init)
        let codeRows = lines.filter { line in ["x ", "y ", "z ", "w ", "unused "].contains { line.hasPrefix($0) } }
        #expect(codeRows.map { String($0.prefix { $0 != " " }) } == ["x", "y", "z", "w", "unused"])
        #expect(codeRows[0].contains("0.533") && codeRows[0].hasSuffix("unreliable"))
        #expect(codeRows[1].contains("n/a"))
    }

    @Test func tableExplainsEveryUndefinedFigure() {
        #expect(
            report.rendered(as: .table).contains(
                "y: krippendorff_alpha undefined: no variation among pairable values (D_e = 0)"))
    }

    @Test func tableNotesOnlyTheFiguresItShowsAndTheFullReportsKeepTheRest() {
        let threeCoders = AgreementReport(
            TestData.make(
                coders: ["ann", "ben", "cal"], codes: ["a", "b"],
                [[["a"], ["a"], ["b"]], [["b"], ["a", "b"], ["b"]], [[], ["a"], []]]))
        let table = threeCoders.rendered(as: .table)
        #expect(table.contains("Fleiss k"))
        #expect(!table.contains("cohen_kappa undefined"))
        #expect(
            threeCoders.rendered(as: .csv).contains("cohen_kappa undefined: Cohen's kappa needs exactly two coders"))
    }

    @Test func tableSaysAReasonEveryCodeSharesOnce() {
        let noVariation = AgreementReport(
            TestData.make(
                coders: ["ann", "ben"], codes: ["a", "b"], [[["a", "b"], ["a", "b"]], [["a", "b"], ["a", "b"]]]))
        let notes = noVariation.rendered(as: .table).split(separator: "\n").filter { $0.contains("undefined") }
        #expect(notes.contains { $0.hasPrefix("  (every code): krippendorff_alpha undefined: ") })
        #expect(!notes.contains { $0.hasPrefix("  a: ") || $0.hasPrefix("  b: ") })
    }

    @Test func tableSaysWhichConventionEachFigureFollows() {
        let table = report.rendered(as: .table)
        #expect(AgreementReport.conventions.allSatisfy { table.contains("\($0.key): \($0.text)") })
    }

    @Test func markdownIsAPipeTableWithAnAlignmentRow() {
        let lines = report.rendered(as: .markdown).split(separator: "\n")
        let header = lines.firstIndex { $0.hasPrefix("| code") }!
        #expect(lines[header + 1].hasPrefix("| ---"))
        #expect(lines[header + 2].hasPrefix("| x "))
    }

    @Test func csvHasOneRowPerCodeThenPooledAndSetValuedAtFullPrecision() {
        let rows = report.rendered(as: .csv).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(
            rows.map { $0[0] } == [
                "code", "x", "y", "z", "w", "unused", "(pooled)", "(code sets: MASI)", "(code sets: Jaccard)",
            ])
        let alpha = rows[0].firstIndex(of: "krippendorff_alpha")!
        #expect(rows[1][alpha] == "\(8.0 / 15.0)")
        #expect(rows[2][alpha] == "n/a")
    }

    @Test func jsonUsesTheReferenceKeysAndValues() throws {
        let json = try JSONSerialization.jsonObject(with: Data(report.rendered(as: .json).utf8)) as! [String: Any]
        let perCode = json["per_code"] as! [String: [String: Any]]
        for (code, expected) in edge.perCode {
            for (key, value) in expected {
                let ours = perCode[code]![key]
                switch value {
                case let number as Double: #expect(abs((ours as! Double) - number) <= 1e-6, "\(code) \(key)")
                case is NSNull: #expect(ours is NSNull, "\(code) \(key)")
                case let notes as [String]: #expect(Set(notes).isSubset(of: ours as! [String]), "\(code) notes")
                default: #expect(ours as? Int == value as? Int, "\(code) \(key)")
                }
            }
        }
        let overall = json["overall"] as! [String: Any]
        for key in ["alpha_masi", "alpha_jaccard", "alpha_masi_legacy_nltk_le_3_10_0"] {
            #expect(abs((overall[key] as! Double) - (edge.overall[key] as! Double)) <= 1e-6, "\(key)")
        }
    }

    @Test func jsonNamesTheBootstrapProcedureWhenOneWasRun() throws {
        let withBootstrap = AgreementReport(edge.data, bootstrap: AlphaBootstrap(procedure: .kalpha, seed: 7))
        let json =
            try JSONSerialization.jsonObject(with: Data(withBootstrap.rendered(as: .json).utf8)) as! [String: Any]
        let bootstrap = json["bootstrap"] as! [String: Any]
        #expect(bootstrap["procedure"] as? String == "kalpha")
        #expect((json["per_code"] as! [String: [String: Any]])["x"]!["krippendorff_alpha_ci_lower"] is Double)
    }

    @Test func tableShowsTheNominalViewWhenEveryCodingHoldsOneCode() throws {
        let report = AgreementReport(try ReferenceCase("kripp2011").data)
        #expect(
            report.rendered(as: .table).contains(
                "One code per coding, as one nominal variable (q = 5 codes used): alpha 0.743"))
    }
}
