import Foundation
import Testing
import ThematicTestSupport

@testable import ThematicCore

@Suite struct ReimportTests {
    private func newStudy() throws -> Study {
        try StudyCreator.create(
            at: StudyFolder(path: TestFolders.scratch() + "/study"), title: "Import", codebook: nil,
            now: "2026-11-23T10:00:00Z")
    }

    private func markdown(_ paragraphs: [String], id: String = "R1") throws -> ImportContent {
        let text = "# Review one\n\n## Findings\n\n" + paragraphs.joined(separator: "\n\n")
        return try ImportFile.parse(Array(text.utf8), file: "\(id).md", format: .markdown)
    }

    private func importing(_ contents: [ImportContent], into study: Study, acceptChanges: Bool = false) throws -> (
        ImportPlan, Study
    ) {
        let plan = try CorpusImport.plan(study, contents: contents)
        try CorpusImport.apply(plan, to: study, acceptChanges: acceptChanges)
        return (plan, try StudyReader.load(study.folder).study)
    }

    @Test func aNewReviewGetsNumberedExcerptIdsInReadingOrder() throws {
        let (plan, study) = try importing([try markdown(["First.", "Second.", "Third."])], into: try newStudy())
        #expect(study.corpus.review("R1")?.excerpts.map(\.id) == ["R1-001", "R1-002", "R1-003"])
        #expect(study.corpus.review("R1")?.title == "Review one")
        #expect(plan.reports.first?.isNew == true)
    }

    @Test func reimportingUnchangedTextWritesNothing() throws {
        let (_, study) = try importing([try markdown(["First.", "Second."])], into: try newStudy())
        let before = try FolderSnapshot.take(study.folder.path)
        let (plan, _) = try importing([try markdown(["First.", "Second."])], into: study)
        #expect(plan.reviews.isEmpty)
        #expect(plan.reports.first?.unchanged == true)
        #expect(try FolderSnapshot.take(study.folder.path) == before)
    }

    @Test func reimportKeepsTheIdsOfUnchangedTextAndReportsChangedAddedAndVanished() throws {
        let (_, study) = try importing(
            [try markdown(["First.", "Second.", "Third.", "Fourth."])], into: try newStudy())
        let (plan, after) = try importing(
            [try markdown(["Second.", "First.", "Third, rewritten.", "Fifth."])], into: study)
        #expect(after.corpus.review("R1")?.excerpts.map(\.id) == ["R1-002", "R1-001", "R1-005", "R1-006"])
        let report = try #require(plan.reports.first)
        #expect(report.kept == ["R1-002", "R1-001"])
        #expect(report.changed.map { "\($0.old)->\($0.new)" } == ["R1-003->R1-005", "R1-004->R1-006"])
        #expect(report.vanished == [])
        #expect(report.added == [])
    }

    @Test func aFreshIdIsNeverOneThatACodingStillMentions() {
        let outcome = ExcerptMatcher.match(
            reviewID: "R1", old: [Excerpt(id: "R1-001", section: "", text: "A.")],
            new: [DraftExcerpt(section: "", text: "A."), DraftExcerpt(section: "", text: "B.")],
            knownIDs: ["R1-007", "R10-050"])
        #expect(outcome.excerpts.map(\.id) == ["R1-001", "R1-008"])
    }

    @Test func repeatedIdenticalParagraphsKeepTheirIdsInOrder() {
        let old = [
            Excerpt(id: "R1-001", section: "", text: "Same."), Excerpt(id: "R1-002", section: "", text: "Same."),
        ]
        let outcome = ExcerptMatcher.match(
            reviewID: "R1", old: old,
            new: [DraftExcerpt(section: "", text: "Same."), DraftExcerpt(section: "", text: "Same.")])
        #expect(outcome.excerpts.map(\.id) == ["R1-001", "R1-002"])
    }

