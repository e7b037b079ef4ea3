import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

@Suite struct AgreementScreenKeys {
    @Test func theKeyTableHasNoProblemsAndIsListedForTheReadme() {
        #expect(AgreementKeymap.table.problems == [])
        #expect(ScreenKeys.markdown.contains { $0.screen == "agreement" })
    }

    @Test func enterListsTheSelectedCodesDisagreementsAsManyAsTheTableCounts() throws {
        var state = try AgreementFixture.state(coders: nil)
        state.press("j")
        #expect(state.press("<Enter>") == [])
        let list = try #require(state.disagreements)
        #expect(list.entries.count == state.table.rows[1].disagreements)
        #expect(list.entries.map(\.excerptID) == ["R1-3", "R1-4"])
        let text = state.screenText
        #expect(text.contains("2 excerpts where asha, ben, cara disagree on C2 情報が失われた"))
        #expect(text.contains("R1-3  Findings  applied by ben · not by asha · not finished by cara"))
        #expect(text.contains("R1-4  Analysis  applied by asha, ben · not by cara"))
        #expect(
            text.contains("家族 visited the clinic twice; the notes stayed behind."),
            "the text of the excerpt under the cursor")
        state.press("j")
        #expect(state.screenText.contains("Records were lost between two health visiting teams."))
        state.press("<Esc>")
        #expect(state.disagreements == nil)
        #expect(state.screenText.contains("sorted by code"))
    }

    @Test func theDisagreementListAndTheExcerptDialogCiteThePageOfAPDFExcerpt() throws {
        var state = try AgreementFixture.state(coders: nil, pages: ["R1-3": 7, "R1-2": 3])
        state.press("j", "<Enter>")
        #expect(state.screenText.contains("R1-3  Findings · p. 7  applied by ben · not by asha · not finished by cara"))
        #expect(
            state.screenText.contains("R1-4  Analysis  applied by asha, ben · not by cara"),
            "no page: the section alone")
        state.showExcerpt("R1-2")
        #expect(state.excerptDialog?.title == "R1-2 · First review · Findings · p. 3")
    }

    @Test func everyDemoCodesListHoldsAsManyExcerptsAsItsDisagreeColumn() throws {
        for coders in [["asha", "ben"], nil] as [[String]?] {
            var state = try AgreementFixture.demoState(coders: coders)
            for position in state.order.indices {
                state.press("g")
                for _ in 0..<position { state.press("j") }
                let row = try #require(state.selectedRow)
                state.press("<Enter>")
                #expect(
                    (state.disagreements?.entries.count ?? 0) == state.table.rows[row].disagreements,
                    "\(state.table.rows[row].code)")
                state.press("<Esc>")
            }
        }
    }

    @Test func aCodeWithoutDisagreementSaysSoInsteadOfAnEmptyList() throws {
        var state = try AgreementFixture.state()
        state.press("G", "<Enter>")
        #expect(state.disagreements == nil)
        #expect(state.message == "the coders agree on N on every excerpt two or more of them finished")
    }

    @Test func enterOnAnExcerptAsksToOpenItAndTheStandaloneDialogShowsItsTextAndEveryCodersCodes() throws {
        var state = try AgreementFixture.state(coders: nil)
        state.press("<Enter>")
        #expect(state.press("<Enter>") == [.openExcerpt("R1-2")])
        state.showExcerpt("R1-2")
        let dialog = try #require(state.excerptDialog)
        #expect(dialog.title == "R1-2 · First review · Findings")
        #expect(
            dialog.codings == [
                "asha: C1 Referral not made; R Risk assessment", "ben: R Risk assessment", "cara: C1 Referral not made",
            ])
        let text = state.screenText
        #expect(text.contains("R1-2 · First review · Findings (Esc closes)"))
        #expect(text.contains("The school saw bruises."))
        #expect(text.contains("ben: R Risk assessment"))
        state.press("<Esc>")
        #expect(state.excerptDialog == nil)
        #expect(state.disagreements != nil, "closing the dialog goes back to the list")
    }

    @Test func theDialogSaysWhoHasNotFinishedAndWhoFoundNoCode() throws {
        var state = try AgreementFixture.state(coders: nil)
        state.showExcerpt("R1-3")
        #expect(
            state.excerptDialog?.codings == [
                "asha: finished, no code applies", "ben: C2 情報が失われた", "cara: not finished",
            ])
    }

    @Test func choosingCodersRecomputesTheTable() throws {
        var state = try AgreementFixture.state(coders: nil)
        state.press("j", "c")
        let choice = try #require(state.coderChoice)
        #expect(choice.candidates.map(\.name) == ["asha", "ben", "cara"])
        #expect(choice.candidates.map(\.finished) == [7, 8, 3])
        #expect(choice.ticked == ["asha", "ben", "cara"])
        #expect(state.screenText.contains("[x] cara  3 finished"))
        state.press("j", "j", "<Space>", "<Enter>")
        #expect(state.coderChoice == nil)
        #expect(state.table.coders == ["asha", "ben"])
        #expect(state.selection.coders == ["asha", "ben"])
        #expect(state.table.rows.map(\.disagreements) == [2, 1, 1, 0])
        #expect(state.selectedRow.map { state.table.rows[$0].code } == "C2", "the selected code stays selected")
        #expect(state.screenText.contains("Cohen k"))
        #expect(state.message == "comparing asha, ben")
    }

    @Test func theCoderChecklistKeepsItsCursorOnAShortScreen() throws {
        var state = try AgreementFixture.state(coders: nil, rows: 6, columns: 60)
        state.press("c", "j", "j")
        #expect(state.screenText.contains("▸ [x] cara"))
    }

    @Test func atLeastTwoCodersMustBeTicked() throws {
        var state = try AgreementFixture.state()
        state.press("c", "<Space>", "<Enter>")
        #expect(state.coderChoice != nil)
        #expect(state.message == "tick two or more coders to compare (1 ticked)")
        state.press("<Esc>")
        #expect(state.coderChoice == nil)
        #expect(state.table.coders == ["asha", "ben"])
    }

    @Test func sortingByACodersApplicationsFollowsThatCoderWhenTheCodersChange() throws {
        var state = try AgreementFixture.state(coders: nil)
        state.resort(AgreementSort(column: .applications(coder: 2)))
        state.press("c", "<Space>", "<Enter>")
        #expect(state.table.coders == ["ben", "cara"])
        #expect(state.sort.column == .applications(coder: 1))
        state.press("c", "j", "j", "<Space>", "k", "k", "<Space>", "<Enter>")
        #expect(state.table.coders == ["asha", "ben"])
        #expect(state.sort.column == .code, "cara is no longer compared")
    }

    @Test func narrowTerminalsScrollTheFiguresSidewaysAndTheSortColumnComesIntoView() throws {
        var state = try AgreementFixture.state(columns: 40)
        #expect(state.columnLayout.canScrollRight)
        state.resort(AgreementSort(column: .disagreements))
        #expect(state.columnLayout.placed.contains { $0.column == .disagreements })
        #expect(state.firstScrolledColumn > 0)
        #expect(state.screenText.contains("◂"))
        while state.firstScrolledColumn > 0 { state.press("h") }
        #expect(state.columnLayout.placed.contains { $0.column == .pairable })
        state.press("h")
        #expect(state.message == "every column to the left is shown")
        while state.columnLayout.canScrollRight { state.press("l") }
        state.press("l")
        #expect(state.message == "every column to the right is shown")
    }

    @Test func movingStaysWithinTheCodes() throws {
        var state = try AgreementFixture.state()
        state.press("k")
        #expect(state.selected == 0)
        state.press("G", "j")
        #expect(state.selected == 3)
        state.press("<PgUp>")
        #expect(state.selected == 0)
        state.press("<PgDn>")
        #expect(state.selected == 3)
    }

    @Test func helpOpensWithQuestionMarkAndEscClosesIt() throws {
        var state = try AgreementFixture.state()
        state.press("?")
        #expect(state.screenText.contains("sort by the next column to the right"))
        let opened = try #require(state.help.offset)
        state.press("j")
        #expect(state.help.offset == opened + 1)
        state.press("<Esc>")
        #expect(state.help.offset == nil)
    }

    @Test func qAndCtrlCQuitFromEverywhereAndAnUnboundKeySaysSo() throws {
        var state = try AgreementFixture.state()
        #expect(state.press("q") == [.quit])
        state.press("<Enter>")
        #expect(state.press("C-c") == [.quit])
        state.press("z")
        #expect(state.message == "z does nothing here; ? shows the keys")
    }
}
