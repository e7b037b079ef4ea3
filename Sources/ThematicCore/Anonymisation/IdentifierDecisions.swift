/// A reviewer's decisions on the anonymisation check's open findings, made together by one person for one reason
/// (`thematic identifiers allow|allow-term|redact`): findings allowed, terms allowed everywhere, findings redacted
/// in the corpus; all recorded in identifiers.json.
public struct IdentifierDecisions: Sendable {
    /// References to findings that do not identify anybody, as `IdentifierFinding.reference` writes them.
    public var allowed: [String] = []
    /// Text never to flag anywhere in the study.
    public var allowedTerms: [String] = []
    /// References to findings whose text is replaced by the rule's placeholder.
    public var redacted: [String] = []
    public var by: String
    public var why: String

    public init(allowed: [String] = [], allowedTerms: [String] = [], redacted: [String] = [], by: String, why: String) {
        self.allowed = allowed
        self.allowedTerms = allowedTerms
        self.redacted = redacted
        self.by = by
        self.why = why
    }

    /// What the decisions did: the study with its corpus as redacted, and the register as saved.
    public struct Outcome: Sendable {
        public var study: Study
        public var register: IdentifierRegister
        public var allowedCount: Int
        /// In the order they were made.
        public var redactions: [IdentifierFinding]
        /// Redactions an interrupted run had written to the corpus, now recorded (`IdentifierCheck.interruptedRedaction`).
        public var completed: [String] = []
    }

    /// Makes every decision and saves the register, under its lock (`IdentifierRegister.update`). Every reference is
    /// checked before anything changes; a redaction refused after others were written leaves them recorded (the
    /// corpus already holds them) and throws.
    public func apply(to study: Study, at time: String = Timestamp.now()) throws -> Outcome {
        var study = study
        var redactions: [IdentifierFinding] = []
        var allowedCount = 0
        // Checked once before the lock is taken, so a mistaken reference leaves the study as it was, lock file and all.
        let unlocked = try IdentifierRegister.load(study.folder)
        for reference in allowed {
            _ = try IdentifierCheck.finding(reference, in: study, register: unlocked)
        }
        for reference in redacted where interrupted(reference, in: study, register: unlocked, at: time) == nil {
            _ = try IdentifierCheck.finding(reference, in: study, register: unlocked)
        }
        var completed: [String] = []
        let register = try IdentifierRegister.update(study.folder) { register in
            let toAllow = try allowed.map { try IdentifierCheck.finding($0, in: study, register: register) }
            var open: [String] = []
            for reference in redacted {
                if let decision = interrupted(reference, in: study, register: register, at: time) {
                    register.decisions.append(decision)
                    completed.append(reference)
                } else {
                    open.append(reference)
                }
            }
            // A section name may be named through any excerpt carrying it: redact it once.
            let toRedact = try Array(
                Set(open.map { try IdentifierCheck.finding($0, in: study, register: register) }))
            for term in allowedTerms { IdentifierCheck.allowTerm(term, by: by, why: why, in: &register, at: time) }
            for finding in toAllow { IdentifierCheck.allow(finding, by: by, why: why, in: &register, at: time) }
            allowedCount = toAllow.count + allowedTerms.count
            // Later offsets first, so redacting one finding never moves another still to be redacted in the same text.
            for finding in toRedact.sorted(by: {
                ($0.excerptID, $0.field.tag ?? "", $1.range.start) < ($1.excerptID, $1.field.tag ?? "", $0.range.start)
            }) {
                let review = try IdentifierCheck.redact(
                    finding, in: study, by: by, why: why, register: &register, at: time)
                study.corpus = Corpus(reviews: study.corpus.reviews.map { $0.id == review.id ? review : $0 })
                redactions.append(finding)
            }
            return register
        }
        return Outcome(
            study: study, register: register, allowedCount: allowedCount, redactions: redactions, completed: completed)
    }

    private func interrupted(_ reference: String, in study: Study, register: IdentifierRegister, at time: String)
        -> IdentifierRegister.Decision?
    {
        IdentifierCheck.interruptedRedaction(reference, in: study, register: register, by: by, why: why, at: time)
    }
}
