/// Simple percent agreement per code between each pair of coders, for the report's agreement summary.
///
/// Over the excerpts both coders finished, each code is a yes/no per coder; agreement is the share of those excerpts
/// where both said the same. It is not corrected for chance, so a rare code scores high just because both coders
/// mostly leave it out: the counts of excerpts where both applied it and where only one did are kept beside it.
public struct PercentAgreement: Sendable, Equatable {
    public struct Pair: Sendable, Equatable {
        public var first: String
        public var second: String
        /// Excerpts both coders finished.
        public var excerpts: Int
        /// One entry per column of `PercentAgreement.codes`.
        public var codes: [CodeAgreement]
    }

    public struct CodeAgreement: Sendable, Equatable {
        public var both: Int
        public var onlyFirst: Int
        public var onlySecond: Int
        public var neither: Int

        /// Share of the pair's excerpts where the coders agree; nil when they share no excerpt.
        public var agreement: Double? {
            let total = both + onlyFirst + onlySecond + neither
            return total == 0 ? nil : Double(both + neither) / Double(total)
        }
    }

    public var codes: [Code]
    public var pairs: [Pair]

    public init(study: Study, columns: CodeColumns) {
        codes = columns.codes
        let codings = study.coders.map { SourceCoding(study: study, source: .coder($0)) }
        // Per coder, per excerpt in reading order: the columns present (sorted), or nil when not finished.
        let present: [[[Int]?]] = codings.map { coding in
            let columnsByNumber = columns.columnsByNumber(coding)
            var scratch: [Int] = []
            return coding.coded.map { codes in
                codes.map { codes -> [Int] in
                    CodeColumns.present(codes, columnsByNumber, into: &scratch)
                    return scratch
                }
            }
        }
        var pairs: [Pair] = []
        for first in codings.indices {
            for second in codings.indices where second > first {
                var both = [Int](repeating: 0, count: columns.count)
                var onlyFirst = both
                var onlySecond = both
                var excerpts = 0
                for (inA, inB) in zip(present[first], present[second]) {
                    guard let inA, let inB else { continue }
                    excerpts += 1
                    for column in inA { if inB.contains(column) { both[column] += 1 } else { onlyFirst[column] += 1 } }
                    for column in inB where !inA.contains(column) { onlySecond[column] += 1 }
                }
                guard excerpts > 0 else { continue }
                let counts = columns.codes.indices.map { column in
                    CodeAgreement(
                        both: both[column], onlyFirst: onlyFirst[column], onlySecond: onlySecond[column],
                        neither: excerpts - both[column] - onlyFirst[column] - onlySecond[column])
                }
                pairs.append(
                    Pair(first: study.coders[first], second: study.coders[second], excerpts: excerpts, codes: counts))
            }
        }
        self.pairs = pairs
    }
}
