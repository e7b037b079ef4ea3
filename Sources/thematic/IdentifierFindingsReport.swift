import ThematicCore

/// The anonymisation check's findings as `thematic check --identifiers` and `thematic identifiers` print them.
enum IdentifierFindingsReport {
    /// One open finding: its reference, rule, text, field and why the rule flags it.
    static func line(_ finding: IdentifierFinding) -> String {
        let place = finding.field == .text ? "" : "in the \(finding.field)  "
        return
            "\(finding.reference)  \(finding.rule.rawValue)  \"\(finding.text)\"  \(place)(\(finding.rule.explanation))"
    }

    /// The line for a study with no open finding, counting what the register holds.
    static func nothingOpen(in path: String, register: IdentifierRegister) -> String {
        "\(path): the anonymisation check finds nothing open (\(count(register.decisions.count, "decision")), \(count(register.allowedTerms.count, "allowed term")) recorded)."
    }

    /// How a reviewer settles the open findings.
    static func howToSettle(_ open: Int, in path: String) -> String {
        "\(path): \(count(open, "open anonymisation finding")); settle each with `thematic identifiers allow` or `redact` (with --why), or `allow-term`"
    }

    /// One decision recorded in identifiers.json.
    static func line(_ decision: IdentifierRegister.Decision) -> String {
        let reference = "\(decision.excerptID)\(decision.field.tag.map { "#" + $0 } ?? "")@\(decision.range.start)"
        let what: String
        switch decision.action {
        case .allowed(let text): what = "allowed   \(reference)  \(decision.rule.rawValue)  \"\(text)\""
        case .redacted(let placeholder): what = "redacted  \(reference)  \(decision.rule.rawValue)  as \(placeholder)"
        }
        return "\(what)  by \(decision.by) at \(decision.at): \(decision.why)"
    }

    /// One term allowed everywhere.
    static func line(_ term: IdentifierRegister.AllowedTerm) -> String {
        "allowed term  \"\(term.term)\"  by \(term.by) at \(term.at): \(term.why)"
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
