/// Krippendorff's uα for unitized data of 1995 ("On the reliability of unitizing continuous data", *Sociological
/// Methodology* 25:47–76) and 2004 (*Content Analysis*, 2nd ed., pp. 251–256), code by code, computed as DKPro
/// Statistics' `KrippendorffAlphaUnitizingAgreement` computes it.
///
/// A coder's marks of one code cut the continuum `0..<length` into that coder's units and gaps. DKPro assumes a
/// coder's units of one code never overlap; overlapping marks are joined first, touching ones stay apart
/// (`SpanContinuum.codeRanges`).
public enum Unitizing2004 {
    public struct Result: Sendable, Equatable {
        /// D_o; 0 when undefined.
        public var observedDisagreement: Double
        /// D_e; 0 when undefined.
        public var expectedDisagreement: Double
        public var alpha: Statistic
    }

    /// The uα of one code (index into `continuum.codes`).
    public static func perCode(_ continuum: SpanContinuum, code: Int) -> Result {
        result(continuum.codeRanges(code), length: continuum.length)
    }

    /// The uα of every code, in `codes` order, grouping the marks by code once.
    static func perCodeAll(_ continuum: SpanContinuum) -> [Result] {
        continuum.rangesByCode().map { result($0, length: continuum.length) }
    }

    /// The uα over all codes. DKPro averages D_o and D_e over the codes, so alpha is 1 − ΣD_o / ΣD_e; a code no coder
    /// marked adds nothing to either sum.
    public static func overall(_ continuum: SpanContinuum) -> Statistic {
        overall(continuum, perCode: perCodeAll(continuum))
    }

    /// The uα over all codes from the codes' results already computed by `perCodeAll`.
    static func overall(_ continuum: SpanContinuum, perCode results: [Result]) -> Statistic {
        if let reason = unavailable(coders: continuum.coders.count, length: continuum.length) {
            return .undefined(reason: reason)
        }
        if continuum.marks.allSatisfy(\.isEmpty) { return .undefined(reason: "no coder marked any code") }
        let observed = results.reduce(0) { $0 + $1.observedDisagreement }
        let expected = results.reduce(0) { $0 + $1.expectedDisagreement }
        return .ratio(observed, expected, else: "no disagreement to expect (D_e = 0)").map { 1 - $0 }
    }

    /// The figures of one code from each coder's ranges of it.
    private static func result(_ ranges: [[Range<Int>]], length: Int) -> Result {
        if let reason = unavailable(coders: ranges.count, length: length) {
            return Result(observedDisagreement: 0, expectedDisagreement: 0, alpha: .undefined(reason: reason))
        }
        if ranges.allSatisfy(\.isEmpty) {
            return Result(
                observedDisagreement: 0, expectedDisagreement: 0, alpha: .undefined(reason: "no coder marked this code")
            )
        }
        let segments = ranges.map { Segment.partition(length, by: $0) }
        let observed = observedDisagreement(segments, length: length)
        let expected = expectedDisagreement(
            units: ranges.flatMap { $0.map { $0.count } },
            gaps: segments.flatMap { $0.lazy.filter { !$0.isUnit }.map { $0.range.count } },
            coders: ranges.count, length: length)
        let alpha = Statistic.ratio(observed, expected, else: "no disagreement to expect (D_e = 0)").map { 1 - $0 }
        return Result(observedDisagreement: observed, expectedDisagreement: expected, alpha: alpha)
    }

    private static func unavailable(coders: Int, length: Int) -> String? {
        if coders < 2 {
            return "the 2004 uα compares two or more coders; \(coders) \(coders == 1 ? "was" : "were") chosen"
        }
        if length == 0 { return "the continuum is empty: no text was coded by every chosen coder" }
        return nil
    }

    /// A stretch of one coder's partition of the continuum: a unit of the code, or a gap between units.
    private struct Segment {
        var range: Range<Int>
        var isUnit: Bool

        /// The units and the gaps around them, which together cover `0..<length`.
        static func partition(_ length: Int, by units: [Range<Int>]) -> [Segment] {
            var segments: [Segment] = []
            segments.reserveCapacity(2 * units.count + 1)
            var position = 0
            for unit in units {
                if unit.lowerBound > position {
                    segments.append(Segment(range: position..<unit.lowerBound, isUnit: false))
                }
                segments.append(Segment(range: unit, isUnit: true))
                position = unit.upperBound
            }
            if position < length { segments.append(Segment(range: position..<length, isUnit: false)) }
            return segments
        }
    }

