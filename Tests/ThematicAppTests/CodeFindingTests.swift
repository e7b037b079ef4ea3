import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// Finding and applying a code in a few keys, and seeing the codes at a glance (issue 20, parts 3, 10 and 11).
@Suite struct CodeFinding {
    private func rows(_ state: CodingScreenState) -> [String] { state.treeRows.map(\.id) }

    @Test func typingACodesIdPutsTheCursorOnItAndEnterAppliesIt() {
        var state = Fixture.state()
        state.press("/")
        state.type("c2")
        #expect(state.treeCursor == "C2")
        #expect(state.press("<Enter>").first?.recorded??.codes.keys.sorted() == ["C2"])
        #expect(state.codeFilter.isEmpty)
    }

    @Test func theFilterListsTheBestMatchFirstWithoutCategoryHeaders() {
        var state = Fixture.state()
        state.press("/")
        state.type("risk")
        // R's name starts with it; C1 has it only in its definition. The category C is no match, so no row.
        #expect(rows(state) == ["R", "C1"])
        #expect(state.treeCursor == "R")
        state.press("<Down>")
        #expect(state.treeCursor == "C1")
    }

    @Test func aCategoryMatchingOnlyByLooseLettersIsNoRow() {
        var state = Fixture.state()
        state.press("/")
        state.type("cmm")
        // "Communication" holds c, m, m in order, but a category found so would only be a row for Down to skip.
        #expect(rows(state).isEmpty)
    }

    @Test func eachTypedKeyRanksAnewAndTheCursorGoesToTheBestCode() {
        var state = Fixture.state()
        state.press("/")
        state.type("r")
        state.press("<Down>")
        state.type("ef")
        #expect(state.treeCursor == "C1")
    }

    @Test func enterOnACategoryListsItsCodesUnderItAndKeepsTheFilter() {
        var state = Fixture.state()
        state.press("/")
        state.type("communi")
        #expect(rows(state) == ["C"])
        #expect(state.treeCursor == "C")
        #expect(state.press("<Enter>").isEmpty)
        #expect(state.prompt == .codeFilter)
        #expect(rows(state) == ["C", "C1", "C2"])
        #expect(state.treeCursor == "C1")
        #expect(state.screenText.contains("  [ ] z C1 Referral"))
        #expect(state.press("<Down>", "<Enter>").first?.recorded??.codes.keys.sorted() == ["C2"])
    }

    @Test func cOnACategoryListsTheExcerptsCarryingAnyCodeUnderIt() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "n", "2", "<Enter>", "n", "n", "3", "<Enter>", "/")
        state.type("communi")
        state.press("<Esc>")
        #expect(state.treeCursor == "C")
        state.press("c")
        #expect(state.visible.map { state.entries[$0].id } == ["R1-1", "R1-2"])
    }

    @Test func theListShowsEachExcerptsCodeIdsOnC() {
        var state = Fixture.state(columns: 160)
        state.press("3", "<Enter>", "1", "<Enter>", "f", "f")
        #expect(state.screenText.contains("✓ R1 1/3 Background 2"))
        state.press("C")
        #expect(state.screenText.contains("✓ R1 1/3 Background C1 R"))
        #expect(state.screenText.contains("✓ R1 2/3 Findings none"))
        state.press("C")
        #expect(state.screenText.contains("✓ R1 1/3 Background 2"))
    }

    @Test func theRecentRowAppliesACodeWithOneFunctionKey() {
        var state = Fixture.state()
        #expect(state.screenText.contains("Recent codes (F1-F9): none yet"))
        state.press("3", "<Enter>", "2", "<Enter>", "n")
        #expect(state.recent.slots == ["R", "C2"])
        #expect(state.screenText.contains("Recent  F1 R  F2 C2"))
        #expect(state.press("<F2>").first?.recorded??.codes.keys.sorted() == ["C2"])
        state.press("<F3>")
        #expect(state.message == "no recent code on <F3> yet: the codes you apply fill F1 to F9")
    }

    @Test func theRecentRowStartsFromTheCodersLatestDecisions() {
        let coding = Coding(
            coder: "tester",
            excerpts: [
                "R1-1": ExcerptCoding(
                    finished: true, codes: ["R": AppliedCode()], updated: "2026-11-01T09:00:00Z", codebookRevision: 3),
                "R1-2": ExcerptCoding(
                    finished: true, codes: ["C2": AppliedCode(), "C1": AppliedCode()], updated: "2026-11-02T09:00:00Z",
                    codebookRevision: 3),
            ])
        #expect(Fixture.state(coding: coding).recent.slots == ["C1", "C2", "R"])
    }

    @Test func finishingInAFilteredListGoesOnInReadingOrderAndNamesWhereItWent() {
        var state = Fixture.state()
        state.press("1", "<Enter>", "n", "n", "n", "1", "<Enter>", "g", "/")
        state.type("c1")
        state.press("<Esc>", "c")
        #expect(state.visible.map { state.entries[$0].id } == ["R1-1", "R2-1"])
        state.press("f")
        #expect(state.currentEntry?.id == "R2-1")
        #expect(state.message == "finished R1-1 with 1 code; next unfinished in the list code C1: R2-1")
    }

    @Test func finishingTheLastUnfinishedExcerptListedStaysRatherThanGoingBackUp() {
        var state = Fixture.state()
        state.press("r", "j", "f")
        #expect(state.currentEntry?.id == "R1-3")
        state.press("f")
        #expect(state.currentEntry?.id == "R1-3")
        #expect(
            state.message
                == "finished R1-3 with no code applying; no unfinished excerpt after it in this list (] goes round to those before it)"
        )
    }
}

