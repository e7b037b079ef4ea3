import Foundation
import Testing

@testable import ThematicCore

/// Published reviews come in whole: PDF and Word reports cut where the report is cut, with their pages, and nothing
/// lost that the import report does not name.
@Suite struct DocumentImportTests {
    private let documents = TestSupport.fixtures + "/documents"

    struct Expected: Equatable, CustomStringConvertible {
        var page: Int?
        var section: String
        var text: String
        var description: String { "[p\(page.map(String.init) ?? "-")] \(section) | \(text)" }
    }

    private func review(_ file: String) throws -> ImportedReview {
        guard case .reviews(let reviews) = try ImportFile.read(file), let review = reviews.first else {
            throw ImportProblem(file: file, reason: "no review")
        }
        return review
    }

    /// Each excerpt in turn, so a difference names the excerpt that differs.
    private func expectExcerpts(
        _ review: ImportedReview, _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let excerpts = review.excerpts.map { Expected(page: $0.page, section: $0.section, text: $0.text) }
        #expect(excerpts.count == expected.count, sourceLocation: sourceLocation)
        for (got, want) in zip(excerpts, expected) { #expect(got == want, sourceLocation: sourceLocation) }
    }

    private func refusal(_ file: String) -> ImportProblem? {
        do throws(ImportProblem) { _ = try ImportFile.read(documents + "/" + file) } catch { return error }
        return nil
    }

    @Test func aPDFReportIsCutWhereTheReportIsCutWithItsPages() throws {
        let review = try review(documents + "/overview-report.pdf")
        #expect(review.title == "Serious Case Review: Child M – Overview Report")
        let expected = [
            Expected(
                page: 1, section: "",
                text:
                    "Larchford Safeguarding Children Partnership\nSerious Case Review\nChild M\nOverview Report\nAuthor: Jane Leather\nChair: Kath Nelson\nPublished: 22nd June 2021"
            ),
            Expected(
                page: 3, section: "1. Introduction",
                text:
                    "1.1 This serious case review was commissioned by the Larchford Safeguarding Children Partnership after Child M, aged four months, was admitted to Wexmoor General Hospital with a fractured skull and bruising to the face and chest. The injuries were found by the paediatric team to be non-accidental."
            ),
            Expected(
                page: 3, section: "1. Introduction",
                text:
                    "1.2 The review considers the involvement of agencies with Child M and the family between the booking appointment with the community midwife in May 2019 and the admission in January 2020. It was led by an independent reviewer, Jane Leather, and the panel was chaired by Kath Nelson, who has no line management responsibility for any of the services involved."
            ),
            Expected(
                page: 3, section: "1. Introduction",
                text:
                    "1.3 The purpose of the review is to establish what lessons can be learned about the way in which local professionals and organisations work individually and together, across health, education, police and social care, to safeguard and promote the welfare of children, and to identify clearly what those lessons are."
            ),
            Expected(
                page: 3, section: "2. Background",
                text:
                    "2.1 Child M lived with the mother and father in a rented flat on the Brackenhurst estate in Larchford. Neither parent was in paid employment. The mother had moved to Larchford from Oldcastle Vale during the pregnancy and was not registered with a general practitioner until the third trimester."
            ),
            Expected(
                page: 3, section: "2. Background",
                text:
                    "2.2 The family composition at the time of the incident is set out below. Ages are given at the date of the admission."
            ),
            Expected(
                page: 3, section: "2. Background",
                text: "Relationship | Age at time of incident\nChild M | 4 months\nMother | 24\nFather | 27"),
            Expected(
                page: 3, section: "2. Background",
                text:
                    "2.3 The father had a history of offending for violence against a previous partner, which was known to the police but was not shared with health professionals during the pregnancy. At the time of the birth in October 2019, a domestic abuse, stalking, harassment and honour based violence risk assessment had not been completed by any agency."
            ),
            Expected(
                page: 4, section: "3. Key practice episodes",
                text:
                    "3.1 The review identified six key practice episodes. They are described in the order in which they occurred and each is followed by an analysis of the practice it shows."
            ),
            Expected(
                page: 4, section: "3. Key practice episodes",
                text:
                    "3.2 At the booking appointment the community midwife asked the routine enquiry question about domestic abuse while the father was present in the room. The mother said that there were no concerns. The midwife recorded that the question could not be asked safely but did not arrange to see the mother alone at a later appointment."
            ),
            Expected(
                page: 4, section: "3. Key practice episodes",
                text:
                    "3.3 In October 2019 the health visitor carried out the new birth visit. She noted that the father answered most of the questions put to the mother and that the flat was cold. She made a referral to the early help hub, which was closed a month later because the family did not engage."
            ),
            Expected(
                page: 4, section: "3. Key practice episodes",
                text:
                    "3.4 A strategy discussion was not convened when Child M, who was non-mobile, was seen by the out of hours general practitioner with a bruise to the left cheek. The explanation given by the father, that the baby had rolled against the cot, was accepted without challenge. Guidance issued by the partnership is clear that any bruise in a baby who is not independently mobile requires referral to children's social care and a paediatric assessment on the same day."
            ),
            Expected(
                page: 4, section: "3. Key practice episodes",
                text:
                    "3.5 The out of hours doctor told the review that there was no time to discuss the case with a colleague or the senior clinician on duty during a busy call-out shift, and that the electronic record did not show the earlier referral to the early help hub. The review has found that the two systems do not share information."
            ),
            Expected(
                page: 4, section: "3. Key practice episodes",
                text:
                    "3.6 Children's social care received a notification from the police in December 2019 after a neighbour reported shouting at the flat. The notification was screened by a duty social worker, who decided that no further action was needed because the incident was verbal only and no injury was seen."
            ),
            Expected(
                page: 4, section: "3. Key practice episodes",
                text:
                    "3.7 The screening decision was not reviewed by a manager. The review was told that the duty team received more than ninety notifications that day and that managers were not able to see each one."
            ),
            Expected(
                page: 4, section: "3. Key practice episodes",
                text:
                    "3.8 The mother attended the emergency department with Child M on 2nd January 2020, saying that the baby had been sick. No injuries were seen. The attendance was not shared with the health visitor."
            ),
            Expected(
                page: 5, section: "3. Key practice episodes",
                text:
                    "3.9 Four days later Child M was brought to hospital by ambulance and the injuries that led to this review were found. The father was arrested and later convicted."
            ),
            Expected(
                page: 5, section: "3. Key practice episodes",
                text:
                    "3.10 Taken together, the episodes show a pattern in which each agency held a part of the picture and none held the whole of it. The information that would have changed the response to the bruise was held by the police and the early help hub."
            ),
            Expected(
                page: 5, section: "3. Key practice episodes",
                text:
                    "3.11 Professionals who spoke to the review described a wish to avoid alarming a young mother who was seen as isolated, and an assumption that somebody else had the fuller picture of the family."
            ),
            Expected(
                page: 5, section: "4. Findings",
                text:
                    "4.1 The review makes the following findings. Each is followed by a question for the partnership to consider, in keeping with the systems approach used for the review."
            ),
            Expected(
                page: 5, section: "4. Findings",
                text:
                    "• Routine enquiry about domestic abuse was asked in front of the father and was not repeated when the mother could be seen alone.\n• Bruising in a non-mobile baby was not referred in line with the partnership's protocol.\n• Screening decisions on police notifications were not reviewed by a manager when the duty team was under pressure.\n• Records held by the out of hours service, the early help hub and the health visiting service were not linked."
            ),
            Expected(
                page: 5, section: "4. Findings",
                text:
                    "4.2 Practitioners across all of the agencies involved did not have the consultation time or the information they needed at the point of decision. The review does not find that any one professional could have predicted the injuries."
            ),
            Expected(
                page: 5, section: "4. Findings",
                text:
                    "4.3 The partnership should consider how the learning from this review will be tested in one year, and how the voice of the child will be kept at the centre of single and multi-agency practice."
            ),
            Expected(
                page: 6, section: "5. Recommendations",
                text:
                    "5.1 The partnership should seek assurance that the bruising protocol is known to all out of hours and urgent care clinicians, and that its use is audited twice a year."
            ),
            Expected(
                page: 6, section: "5. Recommendations",
                text:
                    "5.2 Children's social care should ensure that screening decisions on police notifications about households with a baby under one year are reviewed by a manager within one working day."
            ),
            Expected(
                page: 6, section: "5. Recommendations",
                text:
                    "5.3 The health and care partners should agree how the out of hours service, the early help hub and the health visiting service will see each other's records of contact with families who have a baby."
            ),
            Expected(
                page: 6, section: "5. Recommendations",
                text:
                    "5.4 Maternity services should ensure that routine enquiry about domestic abuse is repeated at a later appointment whenever it could not be asked safely, and that the reason is recorded."
            ),
            Expected(
                page: 6, section: "Appendix A: Glossary",
                text:
                    "Early help hub: the multi-agency team that offers support to families below the threshold for statutory social work."
            ),
            Expected(
                page: 6, section: "Appendix A: Glossary",
                text:
                    "Strategy discussion: a meeting of police, children's social care and health to decide whether enquiries under section 47 of the Children Act 1989 should start."
            ),
        ]
        expectExcerpts(review, expected)
    }

    @Test func aPDFsRunningHeadersFootersPageNumbersAndContentsAreRemovedAndListed() throws {
        let layout = try #require(try review(documents + "/overview-report.pdf").layout)
        let reasons = Dictionary(grouping: layout.removed, by: \.reason).mapValues(\.count)
        #expect(reasons[.runningHeader] == 5)
        #expect(reasons[.runningFooter] == 5)
        #expect(reasons[.contents] == 7)
        #expect(
            layout.removed.filter { $0.reason == .runningFooter }.map(\.text).allSatisfy {
                $0.hasPrefix("OFFICIAL – SENSITIVE") && $0.contains("Page")
            })
        #expect(layout.pageCount == 6)
    }

