/// When every coding holds exactly one code, the codes form one nominal variable (the code is the
/// category) and the multi-category statistics apply; the reference files report them as
/// `single_label_nominal`. Categories are the codes observed in any coding (irrCAC's default q).
public struct SingleLabelAgreement: Sendable, Equatable {
    /// Codes used at least once: q for AC1 and Brennan–Prediger.
    public let categoriesObserved: Int
    public let krippendorffAlpha: Statistic
    public let percentAgreementUnits: Statistic
    public let gwetAC1: Statistic
    public let gwetAC1SE: Statistic
    /// (p_a − 1/q) / (1 − 1/q) with q = `categoriesObserved`.
    public let brennanPrediger: Statistic
    /// irrCAC's `fleiss()`: Gwet's generalisation to missing values (p_a as above, p_e = Σ π_k²).
    public let fleissKappaGwet: Statistic
    /// statsmodels' `fleiss_kappa` on the units every selected coder finished.
    public let fleissKappaComplete: Statistic
    /// Cohen's kappa on jointly finished units, exactly two coders.
    public let cohenKappa: Statistic

    /// Why a report has no single-label view.
    public static let notSingleLabel = "not every coding holds exactly one code: no single nominal variable"

    private static func isSingleLabel(_ data: ReliabilityData) -> Bool {
        data.coders.indices.allSatisfy { coder in
            var perUnit = [UInt8](repeating: 0, count: data.unitIDs.count)
            for code in data.codes.indices { data.applied[code][coder].forEachMember { perUnit[$0] &+= 1 } }
            var ok = true
            data.coded[coder].forEachMember { if perUnit[$0] != 1 { ok = false } }
            return ok
        }
    }

