/// Every span-level figure for one continuum: Krippendorff's 2016 unitizing family overall and per code, the 2004
/// uα as DKPro Statistics computes it, and NVivo's character-level figures, each a number or the reason it is
/// undefined.
public struct SpanAgreement: Sendable, Equatable {
    public struct CodeFigures: Sendable, Equatable {
        public var code: String
        /// (k)uα: this code against the other codes, where the coders' units coincide (in cuα's coincidences).
        public var uAlphaK: Statistic
        /// |uα of this code alone: its units against gaps.
        public var binaryUAlphaK: Statistic
        /// The 2004 uα of this code, as DKPro Statistics computes it.
        public var dkpro2004: Statistic
        /// NVivo's coding comparison, two coders only: characters both or neither coded, of all characters.
        public var nvivoPercentAgreement: Statistic
        /// Cohen's kappa on NVivo's 2 x 2 table of characters.
        public var nvivoKappa: Statistic
        /// Characters every coder marked with the code, of the characters any coder marked with it.
        public var sharedShare: Statistic
        /// Characters each coder marked with the code, in `coders` order.
        public var codedCharacters: [Int]

        public init(
            code: String, uAlphaK: Statistic, binaryUAlphaK: Statistic, dkpro2004: Statistic,
            nvivoPercentAgreement: Statistic,
            nvivoKappa: Statistic, sharedShare: Statistic, codedCharacters: [Int]
        ) {
            self.code = code
            self.uAlphaK = uAlphaK
            self.binaryUAlphaK = binaryUAlphaK
            self.dkpro2004 = dkpro2004
            self.nvivoPercentAgreement = nvivoPercentAgreement
            self.nvivoKappa = nvivoKappa
            self.sharedShare = sharedShare
            self.codedCharacters = codedCharacters
        }
    }

    public var coders: [String]
    /// Units (excerpts) entered, and the continuum's length in characters.
    public var units: Int
    public var length: Int
    /// |uα: every code one value, against gaps.
    public var binaryUAlpha: Statistic
    /// uα: codes and gaps as nominal values.
    public var uAlpha: Statistic
    /// cuα: the codes, only where the coders' units coincide.
    public var cuAlpha: Statistic
    /// The 2004 uα over all codes, as DKPro Statistics computes it.
    public var dkpro2004Overall: Statistic
    /// In `codes` order.
    public var perCode: [CodeFigures]

    public init(
        coders: [String], units: Int, length: Int, binaryUAlpha: Statistic, uAlpha: Statistic, cuAlpha: Statistic,
        dkpro2004Overall: Statistic, perCode: [CodeFigures]
    ) {
        self.coders = coders
        self.units = units
        self.length = length
        self.binaryUAlpha = binaryUAlpha
        self.uAlpha = uAlpha
        self.cuAlpha = cuAlpha
        self.dkpro2004Overall = dkpro2004Overall
        self.perCode = perCode
    }
}
