import TerminalUI
import Testing

@Suite struct CellTests {
    private let twentyMarks = [Unicode.Scalar](repeating: "\u{301}", count: 10) + Array(repeating: "\u{308}", count: 10)

    @Test func aCellMadeWithTooManyMarksKeepsTheFirstMaximumMarks() {
        let cell = Cell(base: "e", marks: twentyMarks)
        #expect(cell.marks == Array(twentyMarks.prefix(Cell.maximumMarks)))
    }

    @Test func marksSetLaterAreClampedToo() {
        var cell = Cell(base: "e")
        cell.marks = twentyMarks
        #expect(cell.marks.count == Cell.maximumMarks)
    }

    @Test func aCellWithinTheLimitKeepsAllItsMarks() {
        let cell = Cell(base: "e", marks: ["\u{301}", "\u{308}"])
        #expect(cell.marks == ["\u{301}", "\u{308}"])
    }
}
