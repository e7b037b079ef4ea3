import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

extension CodebookScreenState {
    static func fixture(rows: Int = 30, columns: Int = 100) -> CodebookScreenState {
        CodebookScreenState(study: CodebookFixture.study(), editor: "lena", size: Size(rows: rows, columns: columns))
    }
}

@Suite struct CodebookScreenRendering {
    @Test func theTreeShowsEveryCodeWithItsUsageAndTheRevisionInItsTitle() {
        let text = CodebookScreenState.fixture().screenText
        #expect(text.contains("Revision 3 · Test codebook"))
        #expect(text.contains("▾ C Communication"))
        #expect(text.contains("C3 (retired) Retired code"))
        #expect(
            text.contains("C1 Referral not made") && text.contains(" 5│"),
            "C1: asha 2, ben 1 (R2-1 is not finished), cara 1, consensus 1")
    }

    @Test func aCodeNobodyAppliedIsFlaggedInTheTreeAndTheDetail() {
        var study = CodebookFixture.study()
        study.codings["asha"]?.excerpts["R2-1"] = nil
        var state = CodebookScreenState(study: study, editor: "lena", size: Size(rows: 30, columns: 160))
        state.press("G")
        let text = state.screenText
        #expect(text.contains("R Risk assessment") && text.contains("unused│"))
        #expect(text.contains("Never used: no coder and no consensus decision has applied it"))
    }

    @Test func theDetailShowsEveryFieldUsagePerCoderAndTheCodesHistory() {
        var state = CodebookScreenState.fixture(rows: 40, columns: 140)
        state.press("j")
        let text = state.screenText
        #expect(text.contains("C1 Referral not made"))
        #expect(text.contains("Status: active code"))
        #expect(text.contains("Colour: #336699 (from C) · Hotkey: z"))
        #expect(text.contains("Brief definition: A worry was not passed on"))
        #expect(text.contains("Full definition: (none)"))
        #expect(text.contains("When to use: a professional saw a risk and told nobody"))
        #expect(text.contains("Usage (finished excerpts): asha 2 · ben 1 · cara 1 · consensus 1 · total 5"))
        #expect(text.contains("History of C1: no change since the codebook was made"))
    }

    @Test func theDetailListsTheGroupsOfTheCodeUnderTheCursor() {
        var study = CodebookFixture.study()
        study.codebook.groups = [
            CodeGroup(id: "risk", name: "Risk factors", codes: ["R", "C1"]),
            CodeGroup(id: "health", name: "Health", codes: ["C1"]),
        ]
        var state = CodebookScreenState(study: study, editor: "lena", size: Size(rows: 40, columns: 140))
        state.press("j")
        #expect(state.screenText.contains("Groups: Risk factors, Health"))
        state.press("j")
        #expect(state.screenText.contains("Groups: (none)"))
    }

    @Test func aCodebookWithoutGroupsShowsNoGroupsLine() {
        var state = CodebookScreenState.fixture(rows: 40, columns: 140)
        state.press("j")
        #expect(!state.screenText.contains("Groups:"))
    }

    @Test func aCategoryCountsTheCodesUnderIt() {
        #expect(CodebookScreenState.fixture().screenText.contains("Usage: the 3 codes under it applied 8 times in all"))
    }

    @Test func aShortFieldIsTypedOnTheStatusLineStartingFromItsValue() {
        var state = CodebookScreenState.fixture()
        state.press("j", "e", "8")
        let screen = CodebookScreenView.render(state)
        #expect(screen.trimmedLines.last == "Hotkey of C1: z")
        #expect(screen.cursor == Position(row: 29, column: 15))
    }

    @Test func theStatusLineNamesTheEditorTheRevisionAndTheStudy() {
        let last = CodebookScreenView.render(.fixture()).trimmedLines.last ?? ""
        #expect(last.hasPrefix("lena · codebook revision 3 · Test study  "))
        #expect(last.hasSuffix(" ? keys"))
    }

    @Test func aLongMessageWrapsAboveTheStatusLine() {
        let message = "ben has the study open in a coding session (pid 12); this change rewrites every coder's file"
        var state = CodebookScreenState.fixture(rows: 30, columns: 40)
        state.refused(message, study: nil)
        let lines = CodebookScreenView.render(state).trimmedLines
        let rows = TextWrap.wrap(message, width: 40).count
        #expect(rows == 3)
        #expect(lines[(29 - rows)..<29].joined(separator: " ") == message)
        #expect(lines[29].hasPrefix("lena · codebook revision 3"))
    }

    @Test func everySizeDownToNothingRendersInEveryMode() {
        var states: [CodebookScreenState] = []
        var state = CodebookScreenState.fixture()
        states.append(state)
        state.press("j", "e")
        states.append(state)
        state.press("3")
        states.append(state)
        state.press("<Esc>", "H")
        states.append(state)
        state.press("<Esc>", "?")
        states.append(state)
        state.press("<Esc>", "S")
        state.type("C1a=One")
        state.press("<Enter>")
        state.type("C1b=Two")
        state.press("<Enter>", "<Enter>")
        states.append(state)
        var picking = CodebookScreenState.fixture()
        picking.press("G", "m")
        states.append(picking)
        for var state in states {
            for rows in [0, 1, 2, 3, 5, 8, 13, 24, 40] {
                for columns in [0, 1, 2, 3, 7, 20, 59, 60, 80, 132] {
                    _ = state.handle(.resize(Size(rows: rows, columns: columns)), at: Fixture.time)
                    #expect(CodebookScreenView.render(state).size == Size(rows: rows, columns: columns))
                }
            }
        }
    }

    @Test func wideCharactersKeepEveryLineAsWideAsTheScreen() {
        var study = CodebookFixture.study()
        study.codebook.codes[1].name = "家族支援の記録が共有されない"
        for columns in [61, 62, 75] {
            var state = CodebookScreenState(study: study, editor: "lena", size: Size(rows: 20, columns: columns))
            state.press("j")
            let screen = CodebookScreenView.render(state)
            #expect(screen.lines.allSatisfy { DisplayWidth.of($0) == columns }, "\(columns) columns")
            #expect(screen.lines.joined().contains("家族"))
        }
    }

    @Test func belowSixtyColumnsTheTreeFillsTheScreenWithoutTheDetail() {
        let text = CodebookScreenState.fixture(rows: 12, columns: 50).screenText
        #expect(text.contains("C1 Referral"))
        #expect(!text.contains("Detail"))
    }

    @Test func theHistoryOverlayListsEveryChangeNewestFirst() {
        var study = CodebookFixture.study()
        study.codebook.history.append(
            CodebookChange(
                revision: 4, at: Fixture.time, by: "lena", action: .retire, codes: ["C3"], note: "nobody used it"))
        study.codebook.revision = 4
        var state = CodebookScreenState(study: study, editor: "lena", size: Size(rows: 30, columns: 100))
        state.press("H")
        let text = state.screenText
        #expect(text.contains("History: 2 changes, newest first"))
        let retire = text.range(of: "r4 \(Fixture.time) lena: retire C3 (why: nobody used it)")
        let create = text.range(of: "r3 \(Fixture.time) thematic: create")
        #expect(retire != nil && create != nil && retire!.lowerBound < create!.lowerBound)
    }

    @Test func pageDownScrollsTheDetailToTheCodesHistory() {
        var state = CodebookScreenState.fixture(rows: 12, columns: 80)
        state.press("j")
        #expect(!state.screenText.contains("History of C1"))
        state.press("<PgDn>", "<PgDn>", "<PgDn>")
        #expect(state.detailScroll > 0)
        #expect(state.screenText.contains("History of C1"))
        state.press("j")
        #expect(state.detailScroll == 0, "another code's detail starts at its top")
    }

    @Test func theHelpOverlayIsTheKeyTable() throws {
        var state = CodebookScreenState.fixture(rows: 60, columns: 160)
        state.press("?")
        #expect(
            state.screenText.contains("M  ")
                && state.screenText.contains("merge into another code: all its codings move to it"))
        let opened = try #require(state.help.offset)
        state.press("j")
        #expect(state.help.offset == opened + 1)
        state.press("q")
        #expect(state.help.offset == nil)
    }
}

