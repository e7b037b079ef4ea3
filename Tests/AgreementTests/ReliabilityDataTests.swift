import Agreement
import Testing

@Suite struct ReliabilityDataTests {
    /// u1: A [x], B [y], C missing; u2: A [], B missing, C [x, y]; u3: all three [x].
    let data = TestData.make(
        coders: ["A", "B", "C"], codes: ["x", "y", "z"],
        [[["x"], ["y"], nil], [[], nil, ["x", "y"]], [["x"], ["x"], ["x"]]])

    @Test func notFinishedAndFinishedWithNoCodeStayApart() {
        #expect(data.coding(unit: 0, coder: 2) == nil)
        #expect(data.coding(unit: 1, coder: 0) == [])
    }

    @Test func selectingCodersKeepsTheirCodingsInTheGivenOrder() throws {
        let selected = try data.selectingCoders(["C", "A"])
        #expect(selected.coders == ["C", "A"])
        #expect(selected.coding(unit: 1, coder: 0) == [0, 1])
        #expect(selected.coding(unit: 1, coder: 1) == [])
    }

    @Test func selectingAnUnknownCoderNamesTheKnownOnes() {
        #expect(throws: ReliabilityDataError.unknownCoder("D", known: ["A", "B", "C"])) {
            try data.selectingCoders(["D"])
        }
        #expect(
            ReliabilityDataError.unknownCoder("D", known: ["A", "B"]).description
                == #"no coder named "D" in the reliability data (coders: A, B)"#)
    }

    @Test func selectingUnitsKeepsTheDataOrder() throws {
        let selected = try data.selectingUnits(["u3", "u1"])
        #expect(selected.unitIDs == ["u1", "u3"])
        #expect(selected.coding(unit: 1, coder: 2) == [0])
    }

    @Test func selectingAnUnknownUnitIsRefused() {
        #expect(throws: ReliabilityDataError.unknownUnit("u9")) { try data.selectingUnits(["u9"]) }
    }

    @Test func keepingUnitsFinishedByAllCodersDropsTheOthers() {
        #expect(data.keepingUnitsFinishedByAllCoders().unitIDs == ["u3"])
    }

    @Test func keepingUnitsFinishedByTheChosenCodersUsesOnlyThoseCoders() throws {
        #expect(try data.selectingCoders(["A", "C"]).keepingUnitsFinishedByAllCoders().unitIDs == ["u2", "u3"])
    }

    @Test func rollingUpAppliesACategoryWhenAnyCodeUnderItIsApplied() {
        let rolled = data.rollingUp(["x": "people", "y": "people"])
        #expect(rolled.codes == ["people", "z"])
        #expect(rolled.coding(unit: 0, coder: 1) == [0])
        #expect(rolled.coding(unit: 1, coder: 2) == [0])
        #expect(rolled.coding(unit: 1, coder: 0) == [])
        #expect(rolled.coding(unit: 0, coder: 2) == nil)
    }

    @Test func settingACodingAgainReplacesIt() {
        var changed = data
        changed.setCoding(unit: 2, coder: 0, codes: [2])
        #expect(changed.coding(unit: 2, coder: 0) == [2])
        changed.setCoding(unit: 2, coder: 0, codes: nil)
        #expect(changed.coding(unit: 2, coder: 0) == nil)
    }
}