    /// nil (see `notSingleLabel`) unless every coding holds exactly one code.
    init?(_ data: ReliabilityData) {
        guard Self.isSingleLabel(data) else { return nil }
        let coderCount = data.coders.count
        var category = [[Int?]](repeating: [Int?](repeating: nil, count: data.unitIDs.count), count: coderCount)
        for code in data.codes.indices {
            for coder in 0..<coderCount { data.applied[code][coder].forEachMember { category[coder][$0] = code } }
        }
        // Per unit with at least one value: the counts r_uk as (category, count).
        let units: [[(k: Int, r: Double)]] = data.unitIDs.indices.compactMap { u in
            var counts: [(k: Int, r: Double)] = []
            for coder in 0..<coderCount {
                guard let k = category[coder][u] else { continue }
                if let i = counts.firstIndex(where: { $0.k == k }) { counts[i].r += 1 } else { counts.append((k, 1)) }
            }
            return counts.isEmpty ? nil : counts
        }
        let used = Set(units.flatMap { $0.map(\.k) })
        let q = Double(used.count)
        categoriesObserved = used.count
        func m(_ unit: [(k: Int, r: Double)]) -> Double { unit.reduce(0) { $0 + $1.r } }
        func agreeingShare(_ unit: [(k: Int, r: Double)]) -> Double {
            let mu = m(unit)
            return mu < 2 ? 0 : unit.reduce(0) { $0 + $1.r * ($1.r - 1) } / (mu * (mu - 1))
        }
        let pairable = units.filter { m($0) >= 2 }
        let n1 = Double(units.count)
        let nPairable = Double(pairable.count)

        // Krippendorff's alpha, nominal.
        let n = pairable.reduce(0) { $0 + m($1) }
        // Per code, in code order, so every sum below is taken in the same order from run to run.
        var valuesOf = [Double](repeating: 0, count: data.codes.count)
        for unit in pairable { for (k, r) in unit { valuesOf[k] += r } }
        let disagreeing = pairable.reduce(0.0) { sum, unit in
            let mu = m(unit)
            return sum + (mu * mu - unit.reduce(0) { $0 + $1.r * $1.r }) / (mu - 1)
        }
        let expected = n * n - valuesOf.reduce(0) { $0 + $1 * $1 }
        krippendorffAlpha =
            nPairable == 0
            ? .undefined(reason: BinaryAgreement.noPairableUnit)
            : Statistic.ratio((n - 1) * disagreeing, expected, else: "no variation among pairable values (D_e = 0)").map
            { 1 - $0 }

        // Percent agreement, AC1, Brennan–Prediger, Gwet's Fleiss.
        let pa = Statistic.ratio(
            pairable.reduce(0) { $0 + agreeingShare($1) }, nPairable, else: BinaryAgreement.noPairableUnit)
        percentAgreementUnits = pa
        var pi = [Double](repeating: 0, count: data.codes.count)
        for unit in units {
            let mu = m(unit)
            for (k, r) in unit { pi[k] += r / mu / n1 }
        }
        if case .value(let pA) = pa, q >= 2 {
            let pe = pi.reduce(0) { $0 + $1 * (1 - $1) } / (q - 1)
            let ac1 = (pA - pe) / (1 - pe)
            gwetAC1 = .value(ac1)
            brennanPrediger = .value((pA - 1 / q) / (1 - 1 / q))
            let peFleiss = pi.reduce(0) { $0 + $1 * $1 }
            fleissKappaGwet = Statistic.ratio(pA - peFleiss, 1 - peFleiss, else: "no variation (p_e = 1)")
            if n1 < 2 {
                gwetAC1SE = .undefined(reason: "fewer than two units were coded")
            } else {
                let squares = units.reduce(0.0) { sum, unit in
                    let mu = m(unit)
                    let ac1u = (n1 / nPairable) * (agreeingShare(unit) - (mu >= 2 ? pe : 0)) / (1 - pe)
                    let peu = unit.reduce(0) { $0 + $1.r * (1 - pi[$1.k]) } / mu / (q - 1)
                    let centred = ac1u - 2 * (1 - ac1) * (peu - pe) / (1 - pe) - ac1
                    return sum + centred * centred
                }
                gwetAC1SE = .value((squares / (n1 * (n1 - 1))).squareRoot())
            }
        } else {
            let reason = pa.reason ?? "only one code was used: no variation"
            (gwetAC1, gwetAC1SE, brennanPrediger, fleissKappaGwet) = (
                .undefined(reason: reason), .undefined(reason: reason), .undefined(reason: reason),
                .undefined(reason: reason)
            )
        }

        // Fleiss' kappa on complete units.
        let mAll = Double(coderCount)
        let complete = units.filter { m($0) == mAll }
        if coderCount < 2 || complete.isEmpty {
            fleissKappaComplete = .undefined(
                reason: coderCount < 2
                    ? "Fleiss' kappa needs two or more coders" : "no unit was coded by all selected coders")
        } else {
            let pBar = complete.reduce(0) { $0 + agreeingShare($1) } / Double(complete.count)
            var share = [Double](repeating: 0, count: data.codes.count)
            for unit in complete { for (k, r) in unit { share[k] += r / (Double(complete.count) * mAll) } }
            let pe = share.reduce(0) { $0 + $1 * $1 }
            fleissKappaComplete =
                share.filter { $0 > 0 }.count < 2
                ? .undefined(reason: "no variation among complete units (P_e = 1)") : .value((pBar - pe) / (1 - pe))
        }

        // Cohen's kappa.
        if coderCount != 2 {
            cohenKappa = .undefined(reason: "Cohen's kappa needs exactly two coders (\(coderCount) selected)")
        } else {
            let joint = data.unitIDs.indices.compactMap { u -> (Int, Int)? in
                guard let a = category[0][u], let b = category[1][u] else { return nil }
                return (a, b)
            }
            let total = Double(joint.count)
            var rows = [Double](repeating: 0, count: data.codes.count)
            var cols = [Double](repeating: 0, count: data.codes.count)
            for (a, b) in joint {
                rows[a] += 1 / total
                cols[b] += 1 / total
            }
            let po = Double(joint.filter { $0.0 == $0.1 }.count) / total
            let pe = zip(rows, cols).reduce(0) { $0 + $1.0 * $1.1 }
            let rowsUsed = rows.indices.filter { rows[$0] > 0 }
            cohenKappa =
                joint.isEmpty
                ? .undefined(reason: "no unit was coded by both coders")
                : rowsUsed.count == 1 && rowsUsed == cols.indices.filter({ cols[$0] > 0 })
                    ? .undefined(reason: "expected agreement = 1 (both coders used one category only)")
                    : .value((po - pe) / (1 - pe))
        }
    }
}
