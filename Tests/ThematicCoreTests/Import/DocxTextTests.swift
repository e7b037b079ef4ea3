import Testing

@testable import ThematicCore

@Suite struct DocxTextTests {
    private let folder = TestSupport.fixtures + "/documents"

    private func read(_ name: String) throws -> SourceDocument {
        try DocxText.read(try FileSystem.readBytes(folder + "/" + name), file: name)
    }

    private func problem(_ name: String) throws -> ImportProblem? {
        let bytes = try FileSystem.readBytes(folder + "/" + name)
        do {
            _ = try DocxText.read(bytes, file: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func theOverviewReportReadsAsParagraphsHeadingsAndTableRowsWithTheirPages() throws {
        let document = try read("overview-report.docx")
        #expect(
            document.lines == [
                SourceLine("Larchford Safeguarding Children Partnership", page: 1, role: .paragraph),
                SourceLine("Serious Case Review: Child M", page: 1, role: .heading(level: 0)),
                SourceLine("Overview Report", page: 1, role: .paragraph),
                SourceLine("Author: Jane Leather", page: 1, role: .paragraph),
                SourceLine("Published: 22nd June 2021", page: 1, role: .paragraph),
                SourceLine("1. Introduction", page: 2, role: .heading(level: 1)),
                SourceLine(
                    "1.1 This serious case review was commissioned by the Larchford Safeguarding Children Partnership "
                        + "after Child M, aged four months, was admitted to hospital with injuries found to be non-accidental.",
                    page: 2, role: .paragraph),
                SourceLine("1.2 The terms of reference asked the review to consider:", page: 2, role: .paragraph),
                SourceLine("1. the period from the booking appointment to the admission;", page: 2, role: .paragraph),
                SourceLine("2. how information about the father's history was shared;", page: 2, role: .paragraph),
                SourceLine("3. whether the bruising protocol was followed.", page: 2, role: .paragraph),
                SourceLine("2. Background", page: 2, role: .heading(level: 1)),
                SourceLine("2.1 Family composition", page: 2, role: .heading(level: 2)),
                SourceLine("Relationship | Age at time of incident", page: 2, role: .tableRow(first: true)),
                SourceLine("Child M | 4 months", page: 2, role: .tableRow(first: false)),
                SourceLine("Mother | 24 (at the birth: 23)", page: 2, role: .tableRow(first: false)),
                SourceLine(
                    "2.2 Child M was non-mobile and was seen by the out of hours safeguarding team once.\n"
                        + "The record of the visit was brief.", page: 2, role: .paragraph),
                SourceLine("3. Key practice episodes", page: 3, role: .heading(level: 1)),
                SourceLine(
                    "3.4 A strategy discussion was not convened when Child M, who was non-mobile, was seen by the out "
                        + "of hours general practitioner with a bruise to the left cheek.", page: 3, role: .paragraph),
                SourceLine(
                    "3.5 The out of hours doctor told the review that there was no time to discuss the case during a "
                        + "busy call-out shift.", page: 3, role: .paragraph),
                SourceLine(
                    "3.10 Taken together, the episodes show a pattern in which each agency held a part of the picture.",
                    page: 3, role: .paragraph),
                SourceLine("4. Findings", page: 3, role: .heading(level: 1)),
                SourceLine(
                    "• Bruising in a non-mobile baby was not referred in line with the protocol.", page: 3,
                    role: .paragraph),
                SourceLine("• Screening decisions were not reviewed by a manager.", page: 3, role: .paragraph),
                SourceLine(
                    "4.1 The review does not find that any one professional could have predicted the injuries.",
                    page: 3, role: .paragraph),
                SourceLine("4. Practitioners lacked consultation time.", page: 3, role: .paragraph),
                SourceLine("5. Records were not linked.", page: 3, role: .paragraph),
            ])
    }

    @Test func theTitleAndPageCountComeFromTheFile() throws {
        let document = try read("overview-report.docx")
        #expect(document.title == "Serious Case Review: Child M – Overview Report")
        #expect(document.pageCount == 3)
        #expect(document.pagesWithoutText == [])
    }

    @Test func headersFootersAndCommentsAreNotRead() throws {
        let text = try read("overview-report.docx").lines.map(\.text).joined(separator: "\n")
        #expect(!text.contains("OFFICIAL"))
        #expect(!text.contains("Check the date of admission"))
        #expect(!text.contains("on two occasions"))
    }

    @Test func aDocumentCutMidTagIsRefusedAsDamaged() throws {
        let error = try problem("damaged.docx")
        #expect(error?.file == "damaged.docx")
        #expect(error?.reason.hasPrefix("word/document.xml is damaged: not well-formed XML (at line ") == true)
    }

    @Test func aTextFileNamedDocxIsRefusedAsNotAZip() throws {
        #expect(
            try problem("not-a-zip.docx")
                == ImportProblem(file: "not-a-zip.docx", reason: "not a Word .docx file (not a ZIP archive)"))
    }

    @Test func aPDFIsRefusedAsNotAZip() throws {
        #expect(try problem("overview-report.pdf")?.reason == "not a Word .docx file (not a ZIP archive)")
    }

    @Test func emptyBytesAreRefusedWithoutACrash() {
        #expect(throws: ImportProblem(file: "empty.docx", reason: "not a Word .docx file (not a ZIP archive)")) {
            try DocxText.read([], file: "empty.docx")
        }
    }

    @Test func numberFormatsRenderAsWordShowsThem() {
        #expect(DocxNumbering.render(4, format: "lowerLetter") == "d")
        #expect(DocxNumbering.render(28, format: "upperLetter") == "BB")
        #expect(DocxNumbering.render(14, format: "lowerRoman") == "xiv")
        #expect(DocxNumbering.render(1994, format: "upperRoman") == "MCMXCIV")
        #expect(DocxNumbering.render(7, format: "decimal") == "7")
    }
}
