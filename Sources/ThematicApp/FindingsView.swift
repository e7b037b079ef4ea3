import ThematicCore
import TerminalUI

/// The anonymisation check in the coding screen, so a lead can step through the open findings and jump to each
/// excerpt. Deciding stays with `thematic check --identifiers --allow/--redact`, which records who decided and why.
enum FindingsView {
    /// Runs the check when the overlay opens (never at start-up: the first screen stays fast).
    static func overlay(in state: AppState) -> Result<Overlay?, StudyLoadError> {
        let register: IdentifierRegister
        do { register = try IdentifierRegister.load(state.study.folder) } catch { return .failure(error) }
        let findings = IdentifierCheck.findings(in: state.study, register: register)
        guard !findings.isEmpty else { return .success(nil) }
        let width = findings.map { $0.reference.count }.max() ?? 0
        let lines = findings.map { "\($0.reference.padded(to: width))  \($0.rule.rawValue)  \"\($0.text)\"" }
        return .success(Overlay(kind: .findings,
                                title: "\(findings.count) open identifier finding\(findings.count == 1 ? "" : "s") (Enter shows; decide with thematic check --identifiers)",
                                lines: lines, targets: findings.map(\.excerptID)))
    }
}
