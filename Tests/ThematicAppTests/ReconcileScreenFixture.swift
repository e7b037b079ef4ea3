import Foundation
import TerminalUI
import ThematicCore
import ThematicTestSupport

@testable import ThematicApp

/// A small study on disk to reconcile: two reviews, six excerpts (one in Japanese), codes A1-A3 under a category,
/// coders asha and ben (and cara on two excerpts), some codes narrowed to spans.
///
/// Between asha and ben, R1-1, R1-3, R1-4, R2-1 and R2-2 are disagreements and R1-2 is agreed.
enum ReconcileStudy {
    static let time = "2026-11-24T10:00:00Z"

    static let codebook = Codebook(
        title: "Test codes", revision: 2,
        codes: [
            Code(id: "A", name: "Assessment", codable: false),
            Code(
                id: "A1", name: "Risk not assessed", parent: "A", brief: "No assessment of risk was made.",
                whenToUse: "nobody weighed the danger", whenNotToUse: "an assessment was made but was poor (A2)"),
            Code(id: "A2", name: "History ignored", parent: "A", brief: "Earlier events were not considered."),
            Code(id: "A3", name: "Voice of the child", parent: "A", brief: "The child was not heard."),
            Code(id: "A4", name: "Old code", parent: "A", status: .retired),
        ])

    static let corpus = Corpus(reviews: [
        Review(
            id: "R1", title: "Review one",
            excerpts: [
                Excerpt(
                    id: "R1-1", section: "Findings",
                    text: "Mother moved house twice. No risk assessment followed either move."),
                Excerpt(id: "R1-2", section: "Findings", text: "The school saw bruises and told nobody."),
                Excerpt(id: "R1-3", section: "Findings", text: "Earlier concerns were not read by the new team."),
                Excerpt(id: "R1-4", section: "Analysis", text: "The child was never asked how things were at home."),
            ]),
        Review(
            id: "R2", title: "Review two",
            excerpts: [
                Excerpt(id: "R2-1", section: "背景", text: "家族は二度引っ越したが、記録は新しい学校に送られなかった。子どもの声は聞かれなかった。"),
                Excerpt(id: "R2-2", section: "Background", text: "Agencies met once and did not meet again."),
            ]),
    ])

    /// Codes per coder per excerpt; a code with spans is narrowed to them.
    typealias Codings = [String: [String: [String: [TextSpan]]]]

    static let twoCoders: Codings = [
        "asha": [
            "R1-1": ["A1": [], "A2": [TextSpan(start: 0, end: 25)]], "R1-2": ["A1": []], "R1-3": ["A3": []],
            "R1-4": ["A1": []], "R2-1": ["A2": [TextSpan(start: 0, end: 8)]], "R2-2": [:],
        ],
        "ben": [
            "R1-1": ["A1": []], "R1-2": ["A1": []], "R1-3": ["A2": []],
            "R1-4": ["A1": [], "A3": []], "R2-1": ["A3": [TextSpan(start: 29, end: 40)]], "R2-2": ["A1": []],
        ],
    ]

    static var threeCoders: Codings {
        var codings = twoCoders
        codings["cara"] = ["R1-1": ["A1": [], "A3": [TextSpan(start: 26, end: 66)]], "R1-3": ["A3": []]]
        return codings
    }

    /// Writes the study to a new temporary folder.
    /// `pages` gives some excerpts the PDF page they start on (excerpt id -> page).
    static func folder(_ codings: Codings = twoCoders, pages: [String: Int] = [:]) throws -> StudyFolder {
        var study = Study(
            folder: StudyFolder(path: NSTemporaryDirectory() + "thematic-reconcile-" + UUID().uuidString),
            manifest: StudyManifest(title: "Reconcile study", created: time),
            codebook: codebook, corpus: corpus.withPages(pages), codings: [:], consensus: Consensus())
        for (coder, excerpts) in codings {
            study.codings[coder] = Coding(
                coder: coder,
                excerpts: excerpts.mapValues { codes in
                    ExcerptCoding(
                        finished: true, codes: codes.mapValues { AppliedCode(spans: $0) }, updated: time,
                        codebookRevision: 2)
                })
        }
        _ = try StudyWriter.save(study)
        return study.folder
    }

    /// Changes a coder's codes the way a coder does: through their own session.
    static func recode(_ folder: StudyFolder, coder: String, _ excerptID: String, _ codes: [String]) throws {
        let session = try CodingSession(folder: folder, coder: coder)
        try session.record(
            excerptID,
            ExcerptCoding(
                finished: true, codes: Dictionary(uniqueKeysWithValues: codes.map { ($0, AppliedCode()) }),
                updated: time, codebookRevision: 2))
        try session.close()
    }

    /// The consensus as the next reader of the study sees it.
    static func consensus(_ folder: StudyFolder) throws -> Consensus {
        try StudyReader.load(folder).study.consensus
    }

    /// Opens the lead's session, presses `keys` on the screen, quits, and releases the lock.
    @discardableResult
    static func run(
        _ folder: StudyFolder, lead: String = "lena", coders: [String]? = nil, keys: [String],
        size: Size = Size(rows: 30, columns: 100), onDraw: @escaping (Screen) -> Void = { _ in }
    ) throws -> (ReconcileScreenDriver, ScriptedTerminal) {
        let session = try ReconciliationSession(folder: folder, lead: lead, coders: coders)
        defer { session.close() }
        let terminal = ScriptedTerminal(keys: keys, size: size, onDraw: onDraw)
        let app = ReconcileScreenDriver(session: session, terminal: terminal, clock: { time })
        app.run()
        return (app, terminal)
    }

    /// A state for the study in `folder`, without a session (nothing is written).
    static func state(_ folder: StudyFolder, coders: [String]? = nil, rows: Int = 30, columns: Int = 100) throws
        -> ReconcileState
    {
        let study = try StudyReader.load(folder).study
        return ReconcileState(
            study: study, reconciliation: try Reconciliation(study: study, coders: coders), lead: "lena",
            size: Size(rows: rows, columns: columns))
    }
}

extension Array where Element == String {
    /// Each character of `text` as a key, for typing into a prompt.
    static func typing(_ text: String) -> [String] { text.map { $0 == " " ? "<Space>" : String($0) } }
}
