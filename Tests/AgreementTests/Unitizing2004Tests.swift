import Testing

@testable import Agreement

/// The 2004 uα against the values DKPro Statistics' tests take from Krippendorff (1995, p. 57; 2004, p. 254).
@Suite struct Unitizing2004Tests {
    /// Krippendorff (2004, p. 254): the continuum [150, 450) of DKPro's test, shifted to start at 0.
    static let book2004: SpanContinuum = {
        let c = 0, k = 1
        func mark(_ code: Int, _ offset: Int, _ length: Int) -> SpanContinuum.Mark {
            .init(code: code, start: offset - 150, end: offset - 150 + length)
        }
        return continuum(
            codes: ["c", "k"], length: 300,
            marks: [
                [mark(c, 225, 70), mark(c, 370, 30), mark(k, 180, 60), mark(k, 300, 50)],
                [mark(c, 220, 80), mark(c, 355, 20), mark(c, 400, 20), mark(k, 180, 60), mark(k, 300, 50)],
            ])
    }()

    /// Krippendorff (1995, p. 57): studies A to D on 24 positions, each a code here, every position multiplied by
    /// `stretch` and truncated as DKPro's Krippendorff1995Test does.
    static func book1995(stretch: Double) -> SpanContinuum {
        func at(_ position: Int) -> Int { Int(Double(position) * stretch) }
        func marks(_ code: Int, _ spans: [(offset: Int, length: Int)]) -> [SpanContinuum.Mark] {
            spans.map { .init(code: code, start: at($0.offset), end: at($0.offset) + at($0.length)) }
        }
        let first =
            marks(0, [(2, 8), (14, 6)]) + marks(1, [(0, 18)]) + marks(2, [(2, 6), (10, 2), (14, 4), (20, 2)])
            + marks(3, [(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)])
        let second =
            marks(0, [(4, 4), (15, 2)]) + marks(1, [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)])
            + marks(2, [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)])
            + marks(3, [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)])
        return continuum(codes: ["A", "B", "C", "D"], length: at(24), marks: [first, second])
    }

    static func continuum(coders: [String] = ["i", "j"], codes: [String], length: Int, marks: [[SpanContinuum.Mark]])
        -> SpanContinuum
    {
        SpanContinuum(coders: coders, codes: codes, unitIDs: ["u"], unitStarts: [0], length: length, marks: marks)
    }

    @Test func reproducesKrippendorff2004PerCode() throws {
        let c = Unitizing2004.perCode(Self.book2004, code: 0)
        #expect(abs(c.observedDisagreement - 0.0144) < 0.0001)
        #expect(abs(c.expectedDisagreement - 0.0532) < 0.0001)
        #expect(abs(try #require(c.alpha.value) - 0.7286) < 0.0001)
        let k = Unitizing2004.perCode(Self.book2004, code: 1)
        #expect(k.observedDisagreement == 0)
        #expect(abs(k.expectedDisagreement - 0.0490) < 0.0001)
        #expect(k.alpha == .value(1))
    }

    @Test func reproducesKrippendorff2004Overall() throws {
        #expect(abs(try #require(Unitizing2004.overall(Self.book2004).value) - 0.8591) < 0.0005)
    }

    @Test func reproducesKrippendorff1995ObservedDisagreement() {
        let study = Self.book1995(stretch: 1)
        let observed = study.codes.indices.map { Unitizing2004.perCode(study, code: $0).observedDisagreement }
        for (value, published) in zip(observed, [0.03125, 2.26736, 0.02777, 0.38715]) {
            #expect(abs(value - published) < 0.00001)
        }
    }

    /// D_o does not change with the stretch; D_e approaches its published value as positions grow finer.
    @Test func reproducesKrippendorff1995AlphaAtALargeStretch() throws {
        let study = Self.book1995(stretch: 50_000)
        let results = study.codes.indices.map { Unitizing2004.perCode(study, code: $0) }
        for (result, published) in zip(results, [0.06990, 1.17731, 0.08642, 0.41445]) {
            #expect(abs(result.expectedDisagreement - published) < 0.005)
        }
        for (result, published) in zip(results, [0.553, -0.926, 0.679, 0.066]) {
            #expect(abs(try #require(result.alpha.value) - published) < 0.02)
        }
        #expect(abs(results[2].observedDisagreement - 0.02777) < 0.00001)
    }

    @Test func expectedDisagreementOnACoarseContinuumMatchesDKPro() throws {
        let c = Unitizing2004.perCode(Self.book1995(stretch: 0.5), code: 2)
        #expect(abs(c.observedDisagreement - 0.02777) < 0.00001)
        #expect(abs(c.expectedDisagreement - 0.05494) < 0.00001)
        #expect(abs(try #require(c.alpha.value) - 0.494) < 0.02)
    }

    @Test func everyCodeAtOnceGivesTheSameResultsAsOneAtATime() {
        let study = Self.book1995(stretch: 3)
        let all = Unitizing2004.perCodeAll(study)
        #expect(all == study.codes.indices.map { Unitizing2004.perCode(study, code: $0) })
        #expect(Unitizing2004.overall(study, perCode: all) == Unitizing2004.overall(study))
    }

    @Test func overlappingMarksOfOneCoderAreJoinedFirst() {
        let overlapping = Self.continuum(
            codes: ["x"], length: 100,
            marks: [
                [.init(code: 0, start: 10, end: 40), .init(code: 0, start: 30, end: 60)],
                [.init(code: 0, start: 20, end: 50)],
            ])
        let joined = Self.continuum(
            codes: ["x"], length: 100,
            marks: [
                [.init(code: 0, start: 10, end: 60)], [.init(code: 0, start: 20, end: 50)],
            ])
        #expect(Unitizing2004.perCode(overlapping, code: 0) == Unitizing2004.perCode(joined, code: 0))
    }

    @Test func aCodeNobodyMarkedIsUndefined() {
        let study = Self.continuum(codes: ["x", "y"], length: 10, marks: [[.init(code: 0, start: 0, end: 5)], []])
        #expect(Unitizing2004.perCode(study, code: 1).alpha == .undefined(reason: "no coder marked this code"))
    }

    @Test func oneCoderIsUndefined() {
        let study = Self.continuum(coders: ["i"], codes: ["x"], length: 10, marks: [[.init(code: 0, start: 0, end: 5)]])
        let reason = "the 2004 uα compares two or more coders; 1 was chosen"
        #expect(Unitizing2004.perCode(study, code: 0).alpha == .undefined(reason: reason))
        #expect(Unitizing2004.overall(study) == .undefined(reason: reason))
    }

    @Test func anEmptyContinuumIsUndefined() {
        let study = Self.continuum(codes: ["x"], length: 0, marks: [[], []])
        let reason = "the continuum is empty: no text was coded by every chosen coder"
        #expect(Unitizing2004.perCode(study, code: 0).alpha == .undefined(reason: reason))
        #expect(Unitizing2004.overall(study) == .undefined(reason: reason))
    }

    @Test func noMarksAtAllLeaveTheOverallUndefined() {
        let study = Self.continuum(codes: ["x"], length: 10, marks: [[], []])
        #expect(Unitizing2004.overall(study) == .undefined(reason: "no coder marked any code"))
    }
}