    @Test func aChangeToACodedExcerptIsRefusedAndTheStudyIsUntouched() throws {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        let study = try StudyReader.load(folder).study
        let before = try FolderSnapshot.take(folder.path)
        var review = try #require(study.corpus.review("R01"))
        review.excerpts[3].text += " A sentence added later."
        let draft = ImportedReview(
            id: "R01", excerpts: review.excerpts.map { DraftExcerpt(section: $0.section, text: $0.text) },
            file: "R01.txt")
        let plan = try CorpusImport.plan(study, contents: [.reviews([draft])])
        #expect(plan.affected.map(\.excerptID) == ["R01-004"])
        #expect(plan.affected.first?.coders == ["asha", "ben"])
        #expect(throws: ImportWouldOrphanCodings.self) { try CorpusImport.apply(plan, to: study, acceptChanges: false) }
        #expect(try FolderSnapshot.take(folder.path) == before)
    }

    @Test func acceptingChangesRemovesTheOrphanedCodingsThroughTheCodersSessions() throws {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        let study = try StudyReader.load(folder).study
        var review = try #require(study.corpus.review("R01"))
        review.excerpts[3].text += " A sentence added later."
        let draft = ImportedReview(
            id: "R01", excerpts: review.excerpts.map { DraftExcerpt(section: $0.section, text: $0.text) },
            file: "R01.txt")
        let (plan, after) = try importing([.reviews([draft])], into: study, acceptChanges: true)
        let newID = try #require(plan.reports.first?.changed.first?.new)
        #expect(after.corpus.excerpt("R01-004") == nil)
        #expect(after.corpus.excerpt(newID)?.text.hasSuffix("added later.") == true)
        #expect(after.codings["asha"]?.excerpts["R01-004"] == nil)
        #expect(after.codings["asha"]?.excerpts["R01-005"] != nil)
        #expect(StudyReader.read(folder).errors == [])
    }

