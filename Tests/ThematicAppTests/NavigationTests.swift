import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

@Suite struct Navigation {
    @Test func theScreenOpensOnTheFirstExcerptNotFinished() {
        let coding = Coding(
            coder: "tester",
            excerpts: ["R1-1": ExcerptCoding(finished: true, updated: Fixture.time, codebookRevision: 3)])
        #expect(Fixture.state(coding: coding).currentEntry?.id == "R1-2")
    }

    @Test func nextAndPreviousStopAtTheEnds() {
        var state = Fixture.state()
        state.press("p")
        #expect(state.currentEntry?.id == "R1-1")
        state.press("G", "n")
        #expect(state.currentEntry?.id == "R2-2")
    }

    @Test func anExcerptUndoneBackToUnfinishedIsFoundByTheUnfinishedKeys() {
        var state = Fixture.state()
        state.press("f", "f")
        #expect(state.currentEntry?.id == "R1-3")
        state.press("u", "n", "[")
        #expect(state.currentEntry?.id == "R1-2")
        state.press("p", "]")
        #expect(state.currentEntry?.id == "R1-2")
    }

    @Test func jAndKMoveThroughTheListWhenItHasTheFocus() {
        var state = Fixture.state()
        state.press("j", "j", "k")
        #expect(state.currentEntry?.id == "R1-2")
    }

    @Test func braceJumpsToTheNextReview() {
        var state = Fixture.state()
        state.press("}")
        #expect(state.currentEntry?.id == "R2-1")
        state.press("n", "{")
        #expect(state.currentEntry?.id == "R1-1")
    }

    @Test func tabCyclesTheFocusThroughListTextAndCodes() {
        var state = Fixture.state()
        state.press("<Tab>")
        #expect(state.focus == .text)
        state.press("<Tab>")
        #expect(state.focus == .codes)
        state.press("<Tab>")
        #expect(state.focus == .list)
    }

    @Test func collapsingACategoryHidesItsCodes() {
        var state = Fixture.state()
        state.press("<Tab>", "<Tab>", "h")
        #expect(state.treeRows.map(\.id) == ["C", "R"])
        state.press("l")
        #expect(state.treeRows.count == 4)
    }

    @Test func theCodeFilterMatchesNamesLooselyAndDefinitionsByWords() {
        var state = Fixture.state()
        state.press("/")
        state.type("refnm")
        #expect(state.treeRows.map(\.id) == ["C1"])
        state.press("<Esc>")
        state.press("/")
        state.type("mother's account")
        #expect(state.treeRows.map(\.id) == ["R"])
    }

    @Test func enterInTheCodeFilterTogglesTheMatchUnderTheCursorAndClearsTheFilter() {
        var state = Fixture.state()
        state.press("/")
        state.type("lost")
        let effects = state.press("<Down>", "<Enter>")
        #expect(effects.first?.recorded??.codes.keys.sorted() == ["C2"])
        #expect(state.codeFilter.isEmpty)
    }

    @Test func theUnfinishedFilterListsOnlyExcerptsNotFinished() {
        var state = Fixture.state()
        state.press("f", "f", "w")
        #expect(state.visible.map { state.entries[$0].id } == ["R1-3", "R2-1", "R2-2"])
    }

    @Test func theReviewFilterListsOneReview() {
        var state = Fixture.state()
        state.press("}", "r")
        #expect(state.visible.count == 2)
        state.press("a")
        #expect(state.visible.count == 5)
    }

    @Test func theCodeFilterOfTheListFollowsTheTreeCursor() {
        var state = Fixture.state()
        state.press("n", "3", "<Enter>", "<Tab>", "<Tab>", "j", "j", "j", "c")
        #expect(state.visible.map { state.entries[$0].id } == ["R1-2"])
    }

    @Test func searchListsExcerptsWhoseTextContainsTheWordsInAnyCase() {
        var state = Fixture.state()
        state.press("s")
        state.type("THE ASSESSMENT")
        state.press("<Enter>")
        #expect(state.visible.map { state.entries[$0].id } == ["R2-1"])
        #expect(state.currentEntry?.id == "R2-1")
    }

    @Test func aSearchWithNoMatchLeavesTheListAlone() {
        var state = Fixture.state()
        state.press("s")
        state.type("zebra")
        state.press("<Enter>")
        #expect(state.visible.count == 5)
        #expect(state.message?.contains("no excerpt matches") == true)
    }

    @Test func ctrlCQuitsEvenWithAPromptOpen() {
        var state = Fixture.state()
        state.press("m")
        #expect(state.press("C-c") == [.quit])
    }
}
