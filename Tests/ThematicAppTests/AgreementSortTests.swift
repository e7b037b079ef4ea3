import Testing
import ThematicCore

@testable import ThematicApp

@Suite struct AgreementSorting {
    /// Checks that `state` shows its rows in the order of its sort column: ascending or descending by the column's
    /// figure, n/a after every number, equal figures in codebook order.
    func expectSorted(_ state: AgreementScreenState, _ comment: Comment) {
        let column = state.sort.column
        let keys = state.order.map { column.sortKey(row: $0, in: state.table) }
        for position in state.order.indices.dropLast() {
            let (a, b) = (state.order[position], state.order[position + 1])
            switch (keys[position], keys[position + 1]) {
            case (.number(let x?), .number(let y?)):
                #expect(x == y ? a < b : (state.sort.descending ? x > y : x < y), comment)
            case (.number(nil), .number(let y)):
                #expect(y == nil && a < b, "n/a sorts last: \(comment)")
            case (.number, .number): break
            case (.text(let x), .text(let y)):
                #expect(x == y ? a < b : (state.sort.descending ? x > y : x < y), comment)
            default: Issue.record("mixed sort keys")
            }
        }
    }

    @Test(arguments: [["asha", "ben"], nil] as [[String]?])
    func everyColumnSortsBothWaysWithNotApplicableLast(coders: [String]?) throws {
        for study in [AgreementFixture.study(), try AgreementFixture.demo()] {
            var state = try AgreementScreenState(
                study: study, selection: AgreementSelection(coders: coders), size: .init(rows: 30, columns: 100))
            let columns = state.columns
            for (index, column) in columns.enumerated() {
                #expect(state.sort == AgreementSort(column: column, descending: false))
                expectSorted(state, "\(column) ascending")
                state.press("s")
                #expect(state.sort == AgreementSort(column: column, descending: true))
                expectSorted(state, "\(column) descending")
                state.press("s")
                if index < columns.count - 1 { state.press(">") }
            }
            state.press(">")
            #expect(state.sort.column == .disagreements, "the last column stays")
            for _ in columns { state.press("<lt>") }
            #expect(state.sort.column == .code)
        }
    }

    @Test func theHandMadeStudySortsAsExpected() throws {
        var state = try AgreementFixture.state()
        #expect(state.shownCodes == ["C1", "C2", "R", "N"])
        state.resort(AgreementSort(column: .disagreements, descending: true))
        #expect(state.shownCodes == ["C1", "C2", "R", "N"])
        state.resort(AgreementSort(column: .disagreements))
        #expect(state.shownCodes == ["N", "C2", "R", "C1"])
        state.resort(AgreementSort(column: .name))
        #expect(state.shownCodes == ["N", "C1", "R", "C2"])
        state.resort(AgreementSort(column: .name, descending: true))
        #expect(state.shownCodes == ["C2", "R", "C1", "N"])
        state.resort(AgreementSort(column: .code, descending: true))
        #expect(state.shownCodes == ["N", "R", "C2", "C1"])
    }

    @Test func aCodeNobodyAppliedHasNoAlphaAndSortsLastBothWays() throws {
        var state = try AgreementFixture.state()
        #expect(state.table.rows[3].agreement.krippendorffAlpha.value == nil)
        state.resort(AgreementSort(column: .alpha))
        #expect(state.shownCodes.last == "N")
        state.resort(AgreementSort(column: .alpha, descending: true))
        #expect(state.shownCodes.last == "N")
    }

    @Test func sortingMovesTheCursorToTheTopRowWhereTheSortPutsWhatWasAskedFor() throws {
        var state = try AgreementFixture.state()
        state.press("j", "j")
        #expect(state.selectedRow.map { state.table.rows[$0].code } == "R")
        state.press("s")
        #expect(state.shownCodes == ["N", "R", "C2", "C1"])
        #expect(state.selected == 0 && state.offset == 0)
        #expect(state.selectedRow.map { state.table.rows[$0].code } == "N")
    }
}
