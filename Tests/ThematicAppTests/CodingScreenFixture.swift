import TerminalUI
import ThematicCore

@testable import ThematicApp

/// A small study to drive the coding screen with: two reviews, five excerpts, a category with three codes (one
/// with a free hotkey, one whose hotkey clashes with a navigation key) and a top-level code.
enum Fixture {
    static let time = "2026-11-24T10:00:00Z"

    static let codebook = Codebook(
        title: "Test codebook", revision: 3,
        codes: [
            Code(id: "C", name: "Communication", codable: false, brief: "How agencies talk", colour: "#336699"),
            Code(
                id: "C1", name: "Referral not made", parent: "C", brief: "A worry was not passed on",
                whenToUse: "a professional saw a risk and told nobody", hotkey: "z"),
            Code(
                id: "C2", name: "Information lost", parent: "C", brief: "Records did not follow the family", hotkey: "j"
            ),
            Code(id: "C3", name: "Retired code", parent: "C", status: .retired),
            Code(
                id: "R", name: "Risk assessment", brief: "Risk judged without the whole picture",
                example: "The assessment relied on Mother's account alone."),
        ])

    static let corpus = Corpus(reviews: [
        Review(
            id: "R1", title: "First review",
            excerpts: [
                Excerpt(id: "R1-1", section: "Background", text: "The family moved often. Records were not sent on."),
                Excerpt(id: "R1-2", section: "Findings", text: "The school saw bruises. Nobody made a referral."),
                Excerpt(id: "R1-3", section: "Findings", text: "家族 visited the clinic twice."),
            ]),
        Review(
            id: "R2", title: "Second review",
            excerpts: [
                Excerpt(id: "R2-1", section: "Analysis", text: "The assessment relied on one account."),
                Excerpt(id: "R2-2", section: "Analysis", text: "Agencies met once."),
            ]),
    ])

    static func study() -> Study {
        Study(
            folder: StudyFolder(path: "/nowhere"),
            manifest: StudyManifest(title: "Test study", created: time),
            codebook: codebook, corpus: corpus, codings: [:], consensus: Consensus())
    }

    static func state(
        coding: Coding = Coding(coder: "tester"), rows: Int = 24, columns: Int = 80,
        pages: [String: Int] = [:]
    ) -> CodingScreenState {
        var study = study()
        study.corpus = study.corpus.withPages(pages)
        return CodingScreenState(study: study, coding: coding, size: Size(rows: rows, columns: columns))
    }
}

extension Corpus {
    /// The same corpus with some excerpts starting on a PDF page (excerpt id -> page), as a PDF import gives them.
    func withPages(_ pages: [String: Int]) -> Corpus {
        Corpus(
            reviews: reviews.map { review in
                var review = review
                for index in review.excerpts.indices { review.excerpts[index].page = pages[review.excerpts[index].id] }
                return review
            })
    }
}

extension CodingEffect {
    var recorded: ExcerptCoding?? {
        if case .record(_, let decision) = self { return .some(decision) }
        return nil
    }
}
