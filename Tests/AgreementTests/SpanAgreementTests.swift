import Agreement
import Testing

/// Every span-level figure assembled for one continuum, from the three statistics that compute them.
@Suite struct SpanAgreementTests {
    @Test func theAssembledFiguresAreEachStatisticsOwnForEveryCode() throws {
        let continuum = UnitizingAlphaTests.continuum(UnitizingAlphaTests.bookMarks, length: 60)
        let figures = SpanAgreement(continuum)
        let family = UnitizingAlpha.figures(continuum)
        #expect(
            figures.binaryUAlpha == family.binaryUAlpha && figures.uAlpha == family.uAlpha
                && figures.cuAlpha == family.cuAlpha)
        #expect(figures.dkpro2004Overall == Unitizing2004.overall(continuum))
        #expect(figures.units == 1 && figures.length == 60 && figures.coders == ["coder0", "coder1", "coder2"])
        for (index, code) in figures.perCode.enumerated() {
            #expect(code.code == UnitizingAlphaTests.bookCodes[index])
            #expect(
                code.uAlphaK == family.perCode[index].uAlphaK
                    && code.binaryUAlphaK == family.perCode[index].binaryUAlphaK)
            #expect(code.dkpro2004 == Unitizing2004.perCode(continuum, code: index).alpha)
            let characters = CharacterAgreement.figures(continuum, code: index)
            #expect(code.sharedShare == characters.sharedShare && code.codedCharacters == characters.codedCharacters)
            #expect(
                code.nvivoPercentAgreement == .undefined(reason: "NVivo's figure compares two coders; 3 were chosen"))
        }
    }
}
