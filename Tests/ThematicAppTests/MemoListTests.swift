import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

@Suite struct MemoListOverlay {
    /// The tester's memos: on R1-2 (the excerpt) and on R2-1's C1.
    static func coding() -> Coding {
        Coding(
            coder: "tester",
            excerpts: [
                "R1-2": ExcerptCoding(
                    finished: true, memo: "ask about the GP", updated: Fixture.time, codebookRevision: 3),
                "R2-1": ExcerptCoding(
                    finished: false, codes: ["C1": AppliedCode(memo: "Mother's account only")],
                    updated: Fixture.time, codebookRevision: 3),
            ])
    }

    @Test func wListsTheCodersOwnMemosWithExcerptCodeAndFirstWords() {
        var state = Fixture.state(coding: Self.coding(), columns: 100)
        state.press("W")
        let text = state.screenText
        #expect(text.contains("Your 2 memos"))
        #expect(text.contains("▸ R1-2 The school saw bruises. Nobody made a referral. | memo: ask about the GP"))
        #expect(text.contains("R2-1 [C1] The assessment relied on one account. | memo: Mother's account only"))
    }

    @Test func enterJumpsToTheMemosExcerptAndCloses() {
        var state = Fixture.state(coding: Self.coding())
        state.press("W", "j", "<Enter>")
        #expect(state.overlay == nil)
        #expect(state.currentEntry?.id == "R2-1")
    }

    @Test func escClosesWithoutMoving() {
        var state = Fixture.state(coding: Self.coding())
        let before = state.currentEntry?.id
        state.press("W", "j", "<Esc>")
        #expect(state.overlay == nil)
        #expect(state.currentEntry?.id == before)
    }

    @Test func withoutMemosTheListSaysSoInsteadOfOpening() {
        var state = Fixture.state()
        state.press("W")
        #expect(state.overlay == nil)
        #expect(state.message == "you have written no memo yet; m writes one on the excerpt, M on an applied code")
    }

    @Test func aMemoJustWrittenIsListed() {
        var state = Fixture.state()
        state.press("m")
        state.type("fresh")
        state.press("<Enter>", "W")
        #expect(state.overlay?.lines == ["R1-1 The family moved often. Records were not sent… | memo: fresh"])
    }

    @Test func searchFindsAnExcerptByTheCodersOwnMemo() {
        var state = Fixture.state(coding: Self.coding())
        state.press("s")
        state.type("gp")
        state.press("<Enter>")
        #expect(state.filter == .search("gp"))
        #expect(state.visible.map { state.entries[$0].id } == ["R1-2"])
    }

    @Test func searchFindsAnExcerptByACodingMemo() {
        var state = Fixture.state(coding: Self.coding())
        state.press("s")
        state.type("MOTHER")
        state.press("<Enter>")
        #expect(state.visible.map { state.entries[$0].id } == ["R2-1"])
    }
}
