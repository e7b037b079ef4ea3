import Testing

@testable import ThematicCore

@Suite struct DelimitedTextTests {
    private func written(neutralisingFormulas: Bool) -> String {
        var out = DelimitedText(.csv, neutralisingFormulas: neutralisingFormulas)
        out.line(["=HYPERLINK(\"http://example.com\",\"click\")", "@SUM(1+1)", "-0.25", "plain"])
        out.field(-3)
        out.endLine()
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test func cellsAreRawByDefault() {
        #expect(
            written(neutralisingFormulas: false)
                == "\"=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\",@SUM(1+1),-0.25,plain\r\n-3\r\n")
    }

    @Test func forASpreadsheetFormulasStartWithAQuoteAndNumbersStayNumbers() {
        #expect(
            written(neutralisingFormulas: true)
                == "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\",'@SUM(1+1),-0.25,plain\r\n-3\r\n")
    }
}
