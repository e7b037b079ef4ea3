import Agreement
import Testing

@Suite struct CodeDisagreementsTests {
    /// u1: A [x], B [y], C missing; u2: A [], B missing, C [x, y]; u3: all three [x]; u4: only A [x]; u5: A, B [] and C
    /// [z].
    let data = TestData.make(
        coders: ["A", "B", "C"], codes: ["x", "y", "z"],
        [[["x"], ["y"], nil], [[], nil, ["x", "y"]], [["x"], ["x"], ["x"]], [["x"], nil, nil], [[], [], ["z"]]])

    @Test func aUnitDisagreesOnACodeWhenSomeWhoFinishedItAppliedItAndSomeDidNot() {
        #expect(data.disagreements(onCode: 0) == [0, 1])
        #expect(data.disagreements(onCode: 1) == [0, 1])
        #expect(data.disagreements(onCode: 2) == [4])
    }

    @Test func aUnitOnlyOneCoderFinishedIsNeverADisagreement() {
        #expect(!data.disagreements(onCode: 0).contains(3))
    }

    @Test func withTwoCodersTheDisagreementsAreThePairableUnitsThePercentAgreementCountsAsDisagreeing() {
        let pair = ReliabilityData.synthetic(units: 3_000, coders: 2, codes: 12, missingShare: 0.1, seed: 7)
        for (code, (_, agreement)) in BinaryAgreement.perCode(pair).enumerated() {
            let disagreeing = Double(agreement.unitsPairable) * (1 - (agreement.percentAgreementUnits.value ?? 1))
            #expect(pair.disagreements(onCode: code).count == Int(disagreeing.rounded()))
        }
    }

    @Test func applicationsAndValuesAreReadPerCoder() {
        #expect(data.applications(ofCode: 0, byCoder: 0) == 3)
        #expect(data.applications(ofCode: 0, byCoder: 2) == 2)
        #expect(data.applied(unit: 0, coder: 1, code: 1) == true)
        #expect(data.applied(unit: 1, coder: 0, code: 0) == false)
        #expect(data.applied(unit: 0, coder: 2, code: 0) == nil)
    }

    @Test func pairableUnitsAreThoseTwoOrMoreCodersFinished() {
        #expect(data.pairableUnitCount == 4)
    }
}