@Suite struct RecentCodesTests {
    @Test func aCodeKeepsItsKeyWhenUsedAgain() {
        var recent = RecentCodes(mostRecentFirst: ["A1", "B2"])
        recent.use("B2")
        recent.use("C3")
        #expect(recent.slots == ["A1", "B2", "C3"])
        #expect(recent.code(onKey: 2) == "B2")
        #expect(recent.code(onKey: 4) == nil)
    }

    @Test func aNewCodeInAFullRowTakesTheKeyOfTheCodeUsedLongestAgo() {
        var recent = RecentCodes(mostRecentFirst: (1...9).map { "X\($0)" })
        #expect(recent.slots.first == "X1")
        recent.use("X9")
        recent.use("Y")
        // X8 was used longest ago (X9 just now), so Y takes F8.
        #expect(recent.slots == ["X1", "X2", "X3", "X4", "X5", "X6", "X7", "Y", "X9"])
    }

    private func decision(_ codes: [String], at second: Int) -> ExcerptCoding {
        ExcerptCoding(
            finished: true, codes: Dictionary(uniqueKeysWithValues: codes.map { ($0, AppliedCode()) }),
            updated: "2026-11-01T09:00:00.\(100_000 + second)Z",
            codebookRevision: 1)
    }

    @Test func ofManyDecisionsTheLatestNineCodesFillTheRow() {
        var decisions: [String: ExcerptCoding] = [:]
        for second in 0..<300 { decisions["R1-\(second)"] = decision(["X\(second % 20)"], at: second) }
        let recent = RecentCodes(decisions: decisions, order: (0..<20).map { "X\($0)" })
        #expect(recent.slots == (11..<20).reversed().map { "X\($0)" })
    }

    @Test func ofDecisionsUpdatedAtOnceTheGreatestExcerptIdsCountAsTheLatest() {
        var decisions: [String: ExcerptCoding] = [:]
        for number in 100..<200 { decisions["R1-\(number)"] = decision(["X\(number)"], at: 0) }
        let recent = RecentCodes(decisions: decisions, order: (100..<200).map { "X\($0)" })
        #expect(recent.slots == (191..<200).reversed().map { "X\($0)" })
    }

    @Test func codesAppliedLongAgoFillTheRowWhenTheLatestDecisionsCarryNone() {
        var decisions: [String: ExcerptCoding] = [:]
        for second in 0..<10 { decisions["R1-\(second)"] = decision(["X\(second)"], at: second) }
        for second in 10..<300 { decisions["R2-\(second)"] = decision([], at: second) }
        let recent = RecentCodes(decisions: decisions, order: (0..<10).map { "X\($0)" })
        #expect(recent.slots == (1..<10).reversed().map { "X\($0)" })
    }
}
