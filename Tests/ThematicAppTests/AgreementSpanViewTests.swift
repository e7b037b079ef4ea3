import Agreement
import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// The agreement screen's span view, on the hand-made agreement study with asha's C1 on R1-1 narrowed to its first
/// sentence. The figures are built by hand: the screen only shows what `SpanAgreement` gives it.
@Suite struct AgreementSpanView {
    /// asha and ben; asha marked C1 on R1-1 only on "The family moved often." (23 of its 49 characters).
    /// With `benAgreesOnR`, ben also applied R to R2-1, so the two marked R on the same characters everywhere.
    static func state(rows: Int = 30, columns: Int = 120, benAgreesOnR: Bool = false) throws -> AgreementScreenState {
        var study = AgreementFixture.study()
        study.codings["asha"]!.excerpts["R1-1"]!.codes["C1"] = AppliedCode(spans: [TextSpan(start: 0, end: 23)])
        if benAgreesOnR { study.codings["ben"]!.excerpts["R2-1"]!.codes["R"] = AppliedCode() }
        return try AgreementScreenState(
            study: study, selection: AgreementSelection(coders: ["asha", "ben"]),
            size: Size(rows: rows, columns: columns))
    }

    static func figures(for continuum: SpanContinuum) -> SpanAgreement {
        let perCode = continuum.codes.map { code in
            code == "C1"
                ? SpanAgreement.CodeFigures(
                    code: "C1", uAlphaK: .undefined(reason: "asha has C1 and R on the same text in R1-2"),
                    binaryUAlphaK: .value(0.5), dkpro2004: .value(0.4), nvivoPercentAgreement: .value(0.8),
                    nvivoKappa: .value(0.3), sharedShare: .value(0.125), codedCharacters: [143, 23])
                : SpanAgreement.CodeFigures(
                    code: code, uAlphaK: .value(0.9), binaryUAlphaK: .value(0.95), dkpro2004: .value(0.9),
                    nvivoPercentAgreement: .value(1), nvivoKappa: .value(1), sharedShare: .value(1),
                    codedCharacters: [31, 31])
        }
        return SpanAgreement(
            coders: continuum.coders, units: continuum.unitIDs.count, length: continuum.length,
            binaryUAlpha: .value(0.413),
            uAlpha: .undefined(reason: "asha has C1 and R on the same text in R1-2"), cuAlpha: .value(0.724),
            dkpro2004Overall: .value(0.5), perCode: perCode)
    }

    /// Presses `u` and answers its effect as the driver does.
    static func opened(rows: Int = 30, columns: Int = 120, benAgreesOnR: Bool = false) throws -> AgreementScreenState {
        var state = try state(rows: rows, columns: columns, benAgreesOnR: benAgreesOnR)
        let effects = state.press("u")
        guard case .computeSpanAgreement(let continuum)? = effects.first, effects.count == 1 else {
            Issue.record("u should ask for the span figures once, asked \(effects)")
            return state
        }
        state.showSpanAgreement(figures(for: continuum), of: continuum)
        return state
    }

