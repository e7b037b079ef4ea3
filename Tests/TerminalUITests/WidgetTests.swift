import TerminalUI
import Testing

@Suite struct WidgetTests {
    @Test func boxDrawsAFrameWithItsTitleAndReturnsTheInside() {
        var screen = Screen(rows: 3, columns: 10)
        let inside = Box(title: "Codes").draw(in: screen.bounds, on: &screen)
        #expect(screen.lines == ["┌ Codes ─┐", "│        │", "└────────┘"])
        #expect(inside == Rect(row: 1, column: 1, rows: 1, columns: 8))
    }

    @Test func boxTitleIsCutToFitTheBorder() {
        var screen = Screen(rows: 2, columns: 8)
        Box(title: "Codebook").draw(in: screen.bounds, on: &screen)
        #expect(screen.lines[0] == "┌ Cod… ┐")
    }

    @Test func boxTooSmallForAFrameDrawsNothing() {
        var screen = Screen(rows: 1, columns: 5)
        let inside = Box(title: "x").draw(in: screen.bounds, on: &screen)
        #expect(screen == Screen(rows: 1, columns: 5))
        #expect(inside == screen.bounds)
    }

    @Test func scrollMarksSayHowManyLinesAreHiddenAboveAndBelowInAFramesBorders() {
        var screen = Screen(rows: 4, columns: 20)
        Box(title: "Queue").draw(in: screen.bounds, on: &screen)
        ScrollMark.draw(onFrame: screen.bounds, count: 10, offset: 3, shown: 2, hint: ("PgUp", "PgDn"), on: &screen)
        #expect(screen.lines[0] == "┌ Q ▲ 3 more: PgUp ┐", "the mark wins over the end of the title")
        #expect(screen.lines[3] == "└── ▼ 5 more: PgDn ┘")
        #expect(ScrollMark.text(count: 10, offset: 0, shown: 4) == "▼ 6 more")
        #expect(ScrollMark.text(count: 10, offset: 6, shown: 4) == "▲ 6 more")
        #expect(ScrollMark.text(count: 3, offset: 0, shown: 4) == "", "nothing is hidden")
    }

    @Test func listScrollsToKeepTheSelectionVisible() {
        var screen = Screen(rows: 3, columns: 4)
        let list = ScrollingList(count: 10, selected: 6).draw(in: screen.bounds, on: &screen) { "e\($0)" }
        #expect(list.offset == 4)
        #expect(screen.trimmedLines == ["e4", "e5", "e6"])
        #expect(screen[2, 3].style.attributes == .reverse)
    }

    @Test func listScrollsBackUpWhenTheSelectionMovesAbove() {
        let list = ScrollingList(count: 10, selected: 2, offset: 5).scrolled(toShowSelectionIn: 3)
        #expect(list.offset == 2)
    }

    @Test func listDoesNotLeaveEmptyRowsBelowItsEnd() {
        let list = ScrollingList(count: 5, selected: 4, offset: 4).scrolled(toShowSelectionIn: 3)
        #expect(list.offset == 2)
    }

    /// Assessment > Missed, Barriers > Language > Interpreter, Culture.
    let tree = FoldableTree<String, String>([
        .init(id: "A", parent: nil, depth: 0, item: "Assessment"),
        .init(id: "A1", parent: "A", depth: 1, item: "Missed"),
        .init(id: "B", parent: nil, depth: 0, item: "Barriers"),
        .init(id: "B1", parent: "B", depth: 1, item: "Language"),
        .init(id: "B1a", parent: "B1", depth: 2, item: "Interpreter"),
        .init(id: "C", parent: nil, depth: 0, item: "Culture"),
    ])

    @Test func treeShowsChildrenOfUnfoldedNodesOnly() {
        let rows = tree.rows(collapsed: ["B"])
        #expect(rows.map { $0.label($0.item) } == ["▾ Assessment", "    Missed", "▸ Barriers", "  Culture"])
    }

    @Test func aFilteredTreeShowsTheMatchesAndTheirAncestorsWhateverIsFolded() {
        #expect(tree.rows(keeping: { $0.hasPrefix("Interp") }).map(\.id) == ["B", "B1", "B1a"])
    }

    @Test func descendantsAreEveryNodeBelowAtAnyDepth() {
        #expect(tree.descendants(of: "B").map(\.id) == ["B1", "B1a"])
        #expect(tree.descendants(of: "C").isEmpty)
    }

    @Test func textFieldInsertsAndDeletesWholeCharacters() {
        var field = TextField(text: "cafe\u{301}")
        let handled = field.handle(.backspace)
        #expect(handled)
        #expect(field.text == "caf")
        field.insert("👩‍👧")
        #expect(field.text == "caf👩‍👧")
        #expect(field.cursor == 4)
    }

    @Test func textFieldMovesAndEditsInTheMiddle() {
        var field = TextField(text: "ac")
        _ = field.handle(.left)
        _ = field.handle(.character("b"))
        _ = field.handle(.home)
        _ = field.handle(.delete)
        #expect(field.text == "bc")
        #expect(field.cursor == 0)
    }

    @Test func textFieldLeavesEnterToTheCaller() {
        var field = TextField()
        let handled = field.handle(.enter)
        #expect(!handled)
    }

    @Test func textFieldScrollsSoTheCursorStaysVisible() {
        var screen = Screen(rows: 1, columns: 4)
        let cursor = TextField(text: "abcdef").draw(in: screen.bounds, on: &screen)
        #expect(screen.lines == ["def "])
        #expect(cursor == Position(row: 0, column: 3))
    }

    @Test func dialogIsCentredOverTheScreen() {
        var screen = Screen(rows: 5, columns: 12)
        Dialog(title: "Help", lines: ["q quit"]).draw(on: &screen)
        #expect(screen.lines == ["            ", " ┌ Help ──┐ ", " │ q quit │ ", " └────────┘ ", "            "])
    }

    @Test func dialogLargerThanTheScreenIsCutNotCrashed() {
        var screen = Screen(rows: 2, columns: 3)
        let rect = Dialog(title: "Help", lines: Array(repeating: "a long line of help", count: 30)).draw(on: &screen)
        #expect(rect == screen.bounds)
    }

    @Test func statusBarKeepsTheRightTextAndCutsTheLeft() {
        var screen = Screen(rows: 1, columns: 16)
        StatusBar(left: "Excerpt 12 of 340", right: "? help").draw(in: screen.bounds, on: &screen)
        #expect(screen.lines == ["Excerpt … ? help"])
    }
}
