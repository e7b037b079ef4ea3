import Agreement
import Foundation
import Testing

/// Krippendorff's 2016 unitizing family: |uα, uα, cuα, (k)uα and per-code |uα.
@Suite struct UnitizingAlphaTests {
    typealias Mark = SpanContinuum.Mark

    /// Krippendorff (2019), Fig. 12.11, 0-based half-open; codes "1"..."7" are indices 0...6.
    static let bookMarks: [[Mark]] = [
        [
            Mark(code: 0, start: 0, end: 7), Mark(code: 1, start: 7, end: 13), Mark(code: 4, start: 30, end: 32),
            Mark(code: 5, start: 32, end: 37), Mark(code: 5, start: 37, end: 44), Mark(code: 6, start: 44, end: 60),
        ],
        [
            Mark(code: 0, start: 0, end: 7), Mark(code: 2, start: 7, end: 13), Mark(code: 4, start: 13, end: 21),
            Mark(code: 5, start: 32, end: 44),
        ],
        [
            Mark(code: 0, start: 0, end: 7), Mark(code: 3, start: 7, end: 13), Mark(code: 4, start: 13, end: 21),
            Mark(code: 5, start: 32, end: 37), Mark(code: 5, start: 37, end: 41), Mark(code: 5, start: 41, end: 44),
        ],
    ]
    static let bookCodes = ["1", "2", "3", "4", "5", "6", "7"]

    static func continuum(_ marks: [[Mark]], length: Int, codes: [String] = bookCodes) -> SpanContinuum {
        SpanContinuum(
            coders: marks.indices.map { "coder\($0)" }, codes: codes, unitIDs: ["R01-001"], unitStarts: [0],
            length: length, marks: marks)
    }

    static func rounded(_ statistic: Statistic, _ places: Double) -> Double? {
        statistic.value.map { ($0 * pow(10, places)).rounded() / pow(10, places) }
    }

    @Test func bookFigure12_11WithAdjacentUnitsKeptApartGivesThePublishedValues() {
        let figures = UnitizingAlpha.figures(Self.continuum(Self.bookMarks, length: 60))
        #expect(Self.rounded(figures.uAlpha, 3) == 0.510)
        #expect(Self.rounded(figures.cuAlpha, 3) == 0.724)
        // The book prints .413; the definitions give 144038/348255 = .41360 (the joined reading gives .4167 as
        // published).
        #expect(abs(figures.binaryUAlpha.value! - 144038.0 / 348255.0) < 1e-12)
        #expect(abs(figures.binaryUAlpha.value! - 0.413) < 0.001)
        #expect(figures.perCode.map { Self.rounded($0.uAlphaK, 6) } == [1, 0, 0, 0, 1, 1, nil])
        #expect(figures.perCode[6].uAlphaK == .undefined(reason: "no unit of this code overlaps another coder's unit"))
    }

    @Test func bookFigure12_11ReadAsSpansJoinsTouchingUnitsOfOneCode() throws {
        let names = ["alex", "paul", "suzan"]
        let spans = Dictionary(
            uniqueKeysWithValues: zip(
                names,
                Self.bookMarks.map { marks in
                    marks.map { SpanReliabilityData.Span(code: Self.bookCodes[$0.code], start: $0.start, end: $0.end) }
                }))
        let data = SpanReliabilityData(
            units: [.init(id: "R01-001", length: 60, spans: spans)], codes: Self.bookCodes, coders: names)
        let figures = UnitizingAlpha.figures(try SpanContinuum(data))
        #expect(Self.rounded(figures.uAlpha, 4) == 0.5125)
        #expect(Self.rounded(figures.binaryUAlpha, 4) == 0.4167)
        #expect(Self.rounded(figures.cuAlpha, 4) == 0.7313)
    }

    @Test func twoCodesOnTheSameTextLeaveTheNominalFamilyUndefinedButNotBinaryAlpha() {
        let marks: [[Mark]] = [
            [Mark(code: 0, start: 0, end: 10), Mark(code: 1, start: 5, end: 15)],
            [Mark(code: 0, start: 0, end: 10), Mark(code: 1, start: 12, end: 15)],
        ]
        let continuum = SpanContinuum(
            coders: ["asha", "ben"], codes: ["A2", "A3"], unitIDs: ["R01-000", "R01-001"],
            unitStarts: [0, 3], length: 20, marks: marks)
        let figures = UnitizingAlpha.figures(continuum)
        let reason = Statistic.undefined(reason: "asha has A2 and A3 on the same text in R01-001")
        #expect(figures.uAlpha == reason)
        #expect(figures.cuAlpha == reason)
        #expect(figures.perCode.allSatisfy { $0.uAlphaK == reason })
        #expect(figures.binaryUAlpha.value != nil)
        #expect(figures.perCode.allSatisfy { $0.binaryUAlphaK.value != nil })
    }

    @Test func aSingleCoderOrNoTextHasNoFigureAndSaysWhy() {
        let single = UnitizingAlpha.figures(Self.continuum([Self.bookMarks[0]], length: 60))
        #expect(single.uAlpha.reason == "fewer than two coders: unitizing agreement compares two or more")
        #expect(
            SpanAgreement.binaryUAlpha(Self.continuum([Self.bookMarks[0]], length: 60)).reason == single.uAlpha.reason)
        let empty = SpanContinuum(
            coders: ["a", "b"], codes: ["x"], unitIDs: [], unitStarts: [], length: 0, marks: [[], []])
        #expect(
            UnitizingAlpha.figures(empty).binaryUAlpha.reason == "no text: no excerpt was coded by every chosen coder")
        #expect(
            SpanAgreement.binaryUAlpha(empty, code: 0).reason == "no text: no excerpt was coded by every chosen coder")
    }

    @Test func nothingMarkedOrOneValueEverywhereIsUndefinedNotOne() {
        let nothing = UnitizingAlpha.figures(Self.continuum([[], []], length: 10, codes: ["x"]))
        #expect(nothing.binaryUAlpha.reason == "nothing marked: no variation (D_e = 0)")
        #expect(nothing.uAlpha.reason == "no variation among the coders' values (D_e = 0)")
        #expect(nothing.cuAlpha.reason == "no coder's unit overlaps another coder's unit: no codes to compare")
        let everywhere = [Mark(code: 0, start: 0, end: 10)]
        let whole = UnitizingAlpha.figures(Self.continuum([everywhere, everywhere], length: 10, codes: ["x"]))
        #expect(whole.binaryUAlpha.value == nil && whole.uAlpha.value == nil && whole.cuAlpha.value == nil)
        #expect(whole.perCode[0].uAlphaK.reason == "no variation among the coders' values (D_e = 0)")
    }

    @Test func theBootstrapEntryPointsGiveTheFiguresValues() {
        let continuum = Self.continuum(Self.bookMarks, length: 60)
        let figures = UnitizingAlpha.figures(continuum)
        #expect(SpanAgreement.binaryUAlpha(continuum) == figures.binaryUAlpha)
        for code in continuum.codes.indices {
            #expect(SpanAgreement.binaryUAlpha(continuum, code: code) == figures.perCode[code].binaryUAlphaK)
        }
    }
}
