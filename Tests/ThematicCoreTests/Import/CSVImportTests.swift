import Testing

@testable import ThematicCore

@Suite struct CSVImportTests {
    private let folder = TestSupport.fixtures + "/import"

    private func problem(_ text: String) -> ImportProblem? {
        do {
            _ = try CSVImport.read(text, file: "x.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test func excerptRowsWithCRLFQuotesAndEmbeddedLineBreaksBecomeReviews() throws {
        guard case .reviews(let reviews) = try ImportFile.read(folder + "/excerpts.csv") else {
            Issue.record("no reviews")
            return
        }
        #expect(reviews.map(\.id) == ["R20", "R21"])
        #expect(
            reviews[0].excerpts == [
                DraftExcerpt(
                    section: "Introduction", text: "This review concerns Child C, who was \"known\" to services."),
                DraftExcerpt(section: "Background", text: "A paragraph with a line break inside quotes."),
            ])
    }

    @Test func aRaggedRowIsRefusedWithItsLine() {
        #expect(
            throws: ImportProblem(
                file: folder + "/ragged.csv", line: 3,
                reason: "this row has 4 fields but the header has 3 (a missing comma or an unclosed quote?)")
        ) {
            try ImportFile.read(folder + "/ragged.csv")
        }
    }

    @Test func aMissingColumnIsRefusedOnTheHeaderLine() throws {
        let error = problem(try TestSupport.text(folder + "/missing-column.csv"))
        #expect(error?.line == 1)
        #expect(error?.reason.contains("missing column \"section\"") == true)
        #expect(problem("section,text\nA,b\n")?.reason.contains("missing column \"review\"") == true)
    }

    @Test func lineNumbersCountLineBreaksInsideQuotedFields() {
        let error = problem("review,section,text\nR1,A,\"two\nlines\"\nR1,B\n")
        #expect(error?.line == 4)
    }

    @Test func anInvalidReviewIdIsRefusedWithItsLine() {
        let error = problem("review,section,text\nR1,A,fine\nbad id,B,text\n")
        #expect(error?.line == 3)
    }

    @Test func attributeRowsNameAttributesFromTheirHeaders() throws {
        guard case .attributes(let rows) = try ImportFile.read(folder + "/attributes.csv") else {
            Issue.record("no attributes")
            return
        }
        #expect(rows[0].attributes == ["year": "2016", "region": "North", "childAgeBand": "Under 1"])
        #expect(rows[0].source == "https://example.org/r20")
        #expect(rows[1].attributes == ["year": "2017", "region": "South"])
        #expect(rows[1].line == 3)
    }

    @Test func anExcerptsFileWithAnUnexpectedColumnIsRefused() {
        #expect(
            problem("review,section,text,year\nR1,A,b,2016\n")?.reason.contains("unexpected column \"year\"") == true)
    }

    @Test func aHeaderWithoutRowsIsRefused() {
        #expect(problem("review,section,text\n")?.reason.contains("no rows") == true)
    }
}
