import CanonicalJSON
import Testing
import ThematicTestSupport

@testable import ThematicCore

/// A redaction sees every coder's spans as they are on disk, and no coder or lead narrows one while it is being
/// written.
@Suite struct IdentifierRedactionLockingTests {
    /// The valid study with a review whose one excerpt names somebody at offset 10, and whose region is a place.
    private func study() throws -> StudyFolder {
        let folder = try TestSupport.validStudy()
        let review = Review(
            id: "F1", title: "Visits", attributes: ["region": "Wakefield"],
            excerpts: [Excerpt(id: "F1-001", section: "Home", text: "Report by Jane Leather at home, twice a week.")])
        try AtomicFile.write(
            CanonicalWriter.pretty(ReviewFormat.encode(review)), to: folder.url(StudyFolder.reviewFile("F1")))
        return folder
    }

    private func redact(_ folder: StudyFolder, in study: Study, openSessionOf coder: String? = nil) throws -> Review {
        var register = IdentifierRegister()
        let finding = try IdentifierCheck.finding("F1-001@10", in: study, register: register)
        return try IdentifierCheck.redact(
            finding, in: study, by: "lena", why: "a real name", register: &register, openSessionOf: coder)
    }

    @Test func aRedactionWaitsWhileACoderHasACodingSessionOpenAndNamesThem() throws {
        let folder = try study()
        let session = try CodingSession(folder: folder, coder: "ben")
        defer { try? session.close() }
        #expect {
            try redact(folder, in: try TestSupport.load(folder))
        } throws: { error in
            "\(error)".hasPrefix("ben has the study open in a coding session (pid ")
        }
        #expect(try TestSupport.load(folder).corpus.excerpt("F1-001")?.text.contains("Jane Leather") == true)
    }

    @Test func aSpanNarrowedAfterTheStudyWasReadStopsTheRedaction() throws {
        let folder = try study()
        let read = try TestSupport.load(folder)
        let session = try CodingSession(folder: folder, coder: "asha")
        try session.record(
            "F1-001",
            ExcerptCoding(
                finished: false, codes: ["A1": AppliedCode(spans: [TextSpan(start: 25, end: 32)])],
                updated: "2026-12-01T10:00:00Z", codebookRevision: read.codebook.revision))
        try session.close()
        #expect(throws: IdentifierCheck.Refusal.self) {
            try redact(folder, in: read)
        }
        #expect(try TestSupport.load(folder).corpus.excerpt("F1-001")?.text.contains("Jane Leather") == true)
    }

    @Test func theCoderWhoseScreenMakesTheRedactionIsNotWaitedFor() throws {
        let folder = try study()
        let session = try CodingSession(folder: folder, coder: "ben")
        defer { try? session.close() }
        let review = try redact(folder, in: try TestSupport.load(folder), openSessionOf: "ben")
        #expect(review.excerpts.first?.text == "Report by [NAME] at home, twice a week.")
    }

    @Test func aRedactionInExcerptTextWaitsWhileALeadReconcilesAndSaysWhy() throws {
        let folder = try study()
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        defer { session.close() }
        #expect {
            try redact(folder, in: try TestSupport.load(folder))
        } throws: { error in
            "\(error)".hasPrefix("a reconciliation session has consensus.json open (pid ")
                && "\(error)".hasSuffix(
                    "redacting F1-001@10 moves the text the lead's coded spans point into, so it waits until the lead closes that session. Nothing was changed."
                )
        }
        #expect(try TestSupport.load(folder).corpus.excerpt("F1-001")?.text.contains("Jane Leather") == true)
    }

    @Test func anAttributeRedactionMovesNoSpanAndDoesNotWaitForALeadReconciling() throws {
        let folder = try study()
        let read = try TestSupport.load(folder)
        let session = try ReconciliationSession(folder: folder, lead: "lena")
        defer { session.close() }
        var register = IdentifierRegister()
        let finding = try IdentifierCheck.finding("F1#attribute:region@0", in: read, register: register)
        let review = try IdentifierCheck.redact(finding, in: read, by: "lena", why: "a place", register: &register)
        #expect(review.attributes["region"] == finding.rule.placeholder)
    }
}