    @Test func aWordReportKeepsItsHeadingsNumberedParagraphsListsAndTablesButNotItsHeaderOrComments() throws {
        let review = try review(documents + "/overview-report.docx")
        #expect(review.title == "Serious Case Review: Child M")
        let expected = [
            Expected(
                page: 1, section: "",
                text:
                    "Larchford Safeguarding Children Partnership\nOverview Report\nAuthor: Jane Leather\nPublished: 22nd June 2021"
            ),
            Expected(
                page: 2, section: "1. Introduction",
                text:
                    "1.1 This serious case review was commissioned by the Larchford Safeguarding Children Partnership after Child M, aged four months, was admitted to hospital with injuries found to be non-accidental."
            ),
            Expected(
                page: 2, section: "1. Introduction",
                text:
                    "1.2 The terms of reference asked the review to consider:\n1. the period from the booking appointment to the admission;\n2. how information about the father's history was shared;\n3. whether the bruising protocol was followed."
            ),
            Expected(
                page: 2, section: "2. Background › 2.1 Family composition",
                text: "Relationship | Age at time of incident\nChild M | 4 months\nMother | 24 (at the birth: 23)"),
            Expected(
                page: 2, section: "2. Background › 2.1 Family composition",
                text:
                    "2.2 Child M was non-mobile and was seen by the out of hours safeguarding team once.\nThe record of the visit was brief."
            ),
            Expected(
                page: 3, section: "3. Key practice episodes",
                text:
                    "3.4 A strategy discussion was not convened when Child M, who was non-mobile, was seen by the out of hours general practitioner with a bruise to the left cheek."
            ),
            Expected(
                page: 3, section: "3. Key practice episodes",
                text:
                    "3.5 The out of hours doctor told the review that there was no time to discuss the case during a busy call-out shift."
            ),
            Expected(
                page: 3, section: "3. Key practice episodes",
                text:
                    "3.10 Taken together, the episodes show a pattern in which each agency held a part of the picture."),
            Expected(
                page: 3, section: "4. Findings",
                text:
                    "• Bruising in a non-mobile baby was not referred in line with the protocol.\n• Screening decisions were not reviewed by a manager."
            ),
            Expected(
                page: 3, section: "4. Findings",
                text: "4.1 The review does not find that any one professional could have predicted the injuries."),
            Expected(page: 3, section: "4. Findings", text: "4. Practitioners lacked consultation time."),
            Expected(page: 3, section: "4. Findings", text: "5. Records were not linked."),
        ]
        expectExcerpts(review, expected)
        #expect(!review.excerpts.contains { $0.text.contains("OFFICIAL") || $0.text.contains("Check the date") })
    }

