import Foundation

/// The agreement statistics of one binary variable: one code (applied or not per unit and coder),
/// or the pooled view over all (unit, code) pairs.
///
/// Conventions (AGREEMENT.md): units a coder did not finish are missing; a unit is pairable when
/// two or more coders finished it; single-coded units never contribute pairs.
/// Standard errors follow statsmodels (Cohen) and irrCAC with categories {0, 1} (AC1, Brennan–Prediger).
public struct BinaryAgreement: Sendable, Equatable {
    /// Units at least one coder finished.
    public let unitsCoded: Int
    /// Units two or more coders finished.
    public let unitsPairable: Int
    /// Units every selected coder finished (the units Fleiss' kappa uses).
    public let unitsComplete: Int
    /// Values in pairable units (Krippendorff's n).
    public let pairableValues: Int
    /// Applications of the code, over all units and over pairable units.
    public let applications: Int
    public let applicationsPairable: Int
    /// Mean over pairable units of the share of agreeing coder pairs (Fleiss' P̄, irrCAC p_a).
    public let percentAgreementUnits: Statistic
    /// Mean over coder pairs of the share of jointly finished units on which they agree.
    public let percentAgreementCoderPairs: Statistic
    /// Units finished by both coders (only with exactly two coders).
    public let cohenUnits: Int?
    /// Cohen's kappa on jointly finished units (exactly two coders).
    public let cohenKappa: Statistic
    /// Large-sample standard error (Fleiss, Cohen & Everitt 1969; statsmodels `std_kappa`).
    public let cohenKappaSE: Statistic
    /// Standard error under H0 kappa = 0 (statsmodels `std_kappa0`).
    public let cohenKappaSE0: Statistic
    /// 95% confidence interval kappa ± 1.959964 SE.
    public let cohenKappaCILower: Statistic
    public let cohenKappaCIUpper: Statistic
    /// Fleiss' kappa on units every selected coder finished (statsmodels `fleiss_kappa`).
    public let fleissKappa: Statistic
    /// Krippendorff's alpha, nominal, missing values allowed.
    public let krippendorffAlpha: Statistic
    public let gwetAC1: Statistic
    public let gwetAC1SE: Statistic
    /// Brennan–Prediger with q = 2 categories: 2 p_a − 1.
    public let brennanPrediger: Statistic
    public let brennanPredigerSE: Statistic

    static let noPairableUnit = "no unit was coded by two or more coders"

    /// The statistics of every code of `data`, in code order (without the set-valued and pooled views).
    public static func perCode(_ data: ReliabilityData) -> [(code: String, agreement: BinaryAgreement)] {
        zip(data.codes, BinaryTallier(data).tallies()).map { ($0, BinaryAgreement($1)) }
    }
    static let z975 = 1.959964

