/// uα, cuα and (k)uα: the members of Krippendorff's 2016 family that treat codes as nominal values. They assume a
/// coder's units never overlap; where a coder put two codes on the same characters, all three are undefined.
struct NominalUnitizingFamily {
    let uAlpha: Statistic
    let cuAlpha: Statistic
    /// Why every figure is undefined (overlapping codes), if they are.
    private let undefinedReason: String?
    /// Per code, over the code's units s: Σ P_s and Σ P_s², where P_s = Σ_{j≠i} |s ∩ coder j's units| is
    /// (m − 1) times the unit's mean overlap with the other coders' units, its weight in cuα (eqs. 36–37).
    private let coinciding: [Int]
    private let coincidingSquares: [Int]
    /// Per code, Σ_{i≠j} of the length both coders gave it: (m − 1) l_kk, in the same scale as P_s.
    private let pairOverlaps: [Int]
    private let coincidingTotal: Double
    private let coincidingWeights: Double

    init(_ continuum: SpanContinuum, anyCode: UnitTallies, byCode: UnitTallies) {
        let codeCount = continuum.codes.count
        pairOverlaps = byCode.pairOverlaps
        var nominal: [UnitList] = []
        for (coder, marks) in continuum.marks.enumerated() {
            switch UnitList.nominal(marks, coder: coder) {
            case .success(let list): nominal.append(list)
            case .failure(let overlap):
                let reason =
                    "\(continuum.coders[overlap.coder]) has \(continuum.codes[overlap.first]) and \(continuum.codes[overlap.second])"
                    + " on the same text in \(continuum.unitIDs[continuum.unit(at: overlap.position)])"
                undefinedReason = reason
                uAlpha = .undefined(reason: reason)
                cuAlpha = .undefined(reason: reason)
                (coinciding, coincidingSquares) = ([], [])
                (coincidingTotal, coincidingWeights) = (0, 0)
                return
            }
        }
        undefinedReason = nil

        // uα (eq. 34): the codes and the gap as values; the gaps' shared length is l.. − 2 l_U + l_UU.
        let total = Double(continuum.coders.count * continuum.length)
        let units = Double(anyCode.covered[0]), gaps = total - units
        let sharedGaps = total - 2 * units + anyCode.shared(0)
        uAlpha = UnitizingAlpha.alpha(
            total: total, agreement: (0..<codeCount).reduce(sharedGaps) { $0 + byCode.shared($1) },
            squaredMarginals: byCode.covered.reduce(gaps * gaps) { $0 + Double($1) * Double($1) },
            weights: Double(byCode.squaredLengths.reduce(0, +)) + gaps)

        // cuα (eqs. 36–37): the codes only, each unit weighted by its overlap with the other coders' units.
        var coinciding = [Int](repeating: 0, count: codeCount)
        var coincidingSquares = coinciding
        for (coder, list) in nominal.enumerated() {
            var overlaps = [Int](repeating: 0, count: list.count)
            for other in anyCode.lists.indices where other != coder {
                list.addOverlapsPerUnit(with: anyCode.lists[other], into: &overlaps)
            }
            for (index, overlap) in overlaps.enumerated() {
                coinciding[list.codes[index]] += overlap
                coincidingSquares[list.codes[index]] += overlap * overlap
            }
        }
        self.coinciding = coinciding
        self.coincidingSquares = coincidingSquares
        coincidingTotal = Double(coinciding.reduce(0, +))
        coincidingWeights = Double(coincidingSquares.reduce(0, +))
        cuAlpha =
            coincidingTotal == 0
            ? .undefined(reason: UnitizingAlpha.noCoincidingUnits)
            : UnitizingAlpha.alpha(
                total: coincidingTotal, agreement: Double(pairOverlaps.reduce(0, +)),
                squaredMarginals: coinciding.reduce(0) { $0 + Double($1) * Double($1) }, weights: coincidingWeights)
    }

    /// (k)uα (eq. 38): 1 − (l_k. − l_kk) / (l_k. − e_kk) in cuα's coincidences, the disagreements involving k against
    /// those expected given k's margin. With e_kk = l..(l_k.² − W_k) / (l..² − W), the denominator is written over
    /// l..² − W so that a code with no variation gives exactly 0.
    func uAlphaK(_ code: Int) -> Statistic {
        if let undefinedReason { return .undefined(reason: undefinedReason) }
        guard coinciding[code] > 0 else { return .undefined(reason: UnitizingAlpha.codeNeverCoincides) }
        let margin = Double(coinciding[code]), total = coincidingTotal
        let pairable = total * total - coincidingWeights
        let expectedDisagreement = margin * pairable - total * (margin * margin - Double(coincidingSquares[code]))
        guard pairable > 0, expectedDisagreement > 0 else { return .undefined(reason: UnitizingAlpha.noVariation) }
        return .value(1 - (margin - Double(pairOverlaps[code])) * pairable / expectedDisagreement)
    }
}
