import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// Where the coding screen's panes go for a size: the text stays readable, the codes pane takes the room.
@Suite struct CodingLayoutTests {
    @Test(arguments: [120, 140, 160, 200, 300])
    func fromAHundredAndTwentyColumnsTheTextStaysBetweenSixtyAndEightyColumnsWide(columns: Int) {
        let layout = CodingLayout(size: Size(rows: 35, columns: columns))
        #expect(layout.arrangement == .threePanes)
        #expect(CodingLayout.readableText.contains(layout.textBody.columns))
        #expect(layout.list.columns + layout.text.columns + layout.tree.columns == columns, "the panes tile the width")
        #expect(layout.text.column == layout.list.right && layout.tree.column == layout.text.right)
        #expect(!layout.appliedCodesFirst)
    }

    @Test func theCodesPaneWidensWithTheTerminal() {
        let widths = [120, 140, 160, 200].map { CodingLayout(size: Size(rows: 35, columns: $0)).tree.columns }
        #expect(widths == widths.sorted() && Set(widths).count == widths.count, "\(widths)")
        #expect(widths[0] > 36, "at 120 columns the codes pane is wider than it was (36 columns)")
    }

    @Test func at80x24TheTextAndTheCodesShareTheWidthAndTheAppliedCodesComeFirst() {
        let layout = CodingLayout(size: Size(rows: 24, columns: 80))
        #expect(layout.arrangement == .twoPanes)
        #expect(layout.text.column == 0 && layout.tree.column == layout.text.right && layout.tree.right == 80)
        #expect(layout.tree.columns >= 30, "room for a code's number, id and a good part of its name")
        #expect(layout.list == Rect(row: 0, column: layout.tree.column, rows: 22, columns: layout.tree.columns))
        #expect(layout.listSharesCodesColumn && layout.appliedCodesFirst && !layout.isCompact)
        #expect(layout.definition.row == layout.tree.bottom && layout.definition.bottom == 22)
        #expect(layout.recent == Rect(row: 22, column: 0, rows: 1, columns: 80))
        #expect(layout.status == Rect(row: 23, column: 0, rows: 1, columns: 80))
    }

    @Test func belowSixtyColumnsOrSixteenRowsOnlyTheTextShows() {
        for size in [Size(rows: 20, columns: 50), Size(rows: 15, columns: 100)] {
            let layout = CodingLayout(size: size)
            #expect(layout.arrangement == .textOnly && layout.isCompact && layout.appliedCodesFirst)
            #expect(layout.list.isEmpty && layout.tree.isEmpty && layout.definition.isEmpty)
            #expect(layout.text == Rect(row: 0, column: 0, rows: size.rows - 1, columns: size.columns))
        }
    }

    @Test func nothingAtAllLeavesEveryPaneEmpty() {
        let layout = CodingLayout(size: Size(rows: 0, columns: 0))
        #expect(layout.text.isEmpty && layout.status.isEmpty && layout.tree.isEmpty)
    }
}

/// The coding screen's panes with long names, long definitions and long excerpts.
@Suite struct RoomToReadTests {
    static let longName =
        "Information about a parent known to the GP, relevant to safeguarding, is not shared with the child's health professionals"
    static let longUse = (1...12).map { "sign \($0) that the information stayed with the GP" }.joined(separator: "; ")

    static func state(rows: Int = 24, columns: Int = 80, text: String = "Short text.") -> CodingScreenState {
        var study = Fixture.study()
        study.codebook = Codebook(
            title: "Long names", revision: 1,
            codes: [
                Code(id: "A", name: "Sharing information", codable: false),
                Code(id: "A1", name: longName, parent: "A", brief: "Not shared", whenToUse: longUse),
                Code(id: "A2", name: "Second code", parent: "A"),
            ])
        study.corpus = Corpus(reviews: [
            Review(id: "R1", title: "Review", excerpts: [Excerpt(id: "R1-1", section: "Findings", text: text)])
        ])
        return CodingScreenState(
            study: study, coding: Coding(coder: "tester"), size: Size(rows: rows, columns: columns))
    }

    /// The text of the codes pane's rows, from the frame's inside, joined with single spaces.
    static func treeText(_ state: CodingScreenState) -> [String] {
        let body = state.layout.treeBody
        let lines = state.render().lines
        return (body.row..<body.bottom).map { row in
            String(lines[row].dropFirst(body.column).prefix(body.columns))
        }
    }

