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
        let columnSets: [[Set<Int>?]] = codings.map { coding in
            let columnsByNumber = columns.columnsByNumber(coding)
            var present: [Int] = []
            return coding.coded.map { codes in
                codes.map { codes -> Set<Int> in
                    CodeColumns.present(codes, columnsByNumber, into: &present)
                    return Set(present)
                }
            }
        }
        var pairs: [Pair] = []
        for first in codings.indices {
            for second in codings.indices where second > first {
                var pair = Pair(first: study.coders[first], second: study.coders[second], excerpts: 0,
                                codes: Array(repeating: CodeAgreement(both: 0, onlyFirst: 0, onlySecond: 0, neither: 0), count: columns.count))
                for (inA, inB) in zip(columnSets[first], columnSets[second]) {
                    guard let inA, let inB else { continue }
                    pair.excerpts += 1
                    for column in 0..<columns.count {
                        switch (inA.contains(column), inB.contains(column)) {
                        case (true, true): pair.codes[column].both += 1
                        case (true, false): pair.codes[column].onlyFirst += 1
                        case (false, true): pair.codes[column].onlySecond += 1
                        case (false, false): pair.codes[column].neither += 1
                        }
                    }
                }
                if pair.excerpts > 0 { pairs.append(pair) }
            }
        }
        self.pairs = pairs
    }
}
