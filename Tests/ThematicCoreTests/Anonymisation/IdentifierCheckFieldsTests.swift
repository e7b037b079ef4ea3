import CanonicalJSON
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// The anonymisation check reads what a reader sees besides excerpt text: section names, titles, attribute values.
@Suite struct IdentifierCheckFieldsTests {
    /// Review F1: a name in its title and its "author" attribute, and in the section name of its first five excerpts.
    private func study() throws -> Study {
        let study = try StudyCreator.create(
            at: StudyFolder(path: TestFolders.scratch() + "/study"), title: "Fields", codebook: nil)
        let family = "Family of Jayden Harrow"
        let texts = [
            "the family moved twice in a year.", "the school noticed the child was often late.",
            "the health visitor made a home visit.",
            "the case was closed after a strategy discussion.", "the child was seen by a doctor.",
            "agencies shared little about the family.",
        ]
        let review = Review(
            id: "F1", title: "Serious case review concerning Jayden Harrow",
            attributes: ["author": "Report by Jane Leather", "year": "2016"],
            excerpts: texts.enumerated().map { index, text in
                Excerpt(id: "F1-00\(index + 1)", section: index < 5 ? family : "Agency involvement", text: text)
            })
        try AtomicFile.write(
            CanonicalWriter.pretty(ReviewFormat.encode(review)), to: study.folder.url(StudyFolder.reviewFile("F1")))
        return try TestSupport.load(study.folder)
    }

    private func open(_ study: Study, _ register: IdentifierRegister = IdentifierRegister()) -> [IdentifierFinding] {
        IdentifierCheck.findings(in: study, register: register)
    }

    @Test func aNameInASectionNameIsFoundOnceThoughFiveExcerptsCarryIt() throws {
        let found = open(try study()).filter { $0.field == .section }
        #expect(found.map(\.reference) == ["F1-001#section@10"])
        #expect(found.map(\.text) == ["Jayden Harrow"])
    }

    @Test func aNameInTheTitleIsFound() throws {
        let found = open(try study()).filter { $0.field == .title }
        #expect(found.map(\.reference) == ["F1#title@31"])
        #expect(found.map(\.text) == ["Jayden Harrow"])
    }

    @Test func aNameInAnAttributeValueIsFound() throws {
        let found = open(try study()).filter { $0.field == .attribute("author") }
        #expect(found.map(\.reference) == ["F1#attribute:author@10"])
        #expect(found.map(\.text) == ["Jane Leather"])
    }

    @Test func findingsAreListedInReadingOrder() throws {
        #expect(open(try study()).map(\.reference) == ["F1#title@31", "F1#attribute:author@10", "F1-001#section@10"])
    }

    @Test func aSectionNameCanBeNamedThroughAnyExcerptCarryingIt() throws {
        let study = try study()
        let finding = try IdentifierCheck.finding("F1-004#section@10", in: study, register: IdentifierRegister())
        #expect(finding.reference == "F1-001#section@10")
    }