    @Test(arguments: [Size(rows: 24, columns: 80), Size(rows: 35, columns: 120)])
    func theRowUnderTheTreeCursorShowsTheWholeName(size: Size) {
        var state = Self.state(rows: size.rows, columns: size.columns)
        state.press("<Tab>", "<Tab>", "j")
        #expect(state.treeCursor == "A1")
        let rows = Self.treeText(state)
        let words = rows.dropFirst().prefix { !$0.contains("A2") }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(words.hasSuffix("health professionals 0") || words.contains(Self.longName.suffix(30)), "\(rows)")
        #expect(rows.contains { $0.contains("A2 Second code") }, "the next code still follows it")
        state.press("j")
        let moved = Self.treeText(state)
        #expect(moved[1].contains("A1 Information"), "off the cursor, the name is cut to one row: \(moved)")
        #expect(moved[2].contains("A2 Second code"))
    }

    @Test func theDefinitionScrollsWithJAndKAndSaysWhichLinesItShows() {
        var state = Self.state()
        state.press("<Tab>", "<Tab>", "j")
        let rows = state.layout.definitionBody.rows
        let total = CodingScreenView.definitionLineCount(state)
        #expect(total > rows)
        #expect(state.screenText.contains("Definition 1-\(rows) of \(total) · J/K"))
        state.press("J", "J")
        #expect(state.definitionScroll == 2)
        #expect(state.screenText.contains("Definition 3-\(rows + 2) of \(total) · J/K"))
        for _ in 0..<total { state.press("J") }
        #expect(state.definitionScroll == total - rows, "it stops with the last line at the bottom")
        #expect(state.screenText.contains("stayed with the GP"))
        state.press("K")
        #expect(state.definitionScroll == total - rows - 1)
        state.press("j")
        #expect(state.definitionScroll == 0, "another code's definition starts at its top")
    }

    @Test func jOnAShortDefinitionSaysItIsAllShown() {
        var state = Self.state()
        state.press("<Tab>", "<Tab>", "j", "j")
        state.press("J")
        #expect(state.definitionScroll == 0)
        #expect(state.message == "the whole definition is shown")
    }

    @Test func at80x24TheAppliedCodesOfALongExcerptShowAboveItsText() {
        let long = (1...60).map { "Sentence \($0) of a long excerpt." }.joined(separator: " ")
        var state = Self.state(text: long)
        state.press("<Tab>", "<Tab>", "j", "<Space>")
        let body = state.layout.textBody
        let lines = state.render().lines[body.row..<body.bottom]
        #expect(lines.first?.contains("— not finished —") == true, "\(lines.joined(separator: "\n"))")
        #expect(lines.dropFirst().first?.contains("A1 Information about") == true)
        #expect(lines.contains { $0.contains("Sentence 1 of a long excerpt") })
    }

    @Test func movingTheWordCursorBackToTheFirstWordShowsTheAppliedCodesAgain() {
        let long = (1...60).map { "Sentence \($0) of a long excerpt." }.joined(separator: " ")
        var state = Self.state(text: long)
        state.press("<Tab>", "<Tab>", "j", "<Space>", "<S-Tab>")
        for _ in 0..<40 { state.press(")") }
        #expect(state.textScroll > 0)
        for _ in 0..<40 { state.press("(") }
        #expect(state.wordCursor == 0 && state.textScroll == 0)
    }

    @Test func at80x24TheExcerptListTakesTheCodesColumnWhileItHasTheFocus() {
        var state = Fixture.state()
        #expect(state.focus == .list)
        #expect(state.screenText.contains("Excerpts (5)") && !state.screenText.contains("┌ Codes"))
        state.press("<Tab>")
        #expect(!state.screenText.contains("Excerpts (5)") && state.screenText.contains("┌ Codes"))
    }

    @Test func at120ColumnsTheAppliedCodesFollowTheText() {
        var state = Self.state(rows: 35, columns: 120, text: "Short text.")
        state.press("<Tab>", "<Tab>", "j", "<Space>")
        let body = state.layout.textBody
        let lines = Array(state.render().lines[body.row..<body.bottom])
        let text = lines.firstIndex { $0.contains("Short text.") },
            status = lines.firstIndex { $0.contains("— not finished —") }
        #expect(text != nil && status != nil && text! < status!)
    }
}
