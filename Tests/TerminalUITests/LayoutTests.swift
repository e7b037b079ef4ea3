import TerminalUI
import Testing

@Suite struct LayoutTests {
    @Test func fixedAndRestPartsShareTheRows() {
        let parts = Rect(row: 0, column: 0, rows: 24, columns: 80).splitRows([.fixed(1), .rest(), .fixed(1)])
        #expect(parts.map(\.rows) == [1, 22, 1])
        #expect(parts.map(\.row) == [0, 1, 23])
    }

    @Test func percentagePartsTakeTheirShareOfTheColumns() {
        let parts = Rect(row: 0, column: 0, rows: 10, columns: 100).splitColumns([.percent(30), .rest()])
        #expect(parts.map(\.columns) == [30, 70])
        #expect(parts[1].column == 30)
    }

    @Test func restPartsSplitTheRemainderEvenlyFirstOneGettingTheOddColumn() {
        let parts = Rect(row: 0, column: 0, rows: 1, columns: 7).splitColumns([.rest(), .rest()])
        #expect(parts.map(\.columns) == [4, 3])
    }

    @Test func minimumsAreKeptWhileThereIsRoom() {
        let parts = Rect(row: 0, column: 0, rows: 1, columns: 60).splitColumns([.percent(10, minimum: 20), .rest()])
        #expect(parts.map(\.columns) == [20, 40])
    }

    @Test func laterPartsGiveWayWhenTheSpaceIsTooSmall() {
        let parts = Rect(row: 0, column: 0, rows: 1, columns: 5).splitColumns([
            .fixed(4), .rest(minimum: 10), .fixed(3),
        ])
        #expect(parts.map(\.columns) == [4, 1, 0])
    }

    @Test func splittingAnEmptyRectGivesEmptyParts() {
        let parts = Rect(row: 0, column: 0, rows: 0, columns: 0).splitRows([.fixed(3), .percent(50), .rest()])
        #expect(parts.allSatisfy { $0.isEmpty })
        #expect(parts.count == 3)
    }

    @Test func insetPastTheMiddleGivesAnEmptyRect() {
        let inner = Rect(row: 2, column: 2, rows: 1, columns: 1).inset(by: 1)
        #expect(inner.isEmpty)
    }

    @Test func centredRectIsNoLargerThanItsContainer() {
        let rect = Rect(row: 0, column: 0, rows: 5, columns: 10).centred(Size(rows: 3, columns: 40))
        #expect(rect == Rect(row: 1, column: 0, rows: 3, columns: 10))
    }
}
