import Testing

@testable import ThematicCore

/// How `thematic codebook split` hands out a code's excerpts, on the valid fixture: A2 is coded by ben on R1-1
/// ("The health visitor did not know about the injury.") and by asha on R2-1 ("Mother moved house twice.").
@Suite struct SplitPlanTests {
    private let parts: [SplitPlan.Part] = [.new(id: "A2a", name: "Moves"), .new(id: "A2b", name: "Injuries")]

    private func plan(rules: [String] = [], choices: [String] = [], fallback: String? = nil) throws -> SplitPlan {
        try SplitPlan(
            splitting: "A2", into: parts, rules: rules.map { SplitPlan.Rule($0, parts: parts)! },
            choices: choices.map { SplitPlan.Choice($0)! }, fallback: fallback,
            in: try TestSupport.load(try TestSupport.validStudy()))
    }

    @Test func aPartIsANewCodeWhenItNamesOneAndAnExistingCodeOtherwise() {
        #expect(SplitPlan.Part("A2a=Moves = house") == .new(id: "A2a", name: "Moves = house"))
        #expect(SplitPlan.Part("B1") == .existing("B1"))
    }

    @Test func aRuleMustNameOneOfThePartsBeforeAColon() {
        #expect(SplitPlan.Rule("A2b:injury", parts: parts) != nil)
        #expect(SplitPlan.Rule("A2b", parts: parts) == nil)
        #expect(SplitPlan.Rule("B1:injury", parts: parts) == nil)
    }

    @Test func aChoiceNamesAnExcerptAndItsCodes() {
        #expect(SplitPlan.Choice("R1-1=A2a,A2b")?.codes == ["A2a", "A2b"])
        #expect(SplitPlan.Choice("R1-1") == nil)
    }

    @Test func newPartsGoUnderTheOldCodesParentAndExistingOnesStayAsTheyAre() throws {
        let study = try TestSupport.load(try TestSupport.validStudy())
        let plan = try SplitPlan(splitting: "A2", into: [.new(id: "A2a", name: "Moves"), .existing("B1")], in: study)
        #expect(plan.parts.map(\.id) == ["A2a", "B1"])
        #expect(plan.parts[0].parent == study.codebook.code("A2")?.parent)
        #expect(plan.parts[1] == study.codebook.code("B1"))
    }

    @Test func rulesMatchTheExcerptTextIgnoringCaseAndTheDefaultTakesTheRest() throws {
        let plan = try plan(rules: ["A2a:MOVED"], fallback: "A2b")
        #expect(plan.assignment == ["R2-1": ["A2a"], "R1-1": ["A2b"]])
        #expect(plan.coded.keys.sorted() == ["R1-1", "R2-1"])
    }

    @Test func everyMatchingRuleGivesItsPartOnce() throws {
        let plan = try plan(rules: ["A2a:moved", "A2b:house", "A2a:twice"])
        #expect(plan.assignment["R2-1"] == ["A2a", "A2b"])
    }

    @Test func withoutADefaultAnExcerptNoRuleMatchesIsLeftUnassigned() throws {
        let plan = try plan(rules: ["A2a:moved"])
        #expect(plan.assignment["R1-1"] == nil)
    }

    @Test func aChoiceForAnExcerptWinsOverTheRules() throws {
        let plan = try plan(rules: ["A2a:moved"], choices: ["R2-1=A2b"], fallback: "A2a")
        #expect(plan.assignment["R2-1"] == ["A2b"])
    }

    @Test func anUnknownCodeOrPartIsRefused() throws {
        let study = try TestSupport.load(try TestSupport.validStudy())
        #expect(throws: CodebookEditError("no code \"Z9\" in the codebook")) {
            try SplitPlan(splitting: "Z9", into: parts, in: study)
        }
        #expect(throws: CodebookEditError("--into Z9: no such code; write ID=NAME for a new one")) {
            try SplitPlan(splitting: "A2", into: [.existing("Z9")], in: study)
        }
    }
}
