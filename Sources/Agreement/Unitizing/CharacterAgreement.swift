/// Character-level figures of one code, each character a unit coded or not: NVivo's coding comparison (two coders)
/// and the share of marked characters the coders share.
///
/// NVivo's figures are dominated by text nobody coded; they are given for readers who know them, never as the main
/// figure.
public enum CharacterAgreement {
    public struct Figures: Sendable, Equatable {
        /// NVivo's percentage agreement: (characters both coders coded + characters neither coded) / all characters.
        public var percentAgreement: Statistic
        /// Cohen's kappa on the same 2 × 2 table of characters.
        public var kappa: Statistic
        /// Characters every coder marked with the code / characters any coder marked with it.
        public var sharedShare: Statistic
        /// Characters each coder marked with the code, in `coders` order.
        public var codedCharacters: [Int]
    }

    /// The figures of one code (index into `continuum.codes`).
    public static func figures(_ continuum: SpanContinuum, code: Int) -> Figures {
        figures(continuum.codeRanges(code), length: continuum.length)
    }

    /// The figures of every code, in `codes` order, grouping the marks by code once.
    static func figures(_ continuum: SpanContinuum) -> [Figures] {
        continuum.rangesByCode().map { figures($0, length: continuum.length) }
    }

    /// The figures from each coder's disjoint, sorted ranges of the code: a sweep over the ranges, never over
    /// characters.
    private static func figures(_ ranges: [[Range<Int>]], length: Int) -> Figures {
        let coded = ranges.map(characters)
        let everyCoder = characters(ranges.dropFirst().reduce(ranges.first ?? [], intersection))
        let anyCoder = characters(ranges.reduce([], union))
        let sharedShare = Statistic.ratio(Double(everyCoder), Double(anyCoder), else: "no coder marked this code")
        let (percentAgreement, kappa) = nvivo(coded: coded, both: everyCoder, length: length)
        return Figures(
            percentAgreement: percentAgreement, kappa: kappa, sharedShare: sharedShare, codedCharacters: coded)
    }

    /// NVivo's coding comparison: percentage agreement and Cohen's kappa of two coders, characters as units.
    private static func nvivo(coded: [Int], both: Int, length: Int) -> (percentAgreement: Statistic, kappa: Statistic) {
        guard coded.count == 2 else {
            let reason =
                "NVivo's figure compares two coders; \(coded.count) \(coded.count == 1 ? "was" : "were") chosen"
            return (.undefined(reason: reason), .undefined(reason: reason))
        }
        guard length > 0 else {
            let reason = "the continuum is empty: no text was coded by every chosen coder"
            return (.undefined(reason: reason), .undefined(reason: reason))
        }
        let neither = length - coded[0] - coded[1] + both
        let observed = Double(both + neither) / Double(length)
        // Chance agreement is 1 exactly when both coders marked nothing, or both marked every character.
        if coded[0] == coded[1] && (coded[0] == 0 || coded[0] == length) {
            let reason =
                coded[0] == 0
                ? "neither coder marked this code, so every character agrees by chance (expected agreement 1)"
                : "both coders marked every character with this code (expected agreement 1)"
            return (.value(observed), .undefined(reason: reason))
        }
        let first = Double(coded[0]) / Double(length), second = Double(coded[1]) / Double(length)
        let chance = first * second + (1 - first) * (1 - second)
        return (.value(observed), .value((observed - chance) / (1 - chance)))
    }

    private static func characters(_ ranges: [Range<Int>]) -> Int { ranges.reduce(0) { $0 + $1.count } }

    /// The characters in both lists of sorted, disjoint ranges.
    private static func intersection(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let start = max(a[i].lowerBound, b[j].lowerBound), end = min(a[i].upperBound, b[j].upperBound)
            if start < end { result.append(start..<end) }
            if a[i].upperBound <= b[j].upperBound { i += 1 } else { j += 1 }
        }
        return result
    }

    /// The characters in either list of sorted, disjoint ranges, as sorted, disjoint ranges.
    private static func union(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next: Range<Int>
            if j == b.count || (i < a.count && a[i].lowerBound <= b[j].lowerBound) {
                next = a[i]
                i += 1
            } else {
                next = b[j]
                j += 1
            }
            if let last = result.last, next.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, next.upperBound)
            } else {
                result.append(next)
            }
        }
        return result
    }
}
