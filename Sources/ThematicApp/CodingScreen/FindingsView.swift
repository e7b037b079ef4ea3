import TerminalUI
import ThematicCore

/// The anonymisation check in the coding screen, so a lead can step through the open findings, jump to each
/// excerpt, and allow or redact one with a reason (recorded in identifiers.json with who and when).
enum FindingsView {
    /// Runs the check when the overlay opens (never at start-up: the first screen stays fast).
    static func overlay(in state: CodingScreenState) -> Result<Overlay?, StudyLoadError> {
        let register: IdentifierRegister
        do { register = try IdentifierRegister.load(state.study.folder) } catch { return .failure(error) }
        let findings = IdentifierCheck.findings(in: state.study, register: register)
        guard !findings.isEmpty else { return .success(nil) }
        let width = findings.map { DisplayWidth.of($0.reference) }.max() ?? 0
        let lines = findings.map { "\($0.reference.padded(to: width))  \($0.rule.rawValue)  \"\($0.text)\"" }
        return .success(
            Overlay(
                kind: .findings(references: findings.map(\.reference)),
                title:
                    "\(findings.count) open identifier finding\(findings.count == 1 ? "" : "s") (Enter shows; a allows, R redacts, each with a reason)",
                lines: lines, targets: findings.map { excerptShown(for: $0, in: state.study.corpus) }))
    }

    /// The excerpt Enter shows for a finding: its own, or for a review's title or attribute the review's first.
    private static func excerptShown(for finding: IdentifierFinding, in corpus: Corpus) -> String {
        if corpus.excerpt(finding.excerptID) != nil { return finding.excerptID }
        return corpus.review(finding.excerptID)?.excerpts.first?.id ?? finding.excerptID
    }

    /// Records that `reference` may stay, with the coder as the one who decided.
    static func allow(_ reference: String, why: String, in state: CodingScreenState) throws -> String {
        let finding = try IdentifierRegister.update(state.study.folder) { register in
            let finding = try IdentifierCheck.finding(reference, in: state.study, register: register)
            IdentifierCheck.allow(finding, by: state.coder, why: why, in: &register)
            return finding
        }
        return "allowed \(reference) (\(finding.rule.rawValue) \"\(finding.text)\"); recorded in identifiers.json"
    }

    /// Replaces the finding's text by its placeholder in the corpus. Every coder's spans decide whether that is safe
    /// (a span after the finding would move), so this reads all coders' files from disk, though the screen shows none.
    static func redact(_ reference: String, why: String, in state: CodingScreenState) throws -> (Review, String) {
        let whole = try StudyReader.load(state.study.folder).study
        let (finding, review) = try IdentifierRegister.update(whole.folder) { register in
            let finding = try IdentifierCheck.finding(reference, in: whole, register: register)
            let review = try IdentifierCheck.redact(
                finding, in: whole, by: state.coder, why: why, register: &register, openSessionOf: state.coder)
            return (finding, review)
        }
        return (
            review,
            "redacted \(reference): \"\(finding.text)\" is now \(finding.rule.placeholder) in the corpus; recorded in identifiers.json"
        )
    }
}

extension CodingScreenState {
    /// Shows a review's new text after a redaction (its excerpts and ids are unchanged).
    mutating func replaceReview(_ review: Review) {
        corpus = Corpus(reviews: corpus.reviews.map { $0.id == review.id ? review : $0 })
        study.corpus = corpus
    }

    /// Shows what the anonymisation check found (`FindingsView.overlay`, run by the driver), or why it could not run.
    mutating func showFindings(_ check: Result<Overlay?, StudyLoadError>) {
        switch check {
        case .success(let list):
            overlay = list
            if list == nil { message = "the anonymisation check finds nothing open" }
        case .failure(let error): message = "cannot read the identifier register: \(error)"
        }
    }

    /// After a decision: the findings list as the check reads it again, the selection kept in place, or closed when
    /// none is left.
    mutating func findingDecided(_ report: String, findings check: Result<Overlay?, StudyLoadError>) {
        let selected = overlay?.selected ?? 0
        switch check {
        case .success(var list):
            if let count = list?.lines.count { list?.selected = min(selected, count - 1) }
            overlay = list
        case .failure: overlay = nil
        }
        message = report
    }
}
