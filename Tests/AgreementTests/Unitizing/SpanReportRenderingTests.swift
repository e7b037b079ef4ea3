import Foundation
import Testing

@testable import Agreement

/// The span report's formats, from hand-built figures (the statistics themselves are tested where they are computed).
@Suite struct SpanReportRenderingTests {
    static let overlap = "asha has A2 and A3 on the same text in R01-001"

    static func report(bootstrap: Bool = false) -> SpanAgreementReport {
        let agreement = SpanAgreement(
            coders: ["asha", "ben"], units: 3, length: 1200, binaryUAlpha: .value(0.8125),
            uAlpha: .undefined(reason: overlap),
            cuAlpha: .undefined(reason: overlap), dkpro2004Overall: .value(0.7),
            perCode: [
                SpanAgreement.CodeFigures(
                    code: "A1", uAlphaK: .value(0.75), binaryUAlphaK: .value(0.9), dkpro2004: .value(0.8),
                    nvivoPercentAgreement: .value(0.95), nvivoKappa: .value(0.85), sharedShare: .value(0.6),
                    codedCharacters: [400, 350]),
                SpanAgreement.CodeFigures(
                    code: "A2", uAlphaK: .undefined(reason: overlap), binaryUAlphaK: .value(0.5),
                    dkpro2004: .undefined(reason: "no variation (D_e = 0)"), nvivoPercentAgreement: .value(1),
                    nvivoKappa: .undefined(reason: "no character coded by either coder"), sharedShare: .value(0),
                    codedCharacters: [0, 12]),
            ])
        let dkpro = [
            Unitizing2004.Result(observedDisagreement: 0.01, expectedDisagreement: 0.05, alpha: .value(0.8)),
            Unitizing2004.Result(
                observedDisagreement: 0, expectedDisagreement: 0, alpha: .undefined(reason: "no variation (D_e = 0)")),
        ]
        guard bootstrap else { return SpanAgreementReport(agreement: agreement, dkpro2004: dkpro) }
        let procedure = AlphaBootstrap(replicates: 200, seed: 7)
        let interval = BootstrapInterval(
            procedure: .units, replicates: 200, usableReplicates: 200, lower: .value(0.7), upper: .value(0.9),
            shareBelow: [])
        let intervals = SpanIntervals(
            binaryUAlpha: interval,
            perCode: [
                interval, BootstrapInterval(.units, 200, undefined: "fewer than 40 replicates showed any variation"),
            ])
        return SpanAgreementReport(agreement: agreement, dkpro2004: dkpro, bootstrap: procedure, intervals: intervals)
    }

