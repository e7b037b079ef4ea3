import TerminalUI
import Testing
import ThematicCore
import ThematicTestSupport

@testable import ThematicApp

/// Each screen drawn whole, every row and every style, and compared with a golden file in Goldens/, named
/// `<screen>-<state>-<columns>x<rows>.txt`: at 80x24, and at 120x35 on text or codes in Japanese, whose characters
/// take two columns. After a change to what a screen shows is meant,
/// `THEMATIC_UPDATE_GOLDENS=1 swift test --filter GoldenScreenTests` rewrites them; read their diff before committing.
@Suite struct GoldenScreenTests {
    static let goldens = TestFolders.packageRoot + "/Tests/ThematicAppTests/Goldens"

    func expectGolden(_ screen: Screen, _ name: String) throws {
        if let mismatch = try ScreenGolden.mismatch(screen, named: name, in: Self.goldens) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    // MARK: Coding screen

    func coding(rows: Int = 24, columns: Int = 80, _ keys: [String] = []) -> Screen {
        var state = Fixture.state(rows: rows, columns: columns)
        for key in keys { state.press(key) }
        return CodingScreenView.render(state)
    }

    @Test func codingOpening() throws { try expectGolden(coding(), "coding-opening-80x24") }
    @Test func codingHelp() throws { try expectGolden(coding(["?"]), "coding-help-80x24") }
    @Test func codingSearchPrompt() throws {
        try expectGolden(coding(["s"] + .typing("bruises")), "coding-search-prompt-80x24")
    }
    @Test func codingSearchMatchesHighlighted() throws {
        try expectGolden(coding(["s"] + .typing("bruises") + ["<Enter>"]), "coding-search-matches-80x24")
    }
    @Test func codingRemovalQuestion() throws {
        try expectGolden(coding(["<Tab>", "V", "1", "<Enter>", "1", "<Enter>"]), "coding-removal-question-80x24")
    }
    @Test func codingCodedAndFinished() throws {
        try expectGolden(coding(["z", "f"]), "coding-coded-and-finished-80x24")
    }
    @Test func codingCodesPane() throws {
        try expectGolden(coding(["z", "<Tab>", "<Tab>", "j"]), "coding-codes-pane-80x24")
    }
    @Test func codingHeatMap() throws { try expectGolden(coding(["z", "f", "H"]), "coding-heat-map-80x24") }
    @Test func codingNarrow() throws { try expectGolden(coding(rows: 20, columns: 50), "coding-narrow-50x20") }
    @Test func codingJapaneseExcerpt() throws {
        try expectGolden(coding(rows: 35, columns: 120, ["n", "n", "z"]), "coding-japanese-excerpt-120x35")
    }
    @Test func codingJapaneseExcerptHelp() throws {
        try expectGolden(coding(rows: 35, columns: 120, ["n", "n", "?"]), "coding-japanese-excerpt-help-120x35")
    }

    // MARK: Reconcile screen

    func reconcile(rows: Int = 24, columns: Int = 80, at excerpt: String? = nil, _ keys: [String] = []) throws -> Screen
    {
        var state = try ReconcileStudy.state(try ReconcileStudy.folder(), rows: rows, columns: columns)
        if let excerpt {
            let jumped = state.jump(toExcerpt: excerpt)
            #expect(jumped)
        }
        for key in keys { state.press(key) }
        return ReconcileView.render(state)
    }

    @Test func reconcileOpening() throws { try expectGolden(reconcile(), "reconcile-opening-80x24") }
    @Test func reconcileHelp() throws { try expectGolden(reconcile(["?"]), "reconcile-help-80x24") }
    @Test func reconcilePicker() throws { try expectGolden(reconcile(["e"]), "reconcile-picker-80x24") }
    @Test func reconcileNotePrompt() throws {
        try expectGolden(reconcile(["u"] + .typing("ok")), "reconcile-note-prompt-80x24")
    }
    @Test func reconcileNarrow() throws { try expectGolden(reconcile(rows: 20, columns: 50), "reconcile-narrow-50x20") }
    @Test func reconcileJapaneseExcerpt() throws {
        try expectGolden(reconcile(rows: 35, columns: 120, at: "R2-1"), "reconcile-japanese-excerpt-120x35")
    }
    @Test func reconcileJapaneseExcerptPicker() throws {
        try expectGolden(
            reconcile(rows: 35, columns: 120, at: "R2-1", ["e"]), "reconcile-japanese-excerpt-picker-120x35")
    }

    // MARK: Agreement screen

    func agreement(rows: Int = 24, columns: Int = 80, _ keys: [String] = []) throws -> Screen {
        var state = try AgreementFixture.state(rows: rows, columns: columns)
        for key in keys { state.press(key) }
        return AgreementScreenView.render(state)
    }

    @Test func agreementOpening() throws { try expectGolden(agreement(), "agreement-opening-80x24") }
    @Test func agreementHelp() throws { try expectGolden(agreement(["?"]), "agreement-help-80x24") }
    @Test func agreementCodersPrompt() throws { try expectGolden(agreement(["c"]), "agreement-coders-prompt-80x24") }
    @Test func agreementDisagreements() throws {
        try expectGolden(agreement(["<Enter>"]), "agreement-disagreements-80x24")
    }
    @Test func agreementNarrow() throws { try expectGolden(agreement(rows: 20, columns: 50), "agreement-narrow-50x20") }
    @Test func agreementJapaneseCode() throws {
        try expectGolden(agreement(rows: 35, columns: 120, ["j", "j"]), "agreement-japanese-code-120x35")
    }
    @Test func agreementJapaneseExcerpt() throws {
        var state = try AgreementFixture.state(rows: 35, columns: 120)
        state.press("<Enter>")
        state.showExcerpt("R1-3")
        try expectGolden(AgreementScreenView.render(state), "agreement-japanese-excerpt-120x35")
    }

    // MARK: Codebook screen

    func codebook(rows: Int = 24, columns: Int = 80, japaneseName: Bool = false, _ keys: [String] = []) -> Screen {
        var study = CodebookFixture.study()
        if japaneseName { study.codebook.codes[1].name = "家族支援の記録が共有されない" }
        var state = CodebookScreenState(study: study, editor: "lena", size: Size(rows: rows, columns: columns))
        for key in keys { state.press(key) }
        return CodebookScreenView.render(state)
    }

    @Test func codebookOpening() throws { try expectGolden(codebook(), "codebook-opening-80x24") }
    @Test func codebookHelp() throws { try expectGolden(codebook(["?"]), "codebook-help-80x24") }
    @Test func codebookEditPrompt() throws { try expectGolden(codebook(["j", "e"]), "codebook-edit-prompt-80x24") }
    @Test func codebookHistory() throws { try expectGolden(codebook(["H"]), "codebook-history-80x24") }
    @Test func codebookNarrow() throws { try expectGolden(codebook(rows: 20, columns: 50), "codebook-narrow-50x20") }
    @Test func codebookJapaneseCode() throws {
        try expectGolden(codebook(rows: 35, columns: 120, japaneseName: true, ["j"]), "codebook-japanese-code-120x35")
    }
    @Test func codebookJapaneseCodeEditPrompt() throws {
        try expectGolden(
            codebook(rows: 35, columns: 120, japaneseName: true, ["j", "e"]),
            "codebook-japanese-code-edit-prompt-120x35")
    }
}
