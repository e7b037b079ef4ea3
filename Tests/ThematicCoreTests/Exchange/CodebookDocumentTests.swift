import Testing

@testable import ThematicCore

/// The codebook as Markdown and as a printable HTML page.
@Suite struct CodebookDocumentTests {
    private func tiny() throws -> Codebook {
        try StudyCreator.readCodebook(TestSupport.fixtures + "/valid/codebook.json")
    }

    @Test func markdownNestsCodesUnderTheirCategoriesWithTheirDefinitions() throws {
        let text = CodebookDocument.markdown(try tiny())
        #expect(text.hasPrefix("# Tiny codebook\n"))
        #expect(text.contains("\n## A Communication (category)\n\n- **Brief:** Grouping\n"))
        #expect(
            text.contains(
                "\n### A1 Information not shared\n\n- **Brief:** Information held by one agency is not passed on\n- **Hotkey:** 1\n"
            ))
        #expect(text.contains("\n## B1 Old theme (retired)\n"))
    }

    @Test func htmlEscapesTheCodebooksText() throws {
        var book = try tiny()
        book.codes[1].example = "<script>alert(\"x\")</script> & more"
        let page = CodebookDocument.html(book)
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"))
        #expect(!page.contains("<script>"))
    }

    private func grouped() throws -> Codebook {
        try StudyCreator.readCodebook(TestSupport.fixtures + "/codebooks/version-2-groups.json")
    }

    @Test func markdownListsEachCodesGroupsAndEveryGroupWithItsMembers() throws {
        let text = CodebookDocument.markdown(try grouped())
        #expect(
            text.contains(
                "\n### A1 Information not shared\n\n- **Brief:** Information held by one agency is not passed on\n- **Hotkey:** 1\n- **Groups:** Risk factors\n"
            ))
        #expect(
            text.hasSuffix(
                """

                ## Code groups

                - **risk Risk factors**: Signs that a child was at risk
                  - A1 Information not shared
                  - B1 Old theme
                - **health Health** (no codes)

                """))
    }

    @Test func htmlListsEachCodesGroupsAndEveryGroupWithItsMembers() throws {
        let page = CodebookDocument.html(try grouped())
        #expect(page.contains("<dt>Groups</dt><dd>Risk factors</dd>"))
        #expect(
            page.contains(
                "<dt>risk Risk factors</dt><dd>Signs that a child was at risk<ul><li>A1 Information not shared</li><li>B1 Old theme</li></ul></dd>"
            ))
        #expect(page.contains("<dt>health Health</dt><dd>(no codes)</dd>"))
    }

    @Test func aCodebookWithoutGroupsHasNoGroupsSection() throws {
        #expect(!CodebookDocument.markdown(try tiny()).contains("Code groups"))
        #expect(!CodebookDocument.html(try tiny()).contains("Code groups"))
    }
}
