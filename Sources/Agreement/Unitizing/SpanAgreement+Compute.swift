extension SpanAgreement {
    /// Every figure for `continuum`: Krippendorff's 2016 family, the 2004 uα and NVivo's character-level figures.
    public init(_ continuum: SpanContinuum) {
        let family = UnitizingAlpha.figures(continuum)
        // Every code's figures from one pass over the marks each, not one pass per code.
        let characters = CharacterAgreement.figures(continuum)
        let dkpro = Unitizing2004.perCodeAll(continuum)
        let perCode = continuum.codes.indices.map { code in
            CodeFigures(code: continuum.codes[code], uAlphaK: family.perCode[code].uAlphaK, binaryUAlphaK: family.perCode[code].binaryUAlphaK,
                        dkpro2004: dkpro[code].alpha, nvivoPercentAgreement: characters[code].percentAgreement, nvivoKappa: characters[code].kappa,
                        sharedShare: characters[code].sharedShare, codedCharacters: characters[code].codedCharacters)
        }
        self.init(coders: continuum.coders, units: continuum.unitIDs.count, length: continuum.length,
                  binaryUAlpha: family.binaryUAlpha, uAlpha: family.uAlpha, cuAlpha: family.cuAlpha,
                  dkpro2004Overall: Unitizing2004.overall(continuum, perCode: dkpro), perCode: perCode)
    }

    /// |uα over all codes (for bootstrap resamples).
    public static func binaryUAlpha(_ continuum: SpanContinuum) -> Statistic { UnitizingAlpha.binaryUAlpha(continuum) }

    /// |uα of one code alone (index into `continuum.codes`).
    public static func binaryUAlpha(_ continuum: SpanContinuum, code: Int) -> Statistic {
        UnitizingAlpha.binaryUAlpha(continuum, code: code)
    }
}