    @Test func acceptingChangesIsRefusedWhileAnAffectedCoderIsCoding() throws {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        let study = try StudyReader.load(folder).study
        var review = try #require(study.corpus.review("R01"))
        review.excerpts[3].text = "Rewritten."
        let draft = ImportedReview(
            id: "R01", excerpts: review.excerpts.map { DraftExcerpt(section: $0.section, text: $0.text) },
            file: "R01.txt")
        let plan = try CorpusImport.plan(study, contents: [.reviews([draft])])
        let session = try CodingSession(folder: folder, coder: "ben")
        let before = try FolderSnapshot.take(folder.path)
        #expect(throws: (any Error).self) { try CorpusImport.apply(plan, to: study, acceptChanges: true) }
        // Lock files belong to sessions (and to .gitignore), not to the study.
        #expect(
            try FolderSnapshot.take(folder.path).filter { !$0.key.hasSuffix(".lock") }
                == before.filter { !$0.key.hasSuffix(".lock") })
        try session.close()
    }

    @Test func attributeRowsAttachToReviewsOfTheStudy() throws {
        let (_, study) = try importing([try markdown(["First."], id: "R20")], into: try newStudy())
        let rows = try ImportFile.read(TestSupport.fixtures + "/import/attributes.csv")
        let excerpts = try ImportFile.read(TestSupport.fixtures + "/import/excerpts.csv")
        let (_, after) = try importing([excerpts, rows], into: study)
        #expect(after.corpus.review("R20")?.attributes["childAgeBand"] == "Under 1")
        #expect(after.corpus.review("R21")?.attributes["year"] == "2017")
        #expect(after.corpus.review("R20")?.source == "https://example.org/r20")
    }

    @Test func anAttributeRowForAnUnknownReviewIsRefusedWithItsLine() throws {
        let study = try newStudy()
        let rows = try ImportFile.read(TestSupport.fixtures + "/import/attributes.csv")
        #expect(throws: ImportRefused.self) { try CorpusImport.plan(study, contents: [rows]) }
        do { _ = try CorpusImport.plan(study, contents: [rows]) } catch {
            #expect(error.problems.map(\.line) == [2, 3])
        }
    }

    @Test func theSameReviewFromTwoFilesIsRefused() throws {
        #expect(throws: ImportRefused.self) {
            try CorpusImport.plan(try newStudy(), contents: [try markdown(["A."]), try markdown(["B."])])
        }
    }

    @Test func aReviewInTheCorpusFormatKeepsItsIdsInANewStudy() throws {
        let bytes = try FileSystem.readBytes(TestFolders.demoStudy + "/corpus/R02.json")
        let (_, after) = try importing(
            [try ImportFile.parse(bytes, file: "R02.json", format: .json)], into: try newStudy())
        #expect(try FileSystem.readBytes(after.folder.url("corpus/R02.json")) == bytes)
    }
    @Test func acceptingChangesRemovesTheConsensusDecisionOfAVanishedExcerpt() throws {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        let study = try StudyReader.load(folder).study
        let review = try #require(study.corpus.review("R01"))
        let draft = review.redrafted(without: "R01-008")
        let (plan, after) = try importing([.reviews([draft])], into: study, acceptChanges: true)
        #expect(plan.reports.first?.vanished == ["R01-008"])
        #expect(plan.affected.first?.inConsensus == true)
        #expect(after.consensus.excerpts["R01-008"] == nil)
        #expect(after.consensus.excerpts.count == study.consensus.excerpts.count - 1)
        #expect(StudyReader.read(folder).errors == [])
    }

    @Test func aReimportKilledBetweenItsWritesLeavesAStudyThatLoadsAndThatTheSameImportFinishes() throws {
        let folder = try TestFolders.copyStudy(TestFolders.demoStudy)
        let study = try StudyReader.load(folder).study
        let review = try #require(study.corpus.review("R01"))
        let draft = review.redrafted(without: "R01-008")
        let plan = try CorpusImport.plan(study, contents: [.reviews([draft])])
        #expect(plan.affected.contains { $0.excerptID == "R01-008" && $0.inConsensus })
        // The study as a kill would leave it at each step the import reports.
        let watcher = StepCopies(of: folder.path)
        try CorpusImport.apply(plan, to: study, acceptChanges: true, progress: watcher)
        #expect(watcher.copies.count >= 3)
        for (step, copy) in watcher.copies {
            #expect(StudyReader.read(StudyFolder(path: copy)).errors == [], "killed at \(step)")
        }
        let killed = StudyFolder(
            path: try #require(watcher.copies.first { $0.step.hasPrefix("importing: 0 of") }?.path))
        let rerun = try CorpusImport.plan(try StudyReader.load(killed).study, contents: [.reviews([draft])])
        #expect(rerun.affected.isEmpty)
        try CorpusImport.apply(rerun, to: try StudyReader.load(killed).study, acceptChanges: false)
        let finished = try StudyReader.load(killed).study
        #expect(finished.corpus.excerpt("R01-008") == nil)
        #expect(finished.consensus.excerpts["R01-008"] == nil)
        #expect(StudyReader.read(killed).errors == [])
    }

    @Test func reimportingTextKeepsTheReviewsAttributesAndTitle() throws {
        let (_, study) = try importing([try markdown(["First."], id: "R20")], into: try newStudy())
        let rows = ImportContent.attributes([
            ReviewAttributes(reviewID: "R20", title: "Named", attributes: ["year": "2016"], file: "a.csv", line: 2)
        ])
        let (_, named) = try importing([rows], into: study)
        let text = try ImportFile.parse(Array("Second.\n".utf8), file: "R20.txt", format: .text)
        let (_, after) = try importing([text], into: named)
        #expect(after.corpus.review("R20")?.attributes == ["year": "2016"])
        #expect(after.corpus.review("R20")?.title == "Named")
        #expect(after.corpus.review("R20")?.excerpts.map(\.id) == ["R20-002"])
    }
}

/// Copies the study at every step an operation reports (one thread at a time: the copies are the study as a kill at
/// that step would leave it).
private final class StepCopies: ProgressReporter, @unchecked Sendable {
    private let source: String
    private let lock = NSLock()
    private(set) var copies: [(step: String, path: String)] = []

    init(of source: String) { self.source = source }

    func report(_ phase: String, done: Int, total: Int, unit: String) {
        lock.withLock {
            let path = TestFolders.scratch() + "/step-\(copies.count)"
            guard (try? TestFolders.copyTree(source, path)) != nil else { return }
            copies.append((progressLine(phase, done: done, total: total, unit: unit), path))
        }
    }
}

extension Review {
    /// The review as a re-import would bring it in with one excerpt gone from its text.
    func redrafted(without excerptID: String) -> ImportedReview {
        ImportedReview(
            id: id,
            excerpts: excerpts.filter { $0.id != excerptID }.map { DraftExcerpt(section: $0.section, text: $0.text) },
            file: "\(id).txt")
    }
}