    @Test func anUnknownFieldInAReferenceIsRefused() throws {
        let study = try study()
        #expect(throws: IdentifierCheck.Refusal.self) {
            try IdentifierCheck.finding("F1#subtitle@0", in: study, register: IdentifierRegister())
        }
        #expect(throws: IdentifierCheck.Refusal.self) {
            try IdentifierCheck.finding("F1#attribute:@0", in: study, register: IdentifierRegister())
        }
        #expect(throws: IdentifierCheck.Refusal.self) {
            try IdentifierCheck.finding("F9#title@0", in: study, register: IdentifierRegister())
        }
    }

    @Test func redactingASectionNameReplacesItInEveryExcerptCarryingItAndRecordsIt() throws {
        let study = try study()
        var register = IdentifierRegister()
        try IdentifierCheck.redact(
            try IdentifierCheck.finding("F1-001#section@10", in: study, register: register),
            in: study, by: "lena", why: "a real name", register: &register, at: "2026-12-04T10:00:00Z")
        let after = try TestSupport.load(study.folder)
        let review = try #require(after.corpus.review("F1"))
        #expect(
            review.excerpts.map(\.section) == Array(repeating: "Family of [NAME]", count: 5) + ["Agency involvement"])
        #expect(review.excerpts.map(\.text) == study.corpus.review("F1")?.excerpts.map(\.text))
        #expect(review.title == "Serious case review concerning Jayden Harrow")
        #expect(
            register.decisions == [
                .init(
                    excerptID: "F1-001", range: TextSpan(start: 10, end: 16), rule: .personalName,
                    action: .redacted(placeholder: "[NAME]"), by: "lena", why: "a real name",
                    at: "2026-12-04T10:00:00Z", field: .section)
            ])
        #expect(!open(after, register).contains { $0.field == .section })
    }

    @Test func redactingTheTitleReplacesOnlyTheTitle() throws {
        let study = try study()
        var register = IdentifierRegister()
        try IdentifierCheck.redact(
            try IdentifierCheck.finding("F1#title@31", in: study, register: register),
            in: study, by: "lena", why: "a real name", register: &register)
        let review = try #require(try TestSupport.load(study.folder).corpus.review("F1"))
        #expect(review.title == "Serious case review concerning [NAME]")
        #expect(review.excerpts == study.corpus.review("F1")?.excerpts)
        #expect(review.attributes == study.corpus.review("F1")?.attributes)
        #expect(register.decisions.map(\.field) == [.title])
        #expect(register.decisions.map(\.excerptID) == ["F1"])
    }

    @Test func redactingAnAttributeReplacesOnlyThatAttributesValue() throws {
        let study = try study()
        var register = IdentifierRegister()
        try IdentifierCheck.redact(
            try IdentifierCheck.finding("F1#attribute:author@10", in: study, register: register),
            in: study, by: "lena", why: "the author is named", register: &register)
        let review = try #require(try TestSupport.load(study.folder).corpus.review("F1"))
        #expect(review.attributes == ["author": "Report by [NAME]", "year": "2016"])
        #expect(review.title == study.corpus.review("F1")?.title)
        #expect(review.excerpts == study.corpus.review("F1")?.excerpts)
        #expect(register.decisions.map(\.field) == [.attribute("author")])
    }

    @Test(arguments: ["F1-001#section@10", "F1#title@31", "F1#attribute:author@10"])
    func anAllowedFindingInAFieldIsNoLongerReportedAndOthersStay(reference: String) throws {
        let study = try study()
        var register = IdentifierRegister()
        IdentifierCheck.allow(
            try IdentifierCheck.finding(reference, in: study, register: register), by: "lena", why: "a pseudonym",
            in: &register)
        let references = open(study, register).map(\.reference)
        #expect(!references.contains(reference))
        #expect(references.count == 2)
        #expect(try TestSupport.load(study.folder).corpus == study.corpus)
    }

    @Test func allowingTheSameTextInOneFieldDoesNotAllowItInAnother() throws {
        let study = try study()
        var register = IdentifierRegister()
        IdentifierCheck.allow(
            try IdentifierCheck.finding("F1#title@31", in: study, register: register), by: "lena", why: "a pseudonym",
            in: &register)
        #expect(open(study, register).contains { $0.field == .section && $0.text == "Jayden Harrow" })
    }

    @Test func anAllowedTermIsNotReportedInAnyField() throws {
        let study = try study()
        var register = IdentifierRegister()
        IdentifierCheck.allowTerm("jayden harrow", by: "lena", why: "the review's own pseudonym", in: &register)
        IdentifierCheck.allowTerm("Jane Leather", by: "lena", why: "the review's own pseudonym", in: &register)
        #expect(open(study, register).isEmpty)
    }

    @Test func aFieldRedactionIsNotRefusedForSpansInTheText() throws {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        var study = try TestSupport.load(folder)
        // asha narrowed A3 on R01-004 to [285, 470): a text redaction there would be refused, a title one is not.
        var review = try #require(study.corpus.review("R01"))
        review.title += " about Jayden Harrow"
        study.corpus = Corpus(reviews: study.corpus.reviews.map { $0.id == "R01" ? review : $0 })
        // The redaction replaces the review only as the study read it from disk.
        try AtomicFile.write(
            CanonicalWriter.pretty(ReviewFormat.encode(review)), to: folder.url(StudyFolder.reviewFile("R01")))
        let finding = try #require(open(study).first { $0.field == .title })
        var register = IdentifierRegister()
        let redacted = try IdentifierCheck.redact(
            finding, in: study, by: "lena", why: "a real name", register: &register)
        #expect(redacted.title.hasSuffix(" about [NAME]"))
    }
}
