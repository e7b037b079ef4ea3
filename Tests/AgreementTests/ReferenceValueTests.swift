import Agreement
import Foundation
import Testing

/// Every statistic against every reference case, to within 1e-6 (the reference rounds to 6 decimals).
@Suite struct ReferenceValueTests {
    static let tolerance = 1e-6

    /// Checks that `ours` matches the reference object `reference` on every key the reference has
    /// (except those listed in `ignoring`), and that every reference note is among ours.
    func expectMatch(_ ours: NamedFigures, _ reference: [String: Any], ignoring: Set<String> = [], _ context: String) {
        for (key, value) in reference where key != "notes" && !ignoring.contains(key) {
            guard let figure = ours[key] else {
                Issue.record("\(context): no figure named \(key)")
                continue
            }
            switch (figure, value) {
            case (.count(let n), let expected as Int):
                #expect(n == expected, "\(context) \(key)")
            case (.statistic(.value(let v)), let expected as Double):
                #expect(abs(v - expected) <= Self.tolerance, "\(context) \(key): \(v) vs \(expected)")
            case (.statistic(.undefined(let reason)), is NSNull):
                #expect(!reason.isEmpty, "\(context) \(key)")
            default:
                Issue.record("\(context) \(key): ours \(figure), reference \(value)")
            }
        }
        let notes = reference["notes"] as? [String] ?? []
        for note in notes { #expect(ours.notes.contains(note), "\(context): missing note \(note); ours \(ours.notes)") }
    }

    @Test(arguments: ReferenceCase.names)
    func perCodeStatisticsMatchTheReference(_ name: String) throws {
        let reference = try ReferenceCase(name)
        let report = AgreementReport(reference.data)
        #expect(report.perCode.map(\.code).sorted() == reference.perCode.keys.sorted())
        for (code, agreement) in report.perCode {
            expectMatch(agreement.figures, reference.perCode[code]!, "\(name) \(code)")
        }
    }

    @Test(arguments: ReferenceCase.names)
    func setValuedAlphasMatchTheReference(_ name: String) throws {
        let reference = try ReferenceCase(name)
        let report = AgreementReport(reference.data)
        expectMatch(
            report.setValued.figures, reference.overall,
            ignoring: ["alpha_masi_numpy", "alpha_jaccard_numpy", "single_label_nominal", "single_label_nominal_note"],
            name)
    }

    /// irrCAC's own alpha (`krippendorff_alpha_irrCAC`) is the same statistic as `krippendorff_alpha_nominal`.
    @Test(arguments: ReferenceCase.names)
    func singleLabelStatisticsMatchTheReference(_ name: String) throws {
        let reference = try ReferenceCase(name)
        let report = AgreementReport(reference.data)
        guard let expected = reference.overall["single_label_nominal"] as? [String: Any] else {
            #expect(report.singleLabel == nil)
            #expect(reference.overall["single_label_nominal_note"] as? String == SingleLabelAgreement.notSingleLabel)
            return
        }
        var withoutCohen = expected
        if report.coders.count != 2 { withoutCohen["cohen_kappa"] = NSNull() }
        let ours = try #require(report.singleLabel)
        expectMatch(ours.figures, withoutCohen, ignoring: ["krippendorff_alpha_irrCAC"], name)
        let alpha = try #require(expected["krippendorff_alpha_irrCAC"] as? Double)
        #expect(abs(ours.krippendorffAlpha.value! - alpha) <= Self.tolerance)
    }
}
