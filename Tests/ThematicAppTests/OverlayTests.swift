import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

@Suite struct CodeExcerptsOverlay {
    @Test func xListsTheCodersExcerptsCarryingTheCodeUnderTheTreeCursor() {
        var state = Fixture.state()
        state.press("n", "z", "n", "n", "z", "x")
        let text = state.screenText
        #expect(text.contains("C1 Referral not made: 2 of your excerpts"))
        #expect(text.contains("▸ R1-2 R1 Findings: The school saw bruises."))
        #expect(text.contains("R2-1 R2 Analysis: The assessment relied"))
        #expect(!text.contains("R1-1 R1 Background"))
    }

    @Test func theListQuotesTheCodedSpans() {
        var state = Fixture.state(columns: 120)
        state.press("<Tab>", "<Tab>", "j", "<S-Tab>", "l", "l", "l", "+", "x")
        #expect(
            state.screenText.contains("R1-1 R1 Background: The family moved often. Records were not sent… | \"often.\"")
        )
    }

    @Test func onACategoryTheListTakesTheCodesUnderIt() {
        var state = Fixture.state()
        state.press("z", "<Tab>", "<Tab>", "k", "x")
        #expect(state.screenText.contains("C Communication: 1 of your excerpts"))
    }

    @Test func enterJumpsToTheSelectedExcerptAndCloses() {
        var state = Fixture.state()
        state.press("z", "n", "n", "n", "z", "g", "x", "j", "<Enter>")
        #expect(state.overlay == nil)
        #expect(state.currentEntry?.id == "R2-1")
    }

    @Test func escClosesWithoutMoving() {
        var state = Fixture.state()
        state.press("z", "n", "x", "<Esc>")
        #expect(state.overlay == nil)
        #expect(state.currentEntry?.id == "R1-2")
    }

    @Test func aCodeNobodyAppliedSaysSoInsteadOfOpening() {
        var state = Fixture.state()
        state.press("x")
        #expect(state.overlay == nil)
        #expect(state.message == "none of your excerpts carries C")
    }
}

@Suite struct HeatMapOverlay {
    @Test func hShowsReviewsAgainstTopLevelCategoriesWithTheCounts() {
        var state = Fixture.state()
        state.press("z", "f", "z", "f", "f", "3", "<Enter>", "f", "H")
        let text = state.screenText
        #expect(text.contains("Your finished excerpts per review and category"))
        #expect(text.contains("review    C   R"))
        #expect(text.contains("R1        2   0"))
        #expect(text.contains("R2        0   1"))
    }

    @Test func nonZeroCellsAreShadedAndZerosAreNot() throws {
        var state = Fixture.state()
        state.press("z", "f", "H")
        let screen = CodingScreenView.render(state)
        let row = try #require(screen.lines.firstIndex { $0.contains("R1        1") })
        let one = try #require(screen.lines[row].range(of: "1   0"))
        let column = screen.lines[row].distance(from: screen.lines[row].startIndex, to: one.lowerBound)
        #expect(screen[row, column].style.background != .default)
        #expect(screen[row, column + 4].style.background == .default)
    }

    @Test func aTinyWindowDrawsWhatFitsOfTheHeatMap() {
        var state = Fixture.state()
        state.press("z", "f", "H")
        for (rows, columns) in [(3, 20), (2, 3), (1, 1), (0, 0)] {
            _ = state.handle(.resize(Size(rows: rows, columns: columns)), at: Fixture.time)
            _ = CodingScreenView.render(state)
        }
        #expect(state.overlay != nil)
    }

    @Test func withNothingFinishedItSaysWhy() {
        var state = Fixture.state()
        state.press("z", "H")
        #expect(state.overlay == nil)
        #expect(state.message?.contains("finish an excerpt first") == true)
    }
}

@Suite struct FindingsOverlay {
    static func state(text: String) -> CodingScreenState {
        var study = Fixture.study()
        study.corpus = Corpus(reviews: [
            Review(
                id: "R1", title: "First",
                excerpts: [
                    Excerpt(id: "R1-1", section: "Background", text: "Agencies met once."),
                    Excerpt(id: "R1-2", section: "Findings", text: text),
                ])
        ])
        return CodingScreenState(study: study, coding: Coding(coder: "lead"), size: Size(rows: 24, columns: 100))
    }

    @Test func iLeavesReadingTheRegisterToTheDriver() {
        var state = Self.state(text: "The mother rang from 07700 900123 that night.")
        #expect(state.handle(.character("I"), at: Fixture.time) == [.checkFindings])
        #expect(state.overlay == nil)
    }

    @Test func iListsOpenFindingsWithExcerptRuleAndMatchedText() {
        var state = Self.state(text: "The mother rang from 07700 900123 that night.")
        state.openFindings()
        let text = state.screenText
        #expect(text.contains("1 open identifier finding (Enter shows"))
        #expect(text.contains("▸ R1-2@21  phone  \"07700 900123\""))
    }

    @Test func aAsksWhyAndAllowsTheSelectedFindingWithThatReason() {
        var state = Self.state(text: "The mother rang from 07700 900123, then from 07700 900456.")
        state.openFindings()
        let effects = state.press("n", "a", "d", "r", "a", "m", "a", "<Enter>")
        #expect(effects == [.allowFinding(reference: "R1-2@45", why: "drama")])
    }

    @Test func capitalRAsksWhyAndRedactsTheSelectedFinding() {
        var state = Self.state(text: "The mother rang from 07700 900123 that night.")
        state.openFindings()
        #expect(state.press("R", "o", "k", "<Enter>") == [.redactFinding(reference: "R1-2@21", why: "ok")])
    }

    @Test func allowingWithoutAReasonRecordsNothing() {
        var state = Self.state(text: "The mother rang from 07700 900123 that night.")
        state.openFindings()
        #expect(state.press("a", "<Enter>") == [])
        #expect(state.message == "nothing recorded: allowing a finding needs a reason")
    }

    @Test func enterJumpsToTheFindingsExcerpt() {
        var state = Self.state(text: "The mother rang from 07700 900123 that night.")
        state.openFindings()
        state.press("<Enter>")
        #expect(state.overlay == nil)
        #expect(state.currentEntry?.id == "R1-2")
    }

    @Test func nStepsToTheNextFindingAndPBack() {
        var state = Self.state(text: "The mother rang from 07700 900123, then from 07700 900456.")
        state.openFindings()
        state.press("n")
        #expect(state.screenText.contains("▸ R1-2@45  phone  \"07700 900456\""))
        state.press("p")
        #expect(state.screenText.contains("▸ R1-2@21  phone  \"07700 900123\""))
    }

    @Test func aCleanCorpusSaysSoInsteadOfOpening() {
        var state = Self.state(text: "The visits stopped.")
        state.openFindings()
        #expect(state.overlay == nil)
        #expect(state.message == "the anonymisation check finds nothing open")
    }
}

extension CodingScreenState {
    /// Presses I and answers its read-only effect as the driver does: the findings overlay opens (or says why not).
    mutating func openFindings() {
        #expect(press("I") == [.checkFindings])
        showFindings(FindingsView.overlay(in: self))
    }
}
