import Agreement
import Testing

private let continuum = SpanContinuum(
    coders: ["a", "b"], codes: ["A"], unitIDs: ["u1", "u2"], unitStarts: [0, 50], length: 100,
    marks: [
        [.init(code: 0, start: 0, end: 20), .init(code: 0, start: 60, end: 70)],
        [.init(code: 0, start: 0, end: 20), .init(code: 0, start: 60, end: 70)],
    ])

@Test func anUndefinedSpanFigureHasAnUndefinedIntervalForTheSameReason() {
    let undefined = Statistic.undefined(reason: "nothing was marked")
    let agreement = SpanAgreement(
        coders: ["a", "b"], units: 2, length: 100, binaryUAlpha: undefined, uAlpha: undefined, cuAlpha: undefined,
        dkpro2004Overall: undefined,
        perCode: [
            SpanAgreement.CodeFigures(
                code: "A", uAlphaK: undefined, binaryUAlphaK: undefined, dkpro2004: undefined,
                nvivoPercentAgreement: undefined, nvivoKappa: undefined, sharedShare: undefined,
                codedCharacters: [0, 0])
        ])
    let intervals = AlphaBootstrap(replicates: 100).spanIntervals(continuum, pointEstimates: agreement)
    #expect(intervals.binaryUAlpha.lower == undefined && intervals.binaryUAlpha.upper == undefined)
    #expect(intervals.perCode.map(\.lower) == [undefined])
}

/// Bootstrap intervals of the span statistics, on data whose intervals the data forces.
@Suite struct SpanBootstrapIntervalTests {
    @Test func identicalCodersHaveAnIntervalOfOneToOne() {
        let intervals = AlphaBootstrap(replicates: 200, seed: 3).spanIntervals(
            continuum, pointEstimates: SpanAgreement(continuum))
        #expect(intervals.binaryUAlpha.lower == .value(1) && intervals.binaryUAlpha.upper == .value(1))
        #expect(intervals.perCode[0].lower == .value(1))
    }

    @Test func theSameSeedGivesTheSameIntervals() {
        let agreement = SpanAgreement(continuum)
        #expect(
            AlphaBootstrap(replicates: 200, seed: 3).spanIntervals(continuum, pointEstimates: agreement)
                == AlphaBootstrap(replicates: 200, seed: 3).spanIntervals(continuum, pointEstimates: agreement))
    }
}