@Suite struct CodebookScreenKeys {
    @Test func everyKeyParsesAndNoKeyMeansTwoThingsInOnePlace() {
        #expect(CodebookKeymap.table.problems == [])
    }

    @Test func whileTypingLettersAreText() {
        var state = CodebookScreenState.fixture()
        state.press("j", "r", "C-u")
        state.type("qMS")
        #expect(state.field.text == "qMS")
        #expect(state.mode == .typing(.rename(code: "C1")))
    }

    @Test func aChangeAsksWhyBeforeItIsApplied() {
        var state = CodebookScreenState.fixture()
        state.press("G", "R")
        #expect(state.mode == .typing(.note(.edit(.retire("R"), words: "retire R"))))
        #expect(state.press("<Enter>") == [.apply(.retire("R"), note: nil)])
    }

    @Test func escapeWhileChoosingACodeGoesBackToTheCodeBeingMoved() {
        var state = CodebookScreenState.fixture()
        state.press("G", "m", "g")
        #expect(state.cursor == "C")
        state.press("<Esc>")
        #expect(state.cursor == "R")
        #expect(state.mode == .browsing)
    }

    @Test func foldingACategoryHidesItsCodes() {
        var state = CodebookScreenState.fixture()
        state.press("h")
        #expect(state.rows.map(\.id) == ["C", "R"])
        state.press("l")
        #expect(state.rows.map(\.id) == ["C", "C1", "C2", "C3", "R"])
    }

    @Test func upAndDownMoveTheCursorOfALongFieldByAWrappedLine() {
        var state = CodebookScreenState.fixture(rows: 20, columns: 30)
        state.press("j", "e", "2")
        // "A worry was not passed on" wraps at 24 columns after "passed"; the cursor starts at the end.
        #expect(state.field.cursor == 25)
        state.press("<Up>")
        #expect(state.field.cursor == 2)
        state.press("<Down>")
        #expect(state.field.cursor == 25)
    }
}
