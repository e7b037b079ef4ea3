extension SpanAgreement {
    /// Every figure for `continuum`: Krippendorff's 2016 family, the 2004 uα and NVivo's character-level figures.
    public init(_ continuum: SpanContinuum) {
        let family = UnitizingAlpha.figures(continuum)
        let perCode = continuum.codes.indices.map { code in
            let characters = CharacterAgreement.figures(continuum, code: code)
            return CodeFigures(code: continuum.codes[code], uAlphaK: family.perCode[code].uAlphaK,
                               binaryUAlphaK: family.perCode[code].binaryUAlphaK,
                               dkpro2004: Unitizing2004.perCode(continuum, code: code).alpha,
                               nvivoPercentAgreement: characters.percentAgreement, nvivoKappa: characters.kappa,
                               sharedShare: characters.sharedShare, codedCharacters: characters.codedCharacters)
        }
        self.init(coders: continuum.coders, units: continuum.unitIDs.count, length: continuum.length,
                  binaryUAlpha: family.binaryUAlpha, uAlpha: family.uAlpha, cuAlpha: family.cuAlpha,
                  dkpro2004Overall: Unitizing2004.overall(continuum), perCode: perCode)
    }

    /// |uα over all codes (for bootstrap resamples).
    public static func binaryUAlpha(_ continuum: SpanContinuum) -> Statistic { UnitizingAlpha.binaryUAlpha(continuum) }

    /// |uα of one code alone (index into `continuum.codes`).
    public static func binaryUAlpha(_ continuum: SpanContinuum, code: Int) -> Statistic {
        UnitizingAlpha.binaryUAlpha(continuum, code: code)
    }
}