    /// D_o: the distances between every two coders' overlapping segments, summed over the ordered pairs
    /// of coders and divided by m(m − 1)L².
    private static func observedDisagreement(_ segments: [[Segment]], length: Int) -> Double {
        var sum = 0.0
        for first in segments.indices {
            for second in segments.indices where second > first {
                sum += 2 * distances(segments[first], segments[second])
            }
        }
        let coders = Double(segments.count), length = Double(length)
        return sum / (coders * (coders - 1) * length * length)
    }

    /// Walks two partitions of the continuum together, adding the distance of each pair of segments that overlap.
    private static func distances(_ first: [Segment], _ second: [Segment]) -> Double {
        var sum = 0.0
        var i = 0, j = 0
        while i < first.count && j < second.count {
            sum += distance(first[i], second[j])
            let firstEnd = first[i].range.upperBound, secondEnd = second[j].range.upperBound
            if firstEnd <= secondEnd { i += 1 }
            if secondEnd <= firstEnd { j += 1 }
        }
        return sum
    }

    /// The distance of two overlapping segments: two units differ by their squared start and end
    /// shifts; a unit lying wholly inside the other coder's gap by its length squared; anything else not at all.
    private static func distance(_ a: Segment, _ b: Segment) -> Double {
        switch (a.isUnit, b.isUnit) {
        case (true, true):
            let startShift = Double(a.range.lowerBound - b.range.lowerBound),
                endShift = Double(a.range.upperBound - b.range.upperBound)
            return startShift * startShift + endShift * endShift
        case (true, false) where b.range.lowerBound <= a.range.lowerBound && a.range.upperBound <= b.range.upperBound:
            return Double(a.range.count) * Double(a.range.count)
        case (false, true) where a.range.lowerBound <= b.range.lowerBound && b.range.upperBound <= a.range.upperBound:
            return Double(b.range.count) * Double(b.range.count)
        default:
            return 0
        }
    }

    /// D_e (as DKPro computes it; DKPro notes the 1995 paper's D_e has a small error). Each of the N units
    /// of length l, from any coder, is paired with the other N − 1 units, (N − 1)(2l³ − 3l² + l) / 3, and put at each
    /// of the g − l + 1 positions it can take in every coder's gap g ≥ l, l² each. The sum times 2/L is divided by
    /// mL(mL − 1) − Σ l(l − 1).
    private static func expectedDisagreement(units: [Int], gaps: [Int], coders: Int, length: Int) -> Double {
        let units = ascending(units), gaps = ascending(gaps)
        // gapsFrom[k]: the total length of gaps[k...].
        var gapsFrom = [Int](repeating: 0, count: gaps.count + 1)
        for k in gaps.indices.reversed() { gapsFrom[k] = gapsFrom[k + 1] + gaps[k] }
        let others = Double(units.count - 1)
        var sum = 0.0, selfPairs = 0.0
        var fitting = 0  // the first gap at least as long as the unit
        for unit in units {
            while fitting < gaps.count && gaps[fitting] < unit { fitting += 1 }
            let l = Double(unit)
            let positions = Double(gapsFrom[fitting]) - Double(gaps.count - fitting) * (l - 1)
            sum += others * (2 * l * l * l - 3 * l * l + l) / 3 + l * l * positions
            selfPairs += l * (l - 1)
        }
        let pairable = Double(coders) * Double(length)
        let denominator = pairable * (pairable - 1) - selfPairs
        return denominator > 0 ? 2 / Double(length) * sum / denominator : 0
    }

    /// Lengths in ascending order by a radix sort, 11 bits a pass: over a codebook's gaps it is several times faster
    /// than the standard library's comparison sort, which took most of the time.
    private static func ascending(_ lengths: [Int]) -> [Int] {
        let digit = 11, mask = (1 << digit) - 1
        guard let longest = lengths.max() else { return lengths }
        var sorted = lengths, buffer = lengths
        var shift = 0
        while longest >> shift > 0 {
            // starts[d]: where the lengths with digit d go.
            var starts = [Int](repeating: 0, count: mask + 2)
            for length in sorted { starts[((length >> shift) & mask) + 1] += 1 }
            for d in 1...mask { starts[d] += starts[d - 1] }
            for length in sorted {
                let d = (length >> shift) & mask
                buffer[starts[d]] = length
                starts[d] += 1
            }
            swap(&sorted, &buffer)
            shift += digit
        }
        return sorted
    }
}
