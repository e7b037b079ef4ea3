/// Krippendorff's 2016 unitizing family (Krippendorff, Mathet, Bouvry & Widlöcher 2016; Krippendorff 2019, §12.6,
/// eqs. 32–38): |uα, uα, cuα, and per code (k)uα and the |uα of the code alone.
///
/// Each coder partitions the continuum into units (valued) and gaps. Observed coincidences l_ck (eq. 32): for every
/// ordered pair of different coders, the lengths where one has c and the other k, summed, over m − 1. Expected
/// coincidences (eq. 33): e_ck = l..(l_c. l_.k − [c = k] W_c) / (l..² − W), where a unit weighs its length squared
/// (units are indivisible) and a gap its length, W_c summing the weights of value c and W all of them.
/// Every figure is 1 − D_o / D_e with D_o = l.. − Σ_c l_cc and D_e = l.. − Σ_c e_cc (eq. 34).
public enum UnitizingAlpha {
    public struct CodeFigures: Sendable, Equatable {
        /// (k)uα: the code against the other codes, where the coders' units coincide (eq. 38).
        public var uAlphaK: Statistic
        /// |uα of the code alone: its marks against gaps, the rest of the continuum being gap.
        public var binaryUAlphaK: Statistic
    }

    public struct Figures: Sendable, Equatable {
        /// |uα (eq. 35): every code one value, against gaps.
        public var binaryUAlpha: Statistic
        /// uα (eq. 34): codes and gaps as nominal values.
        public var uAlpha: Statistic
        /// cuα (eqs. 36–37): codes only, where the coders' units coincide.
        public var cuAlpha: Statistic
        /// In `codes` order.
        public var perCode: [CodeFigures]
    }

    static let tooFewCoders = "fewer than two coders: unitizing agreement compares two or more"
    static let noText = "no text: no excerpt was coded by every chosen coder"
    static let noVariation = "no variation among the coders' values (D_e = 0)"
    static let noCoincidingUnits = "no coder's unit overlaps another coder's unit: no codes to compare"
    static let noUnits = "nothing marked: no variation (D_e = 0)"
    static let codeNeverCoincides = "no unit of this code overlaps another coder's unit"

    /// Why `continuum` has no figures at all, if it has none.
    static func unavailable(_ continuum: SpanContinuum) -> String? {
        if continuum.coders.count < 2 { return tooFewCoders }
        if continuum.length == 0 { return noText }
        return nil
    }

    /// Every figure from one merge-walk per coder pair and list kind.
    public static func figures(_ continuum: SpanContinuum) -> Figures {
        let codeCount = continuum.codes.count
        if let reason = unavailable(continuum) {
            let undefined = Statistic.undefined(reason: reason)
            return Figures(
                binaryUAlpha: undefined, uAlpha: undefined, cuAlpha: undefined,
                perCode: Array(repeating: CodeFigures(uAlphaK: undefined, binaryUAlphaK: undefined), count: codeCount))
        }
        let anyCode = UnitTallies(continuum.marks.map(UnitList.anyCode), values: 1)
        let byCode = UnitTallies(continuum.marks.map { UnitList.byCode($0, codeCount: codeCount) }, values: codeCount)
        let binaryUAlphaK = (0..<codeCount).map { binary(byCode, value: $0, continuum) }
        let nominal = NominalUnitizingFamily(continuum, anyCode: anyCode, byCode: byCode)
        return Figures(
            binaryUAlpha: binary(anyCode, value: 0, continuum), uAlpha: nominal.uAlpha, cuAlpha: nominal.cuAlpha,
            perCode: (0..<codeCount).map { CodeFigures(uAlphaK: nominal.uAlphaK($0), binaryUAlphaK: binaryUAlphaK[$0]) }
        )
    }

    /// |uα over all codes.
    public static func binaryUAlpha(_ continuum: SpanContinuum) -> Statistic {
        if let reason = unavailable(continuum) { return .undefined(reason: reason) }
        return binary(UnitTallies(continuum.marks.map(UnitList.anyCode), values: 1), value: 0, continuum)
    }

    /// |uα of one code alone (index into `continuum.codes`).
    public static func binaryUAlpha(_ continuum: SpanContinuum, code: Int) -> Statistic {
        if let reason = unavailable(continuum) { return .undefined(reason: reason) }
        return binary(
            UnitTallies(continuum.marks.map { UnitList.ofCode(code, $0) }, values: continuum.codes.count), value: code,
            continuum)
    }

    /// |uα of one value against gaps (eq. 35). With a single value besides gaps, l_00 = l.. − 2 l_1. + l_11.
    static func binary(_ tallies: UnitTallies, value: Int, _ continuum: SpanContinuum) -> Statistic {
        let total = Double(continuum.coders.count * continuum.length)
        if tallies.covered[value] == 0 { return .undefined(reason: noUnits) }
        let units = Double(tallies.covered[value]), gaps = total - units
        let sharedUnits = tallies.shared(value)
        return alpha(
            total: total, agreement: sharedUnits + (gaps - units + sharedUnits),
            squaredMarginals: units * units + gaps * gaps, weights: Double(tallies.squaredLengths[value]) + gaps)
    }

    /// 1 − D_o / D_e with D_o = l.. − Σ_c l_cc and D_e = l.. − Σ_c e_cc = l..(l..² − Σ_c l_c.²) / (l..² − W), since
    /// Σ_c W_c = W (eqs. 33–34). Scale-free: multiplying every length by t and every weight by t² changes nothing.
    static func alpha(total: Double, agreement: Double, squaredMarginals: Double, weights: Double) -> Statistic {
        let variation = total * total - squaredMarginals
        let pairable = total * total - weights
        guard variation > 0, pairable > 0 else { return .undefined(reason: noVariation) }
        return .value(1 - (total - agreement) * pairable / (total * variation))
    }
}
