import Testing
import ThematicTestSupport

@testable import ThematicCore

/// Two reviewers recording decisions at once never lose one: identifiers.json is updated under its lock, and only
/// if nobody changed it since it was read.
@Suite struct IdentifierRegisterUpdateTests {
    private func allowTerm(_ term: String, by reviewer: String, in register: inout IdentifierRegister) {
        IdentifierCheck.allowTerm(term, by: reviewer, why: "invented", in: &register, at: "2026-12-01T10:00:00Z")
    }

    @Test func aSecondReviewerWaitsWhileTheFirstRecordsDecisions() throws {
        let folder = StudyFolder(path: TestFolders.scratch())
        try IdentifierRegister.update(folder) { register in
            allowTerm("Larchford", by: "lena", in: &register)
            #expect(throws: StudyLocks.Refusal.self) {
                try IdentifierRegister.update(folder) { allowTerm("Harrow", by: "omar", in: &$0) }
            }
        }
        #expect(try IdentifierRegister.load(folder).allowedTerms.map(\.term) == ["Larchford"])
    }

    @Test func aRegisterChangedOnDiskMeanwhileIsNotOverwritten() throws {
        let folder = StudyFolder(path: TestFolders.scratch())
        var pulled = IdentifierRegister()
        allowTerm("Harrow", by: "omar", in: &pulled)
        #expect(throws: FileSnapshot.Changed(file: IdentifierRegister.file)) {
            try IdentifierRegister.update(folder) { register in
                allowTerm("Larchford", by: "lena", in: &register)
                try pulled.save(to: folder)
            }
        }
        #expect(try IdentifierRegister.load(folder) == pulled)
    }

    @Test func decisionsRecordedBeforeAFailureAreSaved() throws {
        let folder = StudyFolder(path: TestFolders.scratch())
        #expect(throws: IdentifierCheck.Refusal.self) {
            try IdentifierRegister.update(folder) { register in
                allowTerm("Larchford", by: "lena", in: &register)
                throw IdentifierCheck.Refusal(description: "a later redaction was refused")
            }
        }
        #expect(try IdentifierRegister.load(folder).allowedTerms.map(\.term) == ["Larchford"])
    }
}
