import Testing

@testable import Agreement

/// NVivo's coding comparison and the shared share of marked characters, per code.
@Suite struct CharacterAgreementTests {
    static func continuum(coders: [String] = ["i", "j"], length: Int, _ spans: [[Range<Int>]]) -> SpanContinuum {
        let marks = spans.map { $0.map { SpanContinuum.Mark(code: 0, start: $0.lowerBound, end: $0.upperBound) } }
        return SpanContinuum(
            coders: coders, codes: ["x"], unitIDs: ["u"], unitStarts: [0], length: length, marks: marks)
    }

    /// NVivo's help: 50 characters both coded and 800 neither, of 1000.
    static let nvivoExample = continuum(length: 1000, [[0..<100], [50..<200]])

    @Test func reproducesNVivosPercentAgreementExample() {
        #expect(CharacterAgreement.figures(Self.nvivoExample, code: 0).percentAgreement == .value(0.85))
    }

    /// Marginals 0.10 and 0.15: chance agreement 0.10 × 0.15 + 0.90 × 0.85 = 0.78, so kappa = (0.85 − 0.78) / 0.22.
    @Test func kappaIsCohensOnTheTableOfCharacters() throws {
        let kappa = try #require(CharacterAgreement.figures(Self.nvivoExample, code: 0).kappa.value)
        #expect(abs(kappa - 7.0 / 22.0) < 1e-12)
    }

    @Test func sharedShareIsCharactersEveryCoderMarkedOfThoseAnyMarked() {
        let figures = CharacterAgreement.figures(Self.nvivoExample, code: 0)
        #expect(figures.sharedShare == .value(0.25))
        #expect(figures.codedCharacters == [100, 150])
    }

    @Test func sweepsAcrossSeveralMarksOfEachCoder() {
        let figures = CharacterAgreement.figures(
            Self.continuum(length: 100, [[0..<10, 20..<30, 30..<35], [5..<25, 90..<100]]), code: 0)
        #expect(figures.codedCharacters == [25, 30])
        #expect(figures.sharedShare == .value(10.0 / 45.0))
        #expect(figures.percentAgreement == .value(65.0 / 100.0))
    }

    @Test func threeCodersHaveASharedShareButNoNVivoFigures() {
        let figures = CharacterAgreement.figures(
            Self.continuum(coders: ["i", "j", "k"], length: 100, [[0..<40], [10..<50], [20..<60]]), code: 0)
        let reason = "NVivo's figure compares two coders; 3 were chosen"
        #expect(figures.percentAgreement == .undefined(reason: reason))
        #expect(figures.kappa == .undefined(reason: reason))
        #expect(figures.sharedShare == .value(20.0 / 60.0))
        #expect(figures.codedCharacters == [40, 40, 40])
    }

    @Test func aCodeNobodyMarkedHasNoSharedShareOrKappa() {
        let figures = CharacterAgreement.figures(Self.continuum(length: 100, [[], []]), code: 0)
        #expect(figures.percentAgreement == .value(1))
        #expect(
            figures.kappa
                == .undefined(
                    reason: "neither coder marked this code, so every character agrees by chance (expected agreement 1)"
                ))
        #expect(figures.sharedShare == .undefined(reason: "no coder marked this code"))
    }

    @Test func kappaIsUndefinedWhenBothCodersMarkedEverything() {
        let figures = CharacterAgreement.figures(
            Self.continuum(length: 100, [[0..<100], [0..<60, 60..<100]]), code: 0)
        #expect(
            figures.kappa
                == .undefined(reason: "both coders marked every character with this code (expected agreement 1)"))
        #expect(figures.sharedShare == .value(1))
    }

    @Test func anEmptyContinuumHasNoNVivoFigures() {
        let figures = CharacterAgreement.figures(Self.continuum(length: 0, [[], []]), code: 0)
        #expect(
            figures.percentAgreement
                == .undefined(reason: "the continuum is empty: no text was coded by every chosen coder"))
    }

    @Test func everyCodeAtOnceGivesTheSameFiguresAsOneAtATime() {
        let study = Unitizing2004Tests.book1995(stretch: 2)
        #expect(
            CharacterAgreement.figures(study) == study.codes.indices.map { CharacterAgreement.figures(study, code: $0) }
        )
    }
}
