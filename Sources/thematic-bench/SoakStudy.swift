import Foundation
import ThematicCore

/// The study every soak trial starts from: the demo study, copied once by the real `thematic demo`, and what the
/// writers need from it (undecided disagreements, open anonymisation findings in a review imported for them, files to import).
struct SoakStudy {
    /// The pristine copy each trial copies again.
    var template: String
    /// Excerpts the lead can decide, in the queue's order.
    var undecided: [String]
    /// Open findings in excerpt text, as `thematic check --identifiers` lists them.
    var findings: [String]
    /// A text file that imports as a new review.
    var newReview: String
    /// A review of the study with one excerpt's text changed: re-importing it rewrites the coders' files.
    var changedReview: String
    /// A REFI-QDA project of the study with a review more, whose attribute the study does not define
    /// (`projectAttribute`): importing it writes that review, each coder's records and the manifest.
    var project: String
    static let projectAttribute = "soakPhase"

    struct Unusable: Error, CustomStringConvertible {
        var description: String
    }

    static func make(in scratch: String, thematic: String) throws -> SoakStudy {
        let template = scratch + "/template"
        let copied = try SoakProcess.run(thematic, ["demo", template, "--copy-only"])
        guard copied.status == 0 else { throw Unusable(description: "`thematic demo \(template) --copy-only` failed") }
        // The demo is anonymised: a review naming a person and a place gives the redactions something to redact.
        let named = scratch + "/soak-names.txt"
        try Data(Self.namedReviewText.utf8).write(to: URL(fileURLWithPath: named))
        guard try SoakProcess.run(thematic, ["import", template, named]).status == 0 else {
            throw Unusable(description: "`thematic import \(template) \(named)` failed")
        }
        let study = try StudyReader.load(StudyFolder(path: template)).study
        let undecided = try Reconciliation(study: study).items.filter { $0.state != .decided }.map(\.excerpt.id)
        _ = try WordLists.folder()
        let findings = IdentifierCheck.findings(in: study, register: try IdentifierRegister.load(study.folder))
            .filter { $0.field == .text }.map(\.reference)
        guard undecided.count >= 2, !findings.isEmpty else {
            throw Unusable(description: "the demo study has no disagreement or no open finding left to soak")
        }

        let newReview = scratch + "/soak-review.txt"
        try Data(Self.newReviewText.utf8).write(to: URL(fileURLWithPath: newReview))
        let review = study.corpus.reviews[0].id
        let original = try String(
            contentsOfFile: "\(template)/\(StudyFolder.corpusFolder)/\(review).json", encoding: .utf8)
        // The first excerpt's text gains a word: its id changes, and the codings on it go with --accept-changes.
        guard let firstText = original.range(of: "\"text\": \"") else {
            throw Unusable(description: "cannot find the first excerpt's text in review \(review)")
        }
        let changed = original.replacingCharacters(in: firstText, with: "\"text\": \"Revised: ")
        try FileManager.default.createDirectory(atPath: scratch + "/changed", withIntermediateDirectories: true)
        let changedReview = "\(scratch)/changed/\(review).json"
        try Data(changed.utf8).write(to: URL(fileURLWithPath: changedReview))
        return SoakStudy(
            template: template, undecided: undecided, findings: findings, newReview: newReview,
            changedReview: changedReview,
            project: try makeProject(of: template, adding: newReview, in: scratch, thematic: thematic))
    }

    /// Exports a copy of the template, with `review` imported and given an attribute the template lacks, as a
    /// REFI-QDA project.
    private static func makeProject(of template: String, adding review: String, in scratch: String, thematic: String)
        throws -> String
    {
        let source = scratch + "/project-source"
        try FileManager.default.copyItem(atPath: template, toPath: source)
        guard try SoakProcess.run(thematic, ["import", source, review]).status == 0 else {
            throw Unusable(description: "`thematic import \(source) \(review)` failed")
        }
        var study = try StudyReader.load(StudyFolder(path: source)).study
        study.manifest.attributes.append(AttributeDefinition(id: projectAttribute, label: "Soak phase"))
        study.corpus = Corpus(
            reviews: study.corpus.reviews.map { review in
                var review = review
                if review.id == "soak-review" { review.attributes[projectAttribute] = "one" }
                return review
            })
        try StudyWriter.save(study)
        let project = scratch + "/soak-project.qdpx"
        guard try SoakProcess.run(thematic, ["codebook", "export", source, "--output", project]).status == 0 else {
            throw Unusable(description: "`thematic codebook export \(source) --output \(project)` failed")
        }
        return project
    }

    /// A fresh copy of the template in `path`.
    func copy(to path: String) throws {
        try FileManager.default.copyItem(atPath: template, toPath: path)
    }

    private static let namedReviewText = """
        # A named review

        The social worker, Sarah Jennings, visited the family at their home in Wakefield on a Tuesday.

        A second paragraph without names says that the visit was not followed up by anybody.

        """

    private static let newReviewText = """
        # A soak review

        The first paragraph of a review the soak imports, long enough to be an excerpt of its own.

        The second paragraph says that the agencies shared information late and that nobody followed it up.

        The third paragraph ends the review with its recommendations for the safeguarding partnership.

        """
}