    /// The same report as PDF-to-text sites serve it (poppler's drawing-order and layout text, page breaks gone):
    /// the same excerpts under the same sections, pages from the "Page N of 6" lines.
    @Test(arguments: ["overview-report.copied.txt", "overview-report.copied-layout.txt"])
    func theReportCopiedAsTextIsCutAsThePDFIs(_ file: String) throws {
        let pdf = try review(documents + "/overview-report.pdf").excerpts
        let copied = try review(documents + "/" + file).excerpts
        #expect(copied.count == pdf.count)
        for (text, original) in zip(copied, pdf) {
            // Text has no table cells: a row's cells are separated by spaces only.
            #expect(text.section == original.section)
            #expect(text.text == original.text.replacingOccurrences(of: " | ", with: " "))
        }
        // Where the title page ends is not in the text; every page after it is.
        #expect(copied.dropFirst().map(\.page) == pdf.dropFirst().map(\.page))
    }

    @Test func aWordReportsFootnotesAndEndnotesFollowItsTextMarkedWhereTheyAreCited() throws {
        expectExcerpts(
            try review(documents + "/notes.docx"),
            [
                Expected(page: nil, section: "", text: "1.1 The review drew on the agencies' chronologies.[1]"),
                Expected(
                    page: nil, section: "",
                    text: "1.2 Health visiting records were incomplete.[2] The GP record was not seen.[i]"),
                Expected(page: nil, section: "Footnotes", text: "[1] Chronologies were provided by six agencies."),
                Expected(page: nil, section: "Footnotes", text: "[2] The records for 2019 could not be found."),
                Expected(page: nil, section: "Endnotes", text: "[i] The GP practice closed in 2020."),
            ])
    }

