import Testing
import ThematicTestSupport

@testable import ThematicCore

@Suite struct ImportFileTests {
    private let folder = TestSupport.fixtures + "/import"

    private func reviews(_ content: ImportContent) -> [ImportedReview] {
        if case .reviews(let reviews) = content { return reviews }
        Issue.record("expected reviews, found \(content)")
        return []
    }

    private func refusal(_ file: String, format: ImportFile.Format? = nil) -> ImportProblem? {
        do {
            _ = try ImportFile.read(folder + "/" + file, format: format)
            return nil
        } catch {
            return error
        }
    }

    @Test func plainTextWithBOMCRLFAndTabsBecomesParagraphsUnderTheirHeadings() throws {
        let review = try #require(reviews(try ImportFile.read(folder + "/awkward.txt")).first)
        #expect(review.id == "awkward")
        #expect(
            review.excerpts == [
                DraftExcerpt(
                    section: "Introduction",
                    text:
                        "This review concerns Child B. The family moved often. The second line of the first paragraph is hard-wrapped."
                ),
                DraftExcerpt(section: "Background", text: "Mother was twenty when Child B was born."),
                // "Empty Section" has nothing under it: it names the next section with its sub-heading, so it is not
                // lost.
                DraftExcerpt(
                    section: "Empty Section › Findings", text: "Agencies did not share information. Nobody asked why."),
            ])
    }

    @Test func markdownTakesItsTitleFromTheFirstHeadingAndKeepsNonLatinScripts() throws {
        let review = try #require(reviews(try ImportFile.read(folder + "/non-latin.md")).first)
        #expect(review.title == "家庭调查")
        #expect(review.excerpts.map(\.section) == ["背景", "Ανάλυση", "Висновки"])
        #expect(review.excerpts[0].text == "儿童甲与母亲同住。社会工作者三次家访。")
    }

    @Test func aFileThatIsNotUTF8IsRefusedWithItsLine() {
        let problem = refusal("latin1.txt")
        #expect(problem?.line == 1)
        #expect(problem?.reason.contains("not valid UTF-8") == true)
    }

    @Test func aBinaryFileIsRefusedAtTheLineOfItsFirstNULByte() {
        let problem = refusal("binary.txt")
        #expect(problem?.line == 2)
        #expect(problem?.reason.contains("binary") == true)
    }

    @Test func aFileOfOnlyWhitespaceIsRefusedAsEmpty() {
        #expect(refusal("empty.txt")?.reason.contains("empty") == true)
    }

    @Test func anUnknownExtensionIsRefusedBeforeTheFileIsRead() {
        #expect(refusal("review.odt")?.reason.contains("cannot tell the format") == true)
        #expect(refusal("review.odt", format: .text)?.reason.contains("cannot read") == true)
    }

    @Test func aUTF16FileIsRefusedWithAdvice() {
        #expect(throws: ImportProblem.self) { try ImportedText.decode([0xFF, 0xFE, 0x41, 0x00], file: "x.txt") }
    }

    @Test func aFileNameBecomesAReviewIdWithinTheIdRule() throws {
        #expect(try ImportFile.idFromFileName("/tmp/2019 Review – Child D.md") == "2019-Review---Child-D")
        #expect(try ImportFile.idFromFileName("_draft.txt") == "draft")
        #expect(throws: ImportProblem.self) { try ImportFile.idFromFileName("家庭.txt") }
    }

    @Test func aMarkdownFileWithOnlyHeadingsIsRefused() {
        #expect(throws: ImportProblem.self) {
            try ImportFile.parse(Array("# Title\n\n## Empty\n".utf8), file: "headings.md", format: .markdown)
        }
    }

    @Test func aReviewInTheCorpusFormatKeepsItsExcerptIds() throws {
        let bytes = try FileSystem.readBytes(TestFolders.demoStudy + "/corpus/R01.json")
        let review = try #require(reviews(try ImportFile.parse(bytes, file: "R01.json", format: .json)).first)
        #expect(review.givenIDs?.first == "R01-001")
        #expect(review.title != nil)
    }

    @Test func aBrokenCorpusJSONFileIsRefusedWithItsLine() {
        #expect(throws: ImportProblem.self) {
            try ImportFile.parse(
                Array("{\n  \"kind\": \"thematic.review\",\n  oops\n}".utf8), file: "bad.json", format: .json)
        }
        do {
            _ = try ImportFile.parse(
                Array("{\n  \"kind\": \"thematic.review\",\n  oops\n}".utf8), file: "bad.json", format: .json)
        } catch {
            #expect(error.line == 3)
        }
    }
}