    @Test func uAsksTheDriverForTheFiguresOfTheExcerptsBothCodersFinishedOnlyTheFirstTime() throws {
        var state = try Self.state()
        let effects = state.press("u")
        guard case .computeSpanAgreement(let continuum)? = effects.first else {
            Issue.record("no request for the span figures: \(effects)")
            return
        }
        #expect(continuum.coders == ["asha", "ben"])
        #expect(
            continuum.unitIDs == ["R1-1", "R1-2", "R1-3", "R1-4", "R2-1", "R2-2", "R2-3"],
            "R2-4: asha has not finished it")
        #expect(continuum.codes == ["C1", "C2", "R"], "the codebook's order, only codes applied to those excerpts")
        #expect(!state.spansShown, "nothing to show until the driver answers")
        state.showSpanAgreement(Self.figures(for: continuum), of: continuum)
        #expect(state.context == .spans)
        #expect(state.press("u") == [])
        #expect(state.context == .table)
        #expect(state.screenText.contains("sorted by code"))
        #expect(state.press("u") == [], "the figures are kept: no second computation")
        #expect(state.context == .spans)
        state.press("<Esc>")
        #expect(state.context == .table, "Esc leaves the span view too")
    }

    @Test func aCodeAppliedWithoutSpansCoversTheWholeExcerpt() throws {
        let state = try Self.state()
        let data = try StudySpanReliability(study: state.study, selection: AgreementSelection(coders: ["asha", "ben"]))
            .data
        let r12 = try #require(data.units.first { $0.id == "R1-2" })
        #expect(r12.length == 80)
        #expect(r12.spans["asha"] == [.init(code: "C1", start: 0, end: 80), .init(code: "R", start: 0, end: 80)])
        #expect(r12.spans["ben"] == [.init(code: "R", start: 0, end: 80)])
        let r11 = try #require(data.units.first { $0.id == "R1-1" })
        #expect(r11.spans["asha"] == [.init(code: "C1", start: 0, end: 23)])
        let r13 = try #require(data.units.first { $0.id == "R1-3" })
        #expect(r13.length == "家族 visited the clinic twice; the notes stayed behind.".unicodeScalars.count)
        #expect(r13.spans["asha"] == [], "finished, no code applies")
    }

    @Test func theSpanTableShowsEachCodesFiguresTheOverallOnesAndWhyAFigureIsNA() throws {
        let text = try Self.opened(columns: 160).screenText
        #expect(text.contains("Span agreement · Agreement test study · coders asha, ben"))
        #expect(
            text.contains(
                "7 excerpts every coder finished, 342 characters · |uα 0.413 · uα n/a (asha has C1 and R on the same text in R1-2) · cuα 0.724"
            ))
        #expect(text.contains("code  name"))
        #expect(text.contains("|uα    (k)uα   shared    asha     ben"))
        #expect(text.contains("C1    Referral not made") && text.contains("0.500!     n/a     12.5%     143      23"))
        #expect(text.contains("0.950    0.900    100.0%      31      31"))
        #expect(
            text.contains(
                "C1 Referral not made · (k)uα n/a: asha has C1 and R on the same text in R1-2 · asha 143, ben 23 characters marked"
            ))
        #expect(text.contains("span view · code 1 of 3"))
    }

    @Test func enterListsTheExcerptsWhereTheCodesSpansDifferMostCharactersMarkedByOneCoderFirst() throws {
        var state = try Self.opened()
        #expect(state.press("<Enter>") == [])
        let list = try #require(state.spans?.differences)
        #expect(list.entries.map(\.excerptID) == ["R1-2", "R2-2", "R1-1"])
        #expect(list.entries.map(\.charactersOnlyOneMarked) == [80, 40, 26])
        var text = state.screenText
        #expect(text.contains("3 excerpts where asha, ben marked C1 Referral not made on different characters"))
        #expect(text.contains("R1-2  Findings  · 80 characters marked by one coder only"))
        #expect(
            text.contains("asha: «The school saw bruises. Nobody made a referral, and the risk was never assessed.»"))
        #expect(text.contains("ben: marked nothing"))
        state.press("G")
        text = state.screenText
        #expect(text.contains("asha: «The family moved often.»"))
        #expect(text.contains("C1 · excerpt 3 of 3"))
        #expect(state.press("<Enter>") == [.openExcerpt("R1-1")])
        state.showExcerpt("R1-1")
        state.press("<Esc>")
        state.press("<Esc>")
        #expect(state.spans?.differences == nil)
        #expect(state.context == .spans)
    }

    @Test func aCodeMarkedOnTheSameCharactersSaysSoInsteadOfAnEmptyList() throws {
        var state = try Self.opened(benAgreesOnR: true)
        state.press("G", "<Enter>")
        #expect(state.spans?.differences == nil)
        #expect(state.message == "asha, ben marked R on the same characters wherever they applied it")
    }

    @Test func choosingOtherCodersDropsTheSpanFigures() throws {
        var state = try Self.opened()
        state.press("u")
        try state.compare(["asha", "ben", "cara"])
        #expect(state.spans == nil)
        let effects = state.press("u")
        guard case .computeSpanAgreement(let continuum)? = effects.first else {
            Issue.record("the new coders' figures are asked for: \(effects)")
            return
        }
        #expect(continuum.coders == ["asha", "ben", "cara"])
        #expect(continuum.unitIDs == ["R1-1", "R1-2", "R1-4"])
    }

    /// What the end-to-end test expects of the demo study, with hand-built figures in place of the statistics.
    @Test func onTheDemoA1sSpansDifferOnSevenExcerptsMostOnR01010() throws {
        var state = try AgreementFixture.demoState(coders: ["asha", "ben"], rows: 36, columns: 120)
        guard case .computeSpanAgreement(let continuum)? = state.press("u").first else {
            Issue.record("no request for the span figures")
            return
        }
        state.showSpanAgreement(Self.figures(for: continuum), of: continuum)
        #expect(state.screenText.contains("span view · code 1 of 44"))
        state.press("<Enter>")
        let list = try #require(state.spans?.differences)
        #expect(list.entries.count == 7)
        #expect(list.entries.prefix(2).map(\.excerptID) == ["R01-010", "R13-003"])
        #expect(list.entries.first?.charactersOnlyOneMarked == 1171)
        let text = state.screenText
        #expect(text.contains("7 excerpts where asha, ben marked A1 "))
        #expect(text.contains("│R01-010") && text.contains("1171 characters marked by one coder only"))
        #expect(text.contains("A1 · excerpt 1 of 7"))
    }

    @Test func movingStaysWithinTheCodesAndEverySizeRenders() throws {
        var state = try Self.opened()
        state.press("G", "j", "j")
        #expect(state.spans?.selected == 2)
        state.press("g", "k")
        #expect(state.spans?.selected == 0)
        state.press("<Enter>")
        for (rows, columns) in [(0, 0), (1, 1), (3, 10), (8, 30), (12, 60), (40, 200)] {
            state.resize(to: Size(rows: rows, columns: columns))
            #expect(state.screen.lines.allSatisfy { DisplayWidth.of($0) == columns }, "\(rows)x\(columns)")
        }
    }
}

