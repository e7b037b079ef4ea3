import Dispatch

extension SpanAgreement {
    /// Every figure for `continuum`: Krippendorff's 2016 family, the 2004 uα and NVivo's character-level figures.
    public init(_ continuum: SpanContinuum) {
        self = Self.withDisagreements(continuum).agreement
    }

    /// Every figure, with each code's 2004 observed and expected disagreement, which a report prints beside its uα.
    static func withDisagreements(_ continuum: SpanContinuum) -> (
        agreement: SpanAgreement, dkpro2004: [Unitizing2004.Result]
    ) {
        // Every code's figures from one pass over the marks per statistic, not one pass per code; the three
        // statistics are independent, so they run side by side.
        let family = ConcurrentSlots<UnitizingAlpha.Figures?>(count: 1, initial: nil)
        let characters = ConcurrentSlots<[CharacterAgreement.Figures]>(count: 1, initial: [])
        let dkproSlot = ConcurrentSlots<[Unitizing2004.Result]>(count: 1, initial: [])
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0: family.slots[0] = UnitizingAlpha.figures(continuum)
            case 1: characters.slots[0] = CharacterAgreement.figures(continuum)
            default: dkproSlot.slots[0] = Unitizing2004.perCodeAll(continuum)
            }
        }
        let alphas = family.slots[0]!
        let character = characters.slots[0]
        let dkpro = dkproSlot.slots[0]
        let perCode = continuum.codes.indices.map { code in
            CodeFigures(
                code: continuum.codes[code], uAlphaK: alphas.perCode[code].uAlphaK,
                binaryUAlphaK: alphas.perCode[code].binaryUAlphaK,
                dkpro2004: dkpro[code].alpha, nvivoPercentAgreement: character[code].percentAgreement,
                nvivoKappa: character[code].kappa,
                sharedShare: character[code].sharedShare, codedCharacters: character[code].codedCharacters)
        }
        let agreement = SpanAgreement(
            coders: continuum.coders, units: continuum.unitIDs.count, length: continuum.length,
            binaryUAlpha: alphas.binaryUAlpha, uAlpha: alphas.uAlpha, cuAlpha: alphas.cuAlpha,
            dkpro2004Overall: Unitizing2004.overall(continuum, perCode: dkpro), perCode: perCode)
        return (agreement, dkpro)
    }

    /// |uα over all codes (for bootstrap resamples).
    public static func binaryUAlpha(_ continuum: SpanContinuum) -> Statistic { UnitizingAlpha.binaryUAlpha(continuum) }

    /// |uα of one code alone (index into `continuum.codes`).
    public static func binaryUAlpha(_ continuum: SpanContinuum, code: Int) -> Statistic {
        UnitizingAlpha.binaryUAlpha(continuum, code: code)
    }
}