    init(_ tally: BinaryTally) {
        let coderCount = tally.coderCount
        let types = tally.unitsByType
        /// (m, r, number of units) for every non-empty type with m ≥ 1.
        let present: [(m: Double, r: Double, units: Double)] = types.indices.dropFirst().flatMap { m in
            types[m].indices.compactMap { r in
                types[m][r] == 0 ? nil : (Double(m), Double(r), Double(types[m][r]))
            }
        }
        let pairable = present.filter { $0.m >= 2 }
        func sum(_ rows: [(m: Double, r: Double, units: Double)], _ f: (Double, Double) -> Double) -> Double {
            rows.reduce(0) { $0 + $1.units * f($1.m, $1.r) }
        }
        func agreeingShare(_ m: Double, _ r: Double) -> Double {
            m < 2 ? 0 : (r * (r - 1) + (m - r) * (m - r - 1)) / (m * (m - 1))
        }
        let n1 = sum(present) { _, _ in 1 }
        let nPairable = sum(pairable) { _, _ in 1 }
        let n = sum(pairable) { m, _ in m }
        let nApplied = sum(pairable) { _, r in r }
        unitsCoded = Int(n1)
        unitsPairable = Int(nPairable)
        unitsComplete = coderCount == 0 ? 0 : types[coderCount].reduce(0, +)
        pairableValues = Int(n)
        applications = Int(sum(present) { _, r in r })
        applicationsPairable = Int(nApplied)

        // Percent agreement.
        let pa = Statistic.ratio(sum(pairable, agreeingShare), nPairable, else: Self.noPairableUnit)
        percentAgreementUnits = pa
        let sharedPairs = tally.pairsBoth.indices.filter { tally.pairsBoth[$0] > 0 }
        percentAgreementCoderPairs = Statistic.ratio(
            sharedPairs.reduce(0) { $0 + 1 - Double(tally.pairsDiffer[$1]) / Double(tally.pairsBoth[$1]) },
            Double(sharedPairs.count), else: "no two coders finished a common unit")

        // Krippendorff's alpha, binary closed form.
        if nPairable == 0 {
            krippendorffAlpha = .undefined(reason: Self.noPairableUnit)
        } else {
            let o01 = sum(pairable) { m, r in r * (m - r) / (m - 1) }
            krippendorffAlpha = Statistic.ratio(
                (n - 1) * o01, nApplied * (n - nApplied),
                else: "no variation among pairable values (D_e = 0)"
            ).map { 1 - $0 }
        }

        // Fleiss' kappa on complete units.
        if coderCount < 2 {
            fleissKappa = .undefined(reason: "Fleiss' kappa needs two or more coders")
        } else if unitsComplete == 0 {
            fleissKappa = .undefined(reason: "no unit was coded by all selected coders")
        } else {
            let m = Double(coderCount)
            let complete = pairable.filter { $0.m == m }
            let units = Double(unitsComplete)
            let pBar = sum(complete, agreeingShare) / units
            let applied = sum(complete) { _, r in r }
            if applied == 0 || applied == units * m {
                fleissKappa = .undefined(reason: "no variation among complete units (P_e = 1)")
            } else {
                let p1 = applied / (units * m)
                let pe = p1 * p1 + (1 - p1) * (1 - p1)
                fleissKappa = .value((pBar - pe) / (1 - pe))
            }
        }

        // Cohen's kappa (two coders).
        (cohenUnits, cohenKappa, cohenKappaSE, cohenKappaSE0) = Self.cohen(tally)
        if case .value(let k) = cohenKappa, case .value(let se) = cohenKappaSE {
            cohenKappaCILower = .value(k - Self.z975 * se)
            cohenKappaCIUpper = .value(k + Self.z975 * se)
        } else {
            let reason = cohenKappa.reason ?? cohenKappaSE.reason ?? ""
            cohenKappaCILower = .undefined(reason: reason)
            cohenKappaCIUpper = .undefined(reason: reason)
        }

        // Gwet's AC1 and Brennan–Prediger (q = 2), with irrCAC's standard errors.
        guard case .value(let pA) = pa else {
            gwetAC1 = .undefined(reason: Self.noPairableUnit)
            gwetAC1SE = gwetAC1
            brennanPrediger = gwetAC1
            brennanPredigerSE = gwetAC1
            return
        }
        let pi1 = sum(present) { m, r in r / m } / n1
        let pi0 = 1 - pi1
        let pe = 2 * pi1 * pi0
        let ac1 = (pA - pe) / (1 - pe)
        let bp = 2 * pA - 1
        gwetAC1 = .value(ac1)
        brennanPrediger = .value(bp)
        if n1 < 2 {
            gwetAC1SE = .undefined(reason: "fewer than two units were coded")
            brennanPredigerSE = gwetAC1SE
            return
        }
        let scale = n1 / nPairable
        let ac1Squares = sum(present) { m, r in
            let ac1u = scale * (agreeingShare(m, r) - (m >= 2 ? pe : 0)) / (1 - pe)
            let peu = (r * pi0 + (m - r) * pi1) / m
            let centred = ac1u - 2 * (1 - ac1) * (peu - pe) / (1 - pe) - ac1
            return centred * centred
        }
        let bpSquares = sum(present) { m, r in
            let centred = scale * (agreeingShare(m, r) - (m >= 2 ? 0.5 : 0)) / 0.5 - bp
            return centred * centred
        }
        gwetAC1SE = .value((ac1Squares / (n1 * (n1 - 1))).squareRoot())
        brennanPredigerSE = .value((bpSquares / (n1 * (n1 - 1))).squareRoot())
    }

    private static func cohen(_ tally: BinaryTally) -> (Int?, Statistic, Statistic, Statistic) {
        guard let table = tally.cohenTable else {
            let reason = "Cohen's kappa needs exactly two coders (\(tally.coderCount) selected)"
            return (nil, .undefined(reason: reason), .undefined(reason: reason), .undefined(reason: reason))
        }
        let units = table.joined().reduce(0, +)
        guard units > 0 else {
            let reason = "no unit was coded by both coders"
            return (0, .undefined(reason: reason), .undefined(reason: reason), .undefined(reason: reason))
        }
        let rows = [table[0][0] + table[0][1], table[1][0] + table[1][1]]
        let cols = [table[0][0] + table[1][0], table[0][1] + table[1][1]]
        if (rows[0] == 0 && cols[0] == 0) || (rows[1] == 0 && cols[1] == 0) {
            let reason = "expected agreement = 1 (both coders used one category only)"
            return (units, .undefined(reason: reason), .undefined(reason: reason), .undefined(reason: reason))
        }
        let n = Double(units)
        let p = table.map { $0.map { Double($0) / n } }
        let row = rows.map { Double($0) / n }
        let col = cols.map { Double($0) / n }
        let po = p[0][0] + p[1][1]
        let pe = row[0] * col[0] + row[1] * col[1]
        let kappa = (po - pe) / (1 - pe)
        var termA = 0.0
        var termB = 0.0
        for k in 0..<2 {
            let t = 1 - (row[k] + col[k]) * (1 - kappa)
            termA += p[k][k] * t * t
            let l = 1 - k
            termB += p[k][l] * (col[k] + row[l]) * (col[k] + row[l])
        }
        termB *= (1 - kappa) * (1 - kappa)
        let termC = (kappa - pe * (1 - kappa)) * (kappa - pe * (1 - kappa))
        let variance = (termA + termB - termC) / ((1 - pe) * (1 - pe)) / n
        let termC0 = (0..<2).reduce(0.0) { $0 + col[$1] * row[$1] * (col[$1] + row[$1]) }
        let variance0 = (pe + pe * pe - termC0) / ((1 - pe) * (1 - pe) * n)
        return (units, .value(kappa), .value(max(0, variance).squareRoot()), .value(max(0, variance0).squareRoot()))
    }
}
