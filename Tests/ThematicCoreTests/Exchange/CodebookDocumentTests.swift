import Testing
@testable import ThematicCore

/// The codebook as Markdown and as a printable HTML page.
@Suite struct CodebookDocumentTests {
    private func tiny() throws -> Codebook { try StudyCreator.readCodebook(TestSupport.fixtures + "/valid/codebook.json") }

    @Test func markdownNestsCodesUnderTheirCategoriesWithTheirDefinitions() throws {
        let text = CodebookDocument.markdown(try tiny())
        #expect(text.hasPrefix("# Tiny codebook\n"))
        #expect(text.contains("\n## A Communication (category)\n\n- **Brief:** Grouping\n"))
        #expect(text.contains("\n### A1 Information not shared\n\n- **Brief:** Information held by one agency is not passed on\n- **Hotkey:** 1\n"))
        #expect(text.contains("\n## B1 Old theme (retired)\n"))
    }

    @Test func htmlEscapesTheCodebooksText() throws {
        var book = try tiny()
        book.codes[1].example = "<script>alert(\"x\")</script> & more"
        let page = CodebookDocument.html(book)
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"))
        #expect(!page.contains("<script>"))
    }
}
