import Foundation
import TerminalUI
import ThematicCore
import ThematicTestSupport

@testable import ThematicApp

/// A small hand-made study for the agreement screen: two reviews, eight excerpts, three coders (cara only on part of
/// the first review), a category with two codes (one with a CJK name), a top-level code and a code nobody used.
///
/// Between asha and ben: C1 is disputed on R1-2 and R2-2, C2 on R1-3, R on R2-1 (asha has not finished R2-4).
/// With cara too, C2 is also disputed on R1-4 and R on R1-2.
enum AgreementFixture {
    static let time = "2026-11-24T10:00:00Z"

    static let codebook = Codebook(
        title: "Test codebook", revision: 1,
        codes: [
            Code(id: "C", name: "Communication", codable: false),
            Code(id: "C1", name: "Referral not made", parent: "C"),
            Code(id: "C2", name: "情報が失われた", parent: "C"),
            Code(id: "R", name: "Risk assessment"),
            Code(id: "N", name: "Never used"),
        ])

    static let corpus = Corpus(reviews: [
        Review(
            id: "R1", title: "First review",
            excerpts: [
                Excerpt(id: "R1-1", section: "Background", text: "The family moved often. Records were not sent on."),
                Excerpt(
                    id: "R1-2", section: "Findings",
                    text: "The school saw bruises. Nobody made a referral, and the risk was never assessed."),
                Excerpt(id: "R1-3", section: "Findings", text: "家族 visited the clinic twice; the notes stayed behind."),
                Excerpt(id: "R1-4", section: "Analysis", text: "Records were lost between two health visiting teams."),
            ]),
        Review(
            id: "R2", title: "Second review",
            excerpts: [
                Excerpt(id: "R2-1", section: "Analysis", text: "The assessment relied on one account."),
                Excerpt(id: "R2-2", section: "Analysis", text: "The nursery was worried and told nobody."),
                Excerpt(id: "R2-3", section: "Findings", text: "Risk was judged from one visit."),
                Excerpt(id: "R2-4", section: "Findings", text: "Agencies met once."),
            ]),
    ])

    /// Each coder's finished excerpts and their codes; an excerpt left out is not finished.
    static let codings: [String: [String: [String]]] = [
        "asha": [
            "R1-1": ["C1"], "R1-2": ["C1", "R"], "R1-3": [], "R1-4": ["C2"], "R2-1": ["R"], "R2-2": ["C1"],
            "R2-3": ["R"],
        ],
        "ben": [
            "R1-1": ["C1"], "R1-2": ["R"], "R1-3": ["C2"], "R1-4": ["C2"], "R2-1": [], "R2-2": [], "R2-3": ["R"],
            "R2-4": ["C1"],
        ],
        "cara": ["R1-1": ["C1"], "R1-2": ["C1"], "R1-4": []],
    ]

    static func study() -> Study {
        var codingFiles: [String: Coding] = [:]
        for (coder, excerpts) in codings {
            var coding = Coding(coder: coder)
            for (excerpt, codes) in excerpts {
                coding.excerpts[excerpt] = ExcerptCoding(
                    finished: true, codes: Dictionary(uniqueKeysWithValues: codes.map { ($0, AppliedCode()) }),
                    updated: time, codebookRevision: 1)
            }
            codingFiles[coder] = coding
        }
        // An excerpt cara started but has not finished: missing, never "absent".
        codingFiles["cara"]!.excerpts["R1-3"] = ExcerptCoding(
            finished: false, codes: ["C2": AppliedCode()], updated: time, codebookRevision: 1)
        return Study(
            folder: StudyFolder(path: "/nowhere"),
            manifest: StudyManifest(title: "Agreement test study", created: time),
            codebook: codebook, corpus: corpus, codings: codingFiles, consensus: Consensus())
    }

    static func state(
        coders: [String]? = ["asha", "ben"], rows: Int = 30, columns: Int = 120, pages: [String: Int] = [:]
    ) throws -> AgreementScreenState {
        var study = study()
        study.corpus = study.corpus.withPages(pages)
        return try AgreementScreenState(
            study: study, selection: AgreementSelection(coders: coders), size: Size(rows: rows, columns: columns))
    }

    /// The demo study shipped in SampleData.
    static func demo() throws -> Study {
        try StudyReader.load(StudyFolder(path: TestFolders.demoStudy)).study
    }

    static func demoState(coders: [String]? = nil, rows: Int = 60, columns: Int = 200) throws -> AgreementScreenState {
        try AgreementScreenState(
            study: demo(), selection: AgreementSelection(coders: coders), size: Size(rows: rows, columns: columns))
    }
}

extension AgreementScreenState {
    /// Codes in the order the table shows them.
    var shownCodes: [String] { order.map { table.rows[$0].code } }

    var screen: Screen { AgreementScreenView.render(self) }
}
