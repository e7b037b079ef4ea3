import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

@Suite struct Rendering {
    @Test func at80x24TheScreenShowsTextListAndStatusThenCodesAndDefinition() {
        var state = Fixture.state()
        let lines = CodingScreenView.render(state).trimmedLines
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Excerpts (5)"))
        #expect(text.contains("R1 1/5") == false)
        #expect(text.contains("R1 1/3 Background"))
        #expect(text.contains("The family moved"))
        state.press("<Tab>")
        #expect(state.screenText.contains("[ ] z C1 Referral not made"))
        #expect(state.screenText.contains("Definition"))
        #expect(lines.last?.hasPrefix("tester · excerpt 1 of 5 · 0/5 finished · codebook r3 · Test study") == true)
        #expect(lines.last?.hasSuffix("saved · ? keys") == true)
    }

    @Test func theExcerptHeaderCitesThePageWhenTheSourceHasPages() {
        let text = Fixture.state(rows: 30, columns: 120, pages: ["R1-1": 12]).screenText
        #expect(text.contains("R1 · Background · p. 12 · 1 of 3 · R1-1"))
    }

    @Test func theExcerptHeaderHasNoPageWhenTheSourceHasNone() {
        let text = Fixture.state(rows: 30, columns: 120).screenText
        #expect(text.contains("R1 · Background · 1 of 3 · R1-1"))
        #expect(!text.contains("p. "))
    }

    @Test func theTreeShowsAppliedStateHotkeyAndUsage() {
        var state = Fixture.state()
        state.press("z", "<Tab>")
        let text = state.screenText
        #expect(text.contains("[x] z C1 Referral"))
        #expect(text.contains("[ ] 2 C2 Informat"))
    }

    @Test func notCodedYetAndFinishedWithNoCodeReadDifferently() {
        var state = Fixture.state()
        #expect(state.screenText.contains("not coded yet"))
        state.press("f", "p")
        #expect(state.screenText.contains("finished: no code applies"))
        #expect(state.screenText.contains("✓ R1 1/3"))
    }

    @Test func theDefinitionPanelShowsTheFieldsOfTheCodeUnderTheCursor() {
        var state = Fixture.state(rows: 30, columns: 120)
        state.press("<Tab>", "<Tab>", "j")
        let text = state.screenText
        #expect(text.contains("Brief: A worry was not passed on"))
        #expect(text.contains("Use when: a professional saw a"))
    }

    @Test func belowSixtyBySixteenOnlyTheTextAndStatusShow() {
        let text = Fixture.state(rows: 12, columns: 50).screenText
        #expect(!text.contains("Excerpts ("))
        #expect(text.contains("The family"))
    }

    @Test func everySizeDownToNothingRendersWithoutCrashing() {
        var state = Fixture.state()
        for rows in 0...26 {
            for columns in stride(from: 0, through: 90, by: 3) {
                state.press("C-l")
                _ = state.handle(.resize(Size(rows: rows, columns: columns)), at: Fixture.time)
                let screen = CodingScreenView.render(state)
                #expect(screen.size == Size(rows: rows, columns: columns))
            }
        }
    }

    @Test func wideCharactersKeepTheRowsAligned() {
        var state = Fixture.state()
        state.press("n", "n")
        let screen = CodingScreenView.render(state)
        #expect(screen.lines.contains { $0.contains("家族 visited") })
        for line in screen.lines { #expect(DisplayWidth.of(line) == 80) }
    }

    @Test func aNarrowedCodeIsHighlightedOnlyOverItsSpan() {
        var state = Fixture.state()
        state.press("<Tab>", "<Tab>", "j", "<S-Tab>", "V", "+", "<Tab>")
        let screen = CodingScreenView.render(state)
        let row = screen.lines.firstIndex { $0.contains("The family moved") }!
        let column = screen.lines[row].distance(
            from: screen.lines[row].startIndex, to: screen.lines[row].range(of: "The family")!.lowerBound)
        #expect(screen[row, column].style.attributes.contains(.underline))
        let records = screen.lines.firstIndex { $0.contains("Records were") }
        if let records, let start = screen.lines[records].range(of: "Records") {
            let recordsColumn = screen.lines[records].distance(
                from: screen.lines[records].startIndex, to: start.lowerBound)
            #expect(!screen[records, recordsColumn].style.attributes.contains(.underline))
        }
    }

    @Test func theHelpOverlayComesFromTheKeymap() {
        var state = Fixture.state(rows: 60, columns: 120)
        state.press("?", "1")
        let text = state.screenText
        #expect(text.contains("mark the excerpt finished"))
        #expect(text.contains("Excerpt list"))
        state.press("q")
        #expect(state.help.offset == nil)
    }

    @Test func aPromptShowsOnTheStatusLine() {
        var state = Fixture.state()
        state.press("s")
        state.type("bruises")
        #expect(CodingScreenView.render(state).trimmedLines.last == "Search excerpts and your memos: bruises")
    }
}