@Suite struct SpanDifferences {
    @Test func charactersMarkedByExactlyOneOfThreeCoders() {
        let spans = [
            [TextSpan(start: 0, end: 10)], [TextSpan(start: 5, end: 15)],
            [TextSpan(start: 8, end: 9), TextSpan(start: 20, end: 22)],
        ]
        // 0-5 asha only, 9-10 asha and ben, 10-15 ben only, 20-22 cara only; 5-8 two, 8-9 three.
        #expect(SpanDifference.charactersMarkedByExactlyOne(spans) == 5 + 5 + 2)
    }

    @Test func aLongSpanIsElidedInTheMiddle() {
        let text = "one two three four five six seven eight nine ten"
        #expect(elidedQuote(TextSpan(start: 0, end: 13), of: text) == "«one two three»")
        #expect(elidedQuote(TextSpan(start: 0, end: 48), of: text, limit: 20) == "«one two … nine ten»")
    }

    @Test func aCodersSpanIsCutWhereTheOthersSpansBeginAndEnd() {
        let pieces = SpanPiece.pieces(
            of: TextSpan(start: 0, end: 30),
            others: [TextSpan(start: 20, end: 40), TextSpan(start: 5, end: 10), TextSpan(start: 8, end: 12)])
        #expect(
            pieces == [
                SpanPiece(range: 0..<5, onlyThisCoder: true), SpanPiece(range: 5..<12, onlyThisCoder: false),
                SpanPiece(range: 12..<20, onlyThisCoder: true), SpanPiece(range: 20..<30, onlyThisCoder: false),
            ])
        #expect(
            SpanPiece.pieces(of: TextSpan(start: 3, end: 6), others: []) == [
                SpanPiece(range: 3..<6, onlyThisCoder: true)
            ])
    }
}