    static func json(_ report: SpanAgreementReport) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(report.rendered(as: .json).utf8)) as? [String: Any])
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func jsonHasTheKeysOtherImplementationsAreDiffedBy() throws {
        let json = try Self.json(Self.report())
        #expect(
            Set(json.keys) == [
                "binary_u_alpha", "u_alpha", "cu_alpha", "per_code", "dkpro_2004", "coders", "units", "length", "notes",
            ])
        #expect(json["binary_u_alpha"] as? Double == 0.8125)
        #expect(json["coders"] as? [String] == ["asha", "ben"])
        #expect(json["units"] as? Int == 3 && json["length"] as? Int == 1200)
        let a1 = try #require((json["per_code"] as? [String: [String: Any]])?["A1"])
        #expect(
            Set(a1.keys) == [
                "u_alpha_k", "binary_u_alpha_k", "nvivo_percent_agreement", "nvivo_kappa", "shared_share",
                "coded_characters",
            ])
        #expect(a1["binary_u_alpha_k"] as? Double == 0.9 && a1["u_alpha_k"] as? Double == 0.75)
        #expect(a1["coded_characters"] as? [String: Int] == ["asha": 400, "ben": 350])
    }

    @Test func jsonGivesThe2004AlphaWithItsDisagreementsPerCode() throws {
        let dkpro = try #require(Self.json(Self.report())["dkpro_2004"] as? [String: Any])
        #expect(Set(dkpro.keys) == ["overall", "per_code"])
        #expect(dkpro["overall"] as? Double == 0.7)
        let a1 = try #require((dkpro["per_code"] as? [String: [String: Any]])?["A1"])
        #expect(Set(a1.keys) == ["alpha", "observed_disagreement", "expected_disagreement"])
        #expect(a1["observed_disagreement"] as? Double == 0.01 && a1["expected_disagreement"] as? Double == 0.05)
    }

    @Test func jsonWritesAnUndefinedFigureAsNullWithItsReasonInTheSiblingNotes() throws {
        let json = try Self.json(Self.report())
        #expect(json["u_alpha"] is NSNull && json["cu_alpha"] is NSNull)
        #expect(
            json["notes"] as? [String] == ["u_alpha undefined: \(Self.overlap)", "cu_alpha undefined: \(Self.overlap)"])
        let a2 = try #require((json["per_code"] as? [String: [String: Any]])?["A2"])
        #expect(a2["u_alpha_k"] is NSNull && a2["nvivo_kappa"] is NSNull)
        #expect(
            a2["notes"] as? [String] == [
                "u_alpha_k undefined: \(Self.overlap)", "nvivo_kappa undefined: no character coded by either coder",
            ])
        let dkproA2 = try #require(
            ((json["dkpro_2004"] as? [String: Any])?["per_code"] as? [String: [String: Any]])?["A2"])
        #expect(dkproA2["alpha"] is NSNull)
        #expect(dkproA2["notes"] as? [String] == ["alpha undefined: no variation (D_e = 0)"])
    }

    @Test func jsonWithABootstrapGivesTheIntervalsAndHowTheyWereDrawn() throws {
        let json = try Self.json(Self.report(bootstrap: true))
        #expect(json["binary_u_alpha_ci_lower"] as? Double == 0.7 && json["binary_u_alpha_ci_upper"] as? Double == 0.9)
        let a2 = try #require((json["per_code"] as? [String: [String: Any]])?["A2"])
        #expect(a2["binary_u_alpha_k_ci_lower"] is NSNull)
        #expect(
            (a2["notes"] as? [String])?.contains(
                "binary_u_alpha_k_ci_lower undefined: fewer than 40 replicates showed any variation") == true)
        let bootstrap = try #require(json["bootstrap"] as? [String: Any])
        #expect(
            bootstrap["procedure"] as? String == "units" && bootstrap["seed"] as? String == "7"
                && bootstrap["replicates"] as? Int == 200)
    }

    @Test func tableGivesTheOverallRowThenOneRowPerCode() {
        let lines = Self.lines(Self.report().rendered(as: .table))
        #expect(lines[0] == "Agreement on spans")
        #expect(lines[2] == "2 coders (asha, ben), 3 units, 1200 characters, 2 codes")
        let rows = lines.filter { $0.hasPrefix("(all codes)") || $0.hasPrefix("A1 ") || $0.hasPrefix("A2 ") }
        #expect(rows.map { String($0.prefix { $0 != " " }) } == ["(all", "A1", "A2"])
        #expect(rows[0].contains("0.812") && rows[0].contains("n/a") && rows[0].hasSuffix("reliable"))
        #expect(rows[1].contains("0.900") && rows[1].contains("400 / 350"))
    }

    @Test func tablePrintsNAWithItsReasonNeverZeroOrOne() {
        let table = Self.report().rendered(as: .table)
        let a2 = Self.lines(table).first { $0.hasPrefix("A2 ") } ?? ""
        #expect(a2.split(separator: " ").filter { $0 == "n/a" }.count == 3, "(k)uα, 2004 uα and NVivo κ of A2")
        #expect(table.contains("  (all codes): u_alpha undefined: \(Self.overlap)"))
        #expect(table.contains("  (all codes): cu_alpha undefined: \(Self.overlap)"))
        #expect(table.contains("  A2: u_alpha_k undefined: \(Self.overlap)"))
        #expect(table.contains("  A2: dkpro_2004 undefined: no variation (D_e = 0)"))
        #expect(table.contains("  A2: nvivo_kappa undefined: no character coded by either coder"))
    }

    @Test func tableEndsWithHowToReadEachFigure() {
        let lines = Self.lines(Self.report().rendered(as: .table))
        let start = lines.lastIndex(of: "Conventions") ?? lines.endIndex
        let withoutIntervals = SpanAgreementReport.conventions.filter { $0.key != "|uα 95% CI" }
        #expect(Array(lines[(start + 1)...]) == withoutIntervals.map { "  \($0.key): \($0.text)" } + [""])
        let bootstrapped = Self.lines(Self.report(bootstrap: true).rendered(as: .table))
        #expect(
            bootstrapped.contains(
                "  |uα 95% CI: " + SpanAgreementReport.conventions.first { $0.key == "|uα 95% CI" }!.text),
            "the interval is explained only where there are intervals")
        for key in ["|uα", "uα", "cuα", "(k)uα", "2004 uα", "NVivo"] {
            #expect(SpanAgreementReport.conventions.contains { $0.key == key }, "no convention for \(key)")
        }
        #expect(
            SpanAgreementReport.conventions.contains {
                $0.text.contains("NVivo's coding comparison, dominated by uncoded text; given for comparison only")
            })
    }

    @Test func tableWithABootstrapHasAnIntervalColumnAndSaysHowItWasDrawn() {
        let table = Self.report(bootstrap: true).rendered(as: .table)
        #expect(table.contains("|uα 95% CI"))
        #expect(table.contains("[0.700, 0.900]"))
        #expect(table.contains("Bootstrap: units resampling, 200 replicates, seed 7"))
    }

    @Test func markdownIsTheTableWithHeadingsAndAPipeTable() {
        let lines = Self.lines(Self.report().rendered(as: .markdown))
        #expect(lines[0] == "## Agreement on spans")
        #expect(lines.contains { $0.hasPrefix("| code ") })
        #expect(lines.contains { $0.hasPrefix("| (all codes) ") })
        #expect(lines.contains("- (all codes): u_alpha undefined: \(Self.overlap)"))
        #expect(lines.contains("### Conventions"))
        #expect(lines.contains("- `|uα`: \(SpanAgreementReport.conventions[1].text)"))
    }

    @Test func csvHasTheOverallRowThenTheCodesAtFullPrecisionWithReasonsInNotes() {
        let lines = Self.lines(Self.report().rendered(as: .csv)).filter { !$0.isEmpty }
        #expect(
            lines[0]
                == "code,binary_u_alpha,u_alpha,cu_alpha,dkpro_2004,binary_u_alpha_k,u_alpha_k,shared_share,nvivo_percent_agreement,nvivo_kappa,"
                + "dkpro_2004_observed_disagreement,dkpro_2004_expected_disagreement,coded_characters_asha,coded_characters_ben,reading,notes"
        )
        #expect(
            lines[1] == "(all codes),0.8125,n/a,n/a,0.7,,,,,,,,,,reliable,"
                + "u_alpha undefined: \(Self.overlap); cu_alpha undefined: \(Self.overlap)")
        #expect(lines[2] == "A1,,,,0.8,0.9,0.75,0.6,0.95,0.85,0.01,0.05,400,350,reliable,")
        #expect(lines[3].hasPrefix("A2,,,,n/a,0.5,n/a,0.0,1.0,n/a,0.0,0.0,0,12,unreliable,"))
        #expect(lines.count == 4)
    }
}
