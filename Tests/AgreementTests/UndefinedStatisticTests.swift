import Agreement
import Testing

/// Undefined figures are reported as undefined with a reason, never as 1, 0 or a crash.
@Suite struct UndefinedStatisticTests {
    @Test func withoutAnyUnitCodedByTwoCodersEveryAgreementFigureSaysWhy() {
        let data = TestData.make(coders: ["A", "B"], codes: ["x"], [[["x"], nil], [nil, []]])
        let a = AgreementReport(data).perCode[0].agreement
        for statistic in [a.percentAgreementUnits, a.krippendorffAlpha, a.gwetAC1, a.brennanPrediger] {
            #expect(statistic == .undefined(reason: "no unit was coded by two or more coders"))
        }
        #expect(a.cohenKappa == .undefined(reason: "no unit was coded by both coders"))
        #expect(a.fleissKappa == .undefined(reason: "no unit was coded by all selected coders"))
        #expect(a.percentAgreementCoderPairs == .undefined(reason: "no two coders finished a common unit"))
        let sets = AgreementReport(data).setValued
        #expect(sets.alphaMASI == .undefined(reason: "no unit was coded by two or more coders"))
    }

    @Test func cohensKappaNeedsExactlyTwoCoders() {
        let data = TestData.make(coders: ["A", "B", "C"], codes: ["x"], [[["x"], ["x"], []]])
        #expect(
            AgreementReport(data).perCode[0].agreement.cohenKappa
                == .undefined(reason: "Cohen's kappa needs exactly two coders (3 selected)"))
        #expect(AgreementReport(data).perCode[0].agreement.figures["cohen_n_units"] == nil)
    }

    @Test func aSingleCoderHasNoFleissKappa() {
        let data = TestData.make(coders: ["A"], codes: ["x"], [[["x"]], [[]]])
        #expect(
            AgreementReport(data).perCode[0].agreement.fleissKappa
                == .undefined(reason: "Fleiss' kappa needs two or more coders"))
    }

    @Test func everyoneGivingTheSameSetLeavesTheSetValuedAlphaUndefined() {
        let data = TestData.make(coders: ["A", "B"], codes: ["x"], [[[], []], [[], []]])
        #expect(
            AgreementReport(data).setValued.alphaJaccard
                == .undefined(reason: "no variation among pairable values (D_e = 0)"))
    }

    @Test func notesSkipStandardErrorsWhoseStatisticIsAlreadyExplained() {
        let data = TestData.make(coders: ["A", "B"], codes: ["x"], [[[], []], [[], []]])
        let notes = AgreementReport(data).perCode[0].agreement.figures.notes
        #expect(notes.contains { $0.hasPrefix("cohen_kappa undefined") })
        #expect(!notes.contains { $0.hasPrefix("cohen_kappa_se") })
    }

    @Test func anEmptyCodeUniverseStillReportsThePooledViewAsUndefined() {
        let data = TestData.make(coders: ["A", "B"], codes: [], [[[], []]])
        #expect(
            AgreementReport(data).pooled.krippendorffAlpha
                == .undefined(reason: "no unit was coded by two or more coders"))
    }
}
