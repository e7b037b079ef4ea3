import ThematicTestSupport

@testable import ThematicCore

/// Small studies written in code for the reconciliation tests: two reviews, six excerpts, codes A1-A3 under A.
enum ReconcileFixture {
    static let excerpts = ["R1-1", "R1-2", "R1-3", "R1-4", "R2-1", "R2-2"]

    /// A study whose coders finished the given excerpts with the given codes (whole excerpt).
    static func study(_ codings: [String: [String: [String]]]) throws -> StudyFolder {
        let folder = StudyFolder(path: TestFolders.scratch() + "/study")
        let codebook = Codebook(
            title: "Test codes",
            codes: [
                Code(id: "A", name: "Assessment", codable: false),
                Code(id: "A1", name: "Risk not assessed", parent: "A", brief: "No assessment of risk was made."),
                Code(id: "A2", name: "History ignored", parent: "A", brief: "Earlier events were not considered."),
                Code(id: "A3", name: "Voice of the child", parent: "A", brief: "The child was not heard."),
                Code(id: "A4", name: "Old code", parent: "A", status: .retired),
            ])
        var study = try StudyCreator.create(
            at: folder, title: "Reconcile test", codebook: codebook, now: "2026-11-01T09:00:00Z")
        study.corpus = Corpus(reviews: [
            Review(
                id: "R1", title: "Review one",
                excerpts: (1...4).map {
                    Excerpt(
                        id: "R1-\($0)", section: "Findings", text: "Excerpt \($0) of review one, long enough for spans."
                    )
                }),
            Review(
                id: "R2", title: "Review two",
                excerpts: (1...2).map {
                    Excerpt(id: "R2-\($0)", section: "Background", text: "Excerpt \($0) of review two.")
                }),
        ])
        for (coder, excerpts) in codings {
            study.codings[coder] = Coding(
                coder: coder,
                excerpts: excerpts.mapValues { codes in
                    ExcerptCoding(
                        finished: true, codes: Dictionary(uniqueKeysWithValues: codes.map { ($0, AppliedCode()) }),
                        updated: "2026-11-02T10:00:00Z", codebookRevision: 1)
                })
        }
        try StudyWriter.save(study)
        return folder
    }

    /// Changes one coder's codes for one excerpt the way a coder does: through their own session.
    static func recode(_ folder: StudyFolder, coder: String, _ excerptID: String, _ codes: [String]) throws {
        let session = try CodingSession(folder: folder, coder: coder)
        try session.record(
            excerptID,
            ExcerptCoding(
                finished: true, codes: Dictionary(uniqueKeysWithValues: codes.map { ($0, AppliedCode()) }),
                updated: "2026-11-05T10:00:00Z", codebookRevision: 1))
        try session.close()
    }
}
