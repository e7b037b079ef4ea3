import Testing

@testable import Agreement

@Suite struct SpreadsheetCellTests {
    @Test(arguments: ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "-", "=HYPERLINK(\"http://example.com\")"])
    func aCellThatWouldRunAsAFormulaStartsWithAQuote(_ text: String) {
        #expect(SpreadsheetCell.neutralised(text) == "'" + text)
    }

    @Test(arguments: ["-0.25", "+3", "-12", "1e-05", "-1.5E+10", "-.5", "3."])
    func aPlainNumberStaysANumber(_ text: String) {
        #expect(SpreadsheetCell.neutralised(text) == text)
    }

    @Test(arguments: ["", "plain text", "a=b", "0.25", "n/a", "'=already"])
    func otherCellsAreLeftAlone(_ text: String) {
        #expect(SpreadsheetCell.neutralised(text) == text)
    }

    @Test(arguments: ["-1-1", "-1e", "-e5", "-.", "+", "-0.25 more", "--1"])
    func somethingThatOnlyLooksLikeANumberIsNeutralised(_ text: String) {
        #expect(SpreadsheetCell.neutralised(text) == "'" + text)
    }
}
