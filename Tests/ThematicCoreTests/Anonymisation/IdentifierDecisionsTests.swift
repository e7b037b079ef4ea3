import CanonicalJSON
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A reviewer's decisions made together (`thematic identifiers`), on review F1: one name in its title, its "author"
/// attribute, and the section name of two excerpts.
@Suite struct IdentifierDecisionsTests {
    private func study() throws -> Study {
        let study = try StudyCreator.create(
            at: StudyFolder(path: TestFolders.scratch() + "/study"), title: "Decisions", codebook: nil)
        let review = Review(
            id: "F1", title: "Serious case review concerning Jayden Harrow",
            attributes: ["author": "Report by Jane Leather"],
            excerpts: [
                Excerpt(id: "F1-001", section: "Family of Jayden Harrow", text: "the family moved twice in a year."),
                Excerpt(
                    id: "F1-002", section: "Family of Jayden Harrow",
                    text: "the school noticed the child was often late."),
            ])
        try AtomicFile.write(
            CanonicalWriter.pretty(ReviewFormat.encode(review)), to: study.folder.url(StudyFolder.reviewFile("F1")))
        return try TestSupport.load(study.folder)
    }

    @Test func allowedAndRedactedFindingsAreRecordedWithWhoAndWhyAndNoLongerOpen() throws {
        let study = try study()
        let decisions = IdentifierDecisions(
            allowed: ["F1#title@31"], redacted: ["F1#attribute:author@10"], by: "lena", why: "checked")
        let outcome = try decisions.apply(to: study, at: "2026-12-01T10:00:00Z")
        #expect(outcome.allowedCount == 1)
        #expect(outcome.redactions.map(\.reference) == ["F1#attribute:author@10"])
        #expect(try IdentifierRegister.load(study.folder) == outcome.register)
        #expect(outcome.register.decisions.map(\.by) == ["lena", "lena"])
        #expect(outcome.study.corpus.review("F1")?.attributes["author"] == "Report by [NAME]")
        #expect(
            IdentifierCheck.findings(in: outcome.study, register: outcome.register).map(\.reference) == [
                "F1-001#section@10"
            ])
    }

    /// Soak seed 9810: a redaction killed after it wrote the review and before it saved identifiers.json. Run again,
    /// it records the decision instead of refusing a finding that is no longer open.
    @Test func aRedactionKilledBeforeItWasRecordedIsRecordedWhenRunAgain() throws {
        let study = try study()
        let finding = try IdentifierCheck.finding("F1#attribute:author@10", in: study, register: IdentifierRegister())
        var unsaved = IdentifierRegister()
        _ = try IdentifierCheck.redact(finding, in: study, by: "lena", why: "a real name", register: &unsaved)
        #expect(try IdentifierRegister.load(study.folder).decisions.isEmpty)
        let killed = try TestSupport.load(study.folder)
        let outcome = try IdentifierDecisions(redacted: ["F1#attribute:author@10"], by: "lena", why: "a real name")
            .apply(to: killed, at: "2026-12-01T10:00:00Z")
        #expect(outcome.completed == ["F1#attribute:author@10"])
        #expect(outcome.redactions.isEmpty)
        let saved = try IdentifierRegister.load(study.folder)
        #expect(saved.decisions.map(\.action) == [.redacted(placeholder: "[NAME]")])
        #expect(saved.decisions.first?.range == TextSpan(start: 10, end: 16))
        #expect(try TestSupport.load(study.folder).corpus.review("F1")?.attributes["author"] == "Report by [NAME]")
        #expect(throws: IdentifierCheck.Refusal.self) {
            try IdentifierDecisions(redacted: ["F1#attribute:author@10"], by: "lena", why: "again").apply(to: killed)
        }
    }

    @Test func aSectionNameNamedThroughEachOfItsExcerptsIsRedactedOnce() throws {
        let study = try study()
        let outcome = try IdentifierDecisions(
            redacted: ["F1-001#section@10", "F1-002#section@10"], by: "lena", why: "a real name"
        ).apply(to: study)
        #expect(outcome.redactions.count == 1)
        #expect(
            try TestSupport.load(study.folder).corpus.review("F1")?.excerpts.map(\.section) == [
                "Family of [NAME]", "Family of [NAME]",
            ])
    }

    @Test func anAllowedTermIsRecordedOnce() throws {
        let study = try study()
        _ = try IdentifierDecisions(allowedTerms: ["Harrow"], by: "lena", why: "invented").apply(to: study)
        let outcome = try IdentifierDecisions(allowedTerms: ["harrow"], by: "omar", why: "still invented").apply(
            to: study)
        #expect(outcome.register.allowedTerms.map(\.term) == ["harrow"])
        #expect(outcome.allowedCount == 1)
    }

    @Test func aReferenceToNoOpenFindingChangesNothing() throws {
        let study = try study()
        let before = try FolderSnapshot.take(study.folder.path)
        #expect(throws: IdentifierCheck.Refusal.self) {
            try IdentifierDecisions(allowed: ["F1#title@31"], redacted: ["F1-001@3"], by: "lena", why: "checked").apply(
                to: study)
        }
        #expect(try FolderSnapshot.take(study.folder.path) == before)
    }
}
