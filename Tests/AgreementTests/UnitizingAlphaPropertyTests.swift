import Agreement
import Testing

/// Seeded randomized properties of the 2016 unitizing family: every run checks the same continua.
@Suite struct UnitizingAlphaPropertyTests {
    typealias Mark = SpanContinuum.Mark
    static let seeds: [UInt64] = Array(1...8)
    static let codes = ["x", "y", "z"]

    /// 2 to 4 coders, each partitioning 20 to 120 characters into units of random codes (some touching) and gaps,
    /// coders following a shared plan with some shifts and changed codes so that the figures vary.
    static func continuum(_ seed: UInt64) -> SpanContinuum {
        var rng = SplitMix64(seed: seed)
        let length = Int.random(in: 20...120, using: &rng)
        let coders = Int.random(in: 2...4, using: &rng)
        var plan: [Mark] = []
        var position = Int.random(in: 0...4, using: &rng)
        while position < length {
            let end = min(length, position + Int.random(in: 1...12, using: &rng))
            plan.append(Mark(code: Int.random(in: 0..<codes.count, using: &rng), start: position, end: end))
            position = end + (Bool.random(using: &rng) ? 0 : Int.random(in: 1...6, using: &rng))
        }
        let marks = (0..<coders).map { _ in
            var own: [Mark] = []
            for mark in plan where Int.random(in: 0..<10, using: &rng) > 0 {
                let start = max(own.last?.end ?? 0, mark.start + Int.random(in: -1...1, using: &rng))
                let end = min(length, mark.end + Int.random(in: -1...1, using: &rng))
                let code =
                    Int.random(in: 0..<5, using: &rng) == 0 ? Int.random(in: 0..<codes.count, using: &rng) : mark.code
                if start < end { own.append(Mark(code: code, start: start, end: end)) }
            }
            return own
        }
        return SpanContinuum(
            coders: (0..<coders).map { "c\($0)" }, codes: codes, unitIDs: ["u1"], unitStarts: [0],
            length: length, marks: marks)
    }

    static func statistics(_ figures: UnitizingAlpha.Figures) -> [Statistic] {
        [figures.binaryUAlpha, figures.uAlpha, figures.cuAlpha]
            + figures.perCode.flatMap { [$0.uAlphaK, $0.binaryUAlphaK] }
    }

    static func same(_ a: Statistic, _ b: Statistic) -> Bool {
        switch (a.value, b.value) {
        case let (x?, y?): return abs(x - y) < 1e-12
        case (nil, nil): return true
        default: return false
        }
    }

    @Test(arguments: seeds)
    func identicalCodersGiveOneWhereDefined(_ seed: UInt64) {
        let base = Self.continuum(seed)
        let copies = SpanContinuum(
            coders: base.coders, codes: base.codes, unitIDs: base.unitIDs, unitStarts: base.unitStarts,
            length: base.length, marks: base.marks.map { _ in base.marks[0] })
        let statistics = Self.statistics(UnitizingAlpha.figures(copies))
        for statistic in statistics {
            #expect(statistic.value == nil || abs(statistic.value! - 1) < 1e-12, "\(statistic)")
        }
        #expect(statistics.contains { $0.value != nil })
    }

    @Test(arguments: seeds)
    func theOrderOfCodersChangesNothing(_ seed: UInt64) {
        let base = Self.continuum(seed)
        let reversed = SpanContinuum(
            coders: base.coders.reversed(), codes: base.codes, unitIDs: base.unitIDs,
            unitStarts: base.unitStarts, length: base.length, marks: base.marks.reversed())
        for (a, b) in zip(
            Self.statistics(UnitizingAlpha.figures(base)), Self.statistics(UnitizingAlpha.figures(reversed)))
        {
            #expect(Self.same(a, b), "\(a) vs \(b)")
        }
    }

    /// Each character a unit of its own: a unit then weighs 1 like a gap character, the expected coincidences become
    /// n_c(n_k − [c = k])/(n − 1), and uα is nominal alpha over characters with the gap as one more value, |uα the
    /// binary alpha of marked against unmarked characters (Krippendorff et al. 2016).
    @Test(arguments: seeds)
    func oneCharacterUnitsGiveOrdinaryAlphaOverCharacters(_ seed: UInt64) throws {
        let base = Self.continuum(seed)
        let pieces = base.marks.map { marks in
            marks.flatMap { mark in (mark.start..<mark.end).map { Mark(code: mark.code, start: $0, end: $0 + 1) } }
        }
        let cut = SpanContinuum(
            coders: base.coders, codes: base.codes, unitIDs: base.unitIDs, unitStarts: base.unitStarts,
            length: base.length, marks: pieces)
        let figures = UnitizingAlpha.figures(cut)

        let characters = (0..<base.length).map { "char\($0)" }
        var nominal = ReliabilityData(unitIDs: characters, coders: base.coders, codes: base.codes + ["gap"])
        var binary = ReliabilityData(unitIDs: characters, coders: base.coders, codes: ["marked"])
        for (coder, marks) in pieces.enumerated() {
            var value = [Int](repeating: base.codes.count, count: base.length)
            for mark in marks { value[mark.start] = mark.code }
            for character in 0..<base.length {
                nominal.setCoding(unit: character, coder: coder, codes: [value[character]])
                binary.setCoding(unit: character, coder: coder, codes: value[character] == base.codes.count ? [] : [0])
            }
        }
        let nominalAlpha = try #require(AgreementReport(nominal).singleLabel).krippendorffAlpha
        #expect(Self.same(figures.uAlpha, nominalAlpha), "\(figures.uAlpha) vs \(nominalAlpha)")
        let binaryAlpha = BinaryAgreement.perCode(binary)[0].agreement.krippendorffAlpha
        #expect(Self.same(figures.binaryUAlpha, binaryAlpha), "\(figures.binaryUAlpha) vs \(binaryAlpha)")
        #expect(figures.uAlpha.value != nil)
    }
}
