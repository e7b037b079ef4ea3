import Agreement
import Foundation
import Testing

/// Seeded random span data in Fixtures/unitizing, with values from a brute-force Python computation of the
/// definitions and, for |uα and uα, the krippendorff-unitized-alpha package (make-expected.py there).
@Suite struct UnitizingAlphaReferenceTests {
    static let cases: [String] = {
        let url = ReferenceCase.fixtureURL("unitizing/cases.json")
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String]
    }()

    static func expectClose(_ statistic: Statistic, _ expected: Any?, _ what: String) {
        if let number = expected as? Double {
            #expect(statistic.value.map { abs($0 - number) < 1e-9 } == true, "\(what): \(statistic) vs \(number)")
        } else {
            #expect(statistic.value == nil, "\(what): \(statistic) vs undefined")
        }
    }

    @Test(arguments: cases)
    func everyFigureMatchesTheIndependentComputation(_ name: String) throws {
        let data = try SpanReliabilityData.read(path: ReferenceCase.fixtureURL("unitizing/\(name).json").path)
        let expected =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: ReferenceCase.fixtureURL("unitizing/\(name).expected.json"))) as! [String: Any]
        let figures = UnitizingAlpha.figures(try SpanContinuum(data))
        Self.expectClose(figures.binaryUAlpha, expected["binary_u_alpha"], "|uα")
        Self.expectClose(figures.uAlpha, expected["u_alpha"], "uα")
        Self.expectClose(figures.cuAlpha, expected["cu_alpha"], "cuα")
        if let reason = expected["nominal_undefined_reason"] as? String { #expect(figures.uAlpha.reason == reason) }
        let perCode = expected["per_code"] as! [[String: Any]]
        #expect(perCode.count == figures.perCode.count)
        for (code, (want, got)) in zip(perCode, figures.perCode).enumerated() {
            Self.expectClose(got.binaryUAlphaK, want["binary_u_alpha_k"], "|uα of code \(code)")
            Self.expectClose(got.uAlphaK, want["u_alpha_k"], "(k)uα of code \(code)")
        }
    }
}