    @Test func aScannedPDFIsRefusedBecauseItHasNoTextLayer() {
        #expect(refusal("scanned.pdf")?.reason.contains("no text layer") == true)
    }

    @Test func anEncryptedPDFIsRefusedSayingSo() {
        #expect(refusal("encrypted.pdf")?.reason.contains("encrypted") == true)
    }

    @Test func aTruncatedPDFIsRefusedAsNotReadable() {
        #expect(refusal("truncated.pdf")?.reason.contains("not a readable PDF") == true)
        #expect(refusal("truncated.pdf")?.file.hasSuffix("truncated.pdf") == true)
    }

    @Test func aDamagedWordFileIsRefusedWithItsPart() {
        #expect(refusal("damaged.docx")?.reason.contains("word/document.xml is damaged") == true)
        #expect(refusal("not-a-zip.docx")?.reason.contains("not a Word .docx file") == true)
    }

    @Test func aPageWithoutTextIsReportedNotSilentlyDropped() throws {
        let review = try review(documents + "/partly-scanned.pdf")
        #expect(review.layout?.pagesWithoutText == [2])
        #expect(review.excerpts.map(\.page) == [1, 3])
    }

    /// Source words = words kept in excerpts, section names and the title + words of removed lines + words joined
    /// again at a line-end hyphen (two pieces become one word).
    @Test(arguments: [
        "documents/overview-report.pdf", "documents/overview-report.docx", "documents/notes.docx",
        "documents/partly-scanned.pdf",
        "documents/overview-report.copied.txt", "documents/overview-report.copied-layout.txt",
        "import/scr-procedure-working-together-2015.txt", "import/lipp-external-evaluation-report-2017.txt",
        "import/awkward.txt", "import/planted-review.txt", "import/planted-identifiers.md",
    ])
    func everyWordOfASourceIsKeptOrReportedAsRemoved(_ file: String) throws {
        let path = TestSupport.fixtures + "/" + file
        let bytes = try FileSystem.readBytes(path)
        let document: SourceDocument
        let markdown = file.hasSuffix(".md")
        if file.hasSuffix(".pdf") {
            document = try PDFText.read(bytes, path: path)
        } else if file.hasSuffix(".docx") {
            document = try DocxText.read(bytes, file: path)
        } else {
            document = TextDocument.read(
                try ImportedText.decode(bytes, file: path), markup: markdown ? .markdown : .plainText)
        }
        let layout = ReportLayout(isMarkdown: markdown, isEnglishWord: EnglishWords.contains).lay(document)
        let source = document.lines.reduce(0) { $0 + WordCount.words($1.text) }
        let kept =
            layout.blocks.reduce(0) { $0 + WordCount.words($1.text) }
            + layout.headings.reduce(0) { $0 + WordCount.words($1) }
            + (layout.title.map(WordCount.words) ?? 0)
        let removed = layout.removed.reduce(0) { $0 + WordCount.words($1.text) }
        #expect(source > 0)
        #expect(source == kept + removed + layout.rejoinedWords)
    }

    @Test func theProcedureCopiedFromAWebPageBecomesCodableExcerpts() throws {
        let review = try review(TestSupport.fixtures + "/import/scr-procedure-working-together-2015.txt")
        #expect(review.excerpts.count >= 15)
        #expect(review.excerpts.allSatisfy { $0.text.unicodeScalars.count <= 3_000 })
        #expect(review.excerpts.contains { $0.section == "Appointing Reviewers" })
    }
}

/// Counts words as runs of letters and digits, so punctuation, bullets and table bars are not words.
enum WordCount {
    static func words(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar && !inWord { count += 1 }
            inWord = isWordScalar
        }
        return count
    }
}
