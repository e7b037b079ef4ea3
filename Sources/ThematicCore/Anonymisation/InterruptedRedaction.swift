/// A redaction an earlier run wrote to the corpus but was killed before it recorded in identifiers.json: the review
/// holds a rule's placeholder where the finding was, and the register has no redaction there. Running the same
/// redaction again records it, so the second run finishes what the first began instead of refusing a finding that is
/// no longer open.
extension IdentifierCheck {
    /// The decision the interrupted run would have recorded for `reference`, or nil when the place holds no
    /// placeholder or its redaction is already recorded.
    static func interruptedRedaction(
        _ reference: String, in study: Study, register: IdentifierRegister, by: String, why: String, at time: String
    ) -> IdentifierRegister.Decision? {
        // A malformed reference is refused with its reason by `finding`, which the caller asks next.
        guard let (id, field, start) = try? place(of: reference) else { return nil }
        guard let text = Self.text(of: field, at: id, in: study), start >= 0 else { return nil }
        let rest = text.unicodeScalars.dropFirst(start)
        guard
            let rule = IdentifierRule.allCases.first(where: { rest.starts(with: $0.placeholder.unicodeScalars) }),
            !register.decisions.contains(where: {
                $0.excerptID == id && $0.field == field && $0.range.start == start
            })
        else { return nil }
        return IdentifierRegister.Decision(
            excerptID: id, range: TextSpan(start: start, end: start + rule.placeholder.unicodeScalars.count),
            rule: rule, action: .redacted(placeholder: rule.placeholder), by: by, why: why, at: time, field: field)
    }

    /// The text a finding's field holds: an excerpt's text or section name, a review's title or an attribute value.
    private static func text(of field: IdentifierFinding.Field, at id: String, in study: Study) -> String? {
        switch field {
        case .text: study.corpus.excerpt(id)?.text
        case .section: study.corpus.excerpt(id)?.section
        case .title: study.corpus.review(id)?.title
        case .attribute(let name): study.corpus.review(id)?.attributes[name]
        }
    }
}
