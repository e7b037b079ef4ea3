import CanonicalJSON

/// The anonymisation check over a study: find what may identify somebody, and record reviewers' decisions.
public enum IdentifierCheck {
    /// Open findings (not allowed in `register`) in `reviews`, in reading order. Words used in lower case anywhere
    /// in `reviews` or `vocabulary` (the rest of the corpus, usually) are not taken for names.
    public static func findings(in reviews: [Review], vocabulary: [Review], register: IdentifierRegister) -> [IdentifierFinding] {
        let allowed = Set(register.allowedTerms.map { $0.term.lowercased() })
        // One reading of each scanned review finds everything but names and collects its words at the same time.
        let prepared = reviews.parallelMap { review in
            var words = Set<UInt64>()
            let excerpts = review.excerpts.map { IdentifierScanner.prepare($0, allowedTerms: allowed, lowerCaseWords: &words) }
            return (excerpts, words)
        }
        let scanned = Set(reviews.map(\.id))
        var words = IdentifierScanner.lowerCaseWords(in: vocabulary.filter { !scanned.contains($0.id) }.flatMap { $0.excerpts.map(\.text) })
        for (_, reviewWords) in prepared { words.formUnion(reviewWords) }
        let lowerCaseWords = words
        return prepared.map(\.0).parallelMap { excerpts in
            excerpts.flatMap { IdentifierScanner.resolve($0, lowerCaseWords: lowerCaseWords, allowedTerms: allowed) }.filter { !register.isAllowed($0) }
        }.flatMap { $0 }
    }

    /// Open findings in the whole corpus of a study.
    public static func findings(in study: Study, register: IdentifierRegister) -> [IdentifierFinding] {
        findings(in: study.corpus.reviews, vocabulary: study.corpus.reviews, register: register)
    }

    /// A reviewer's decision could not be recorded.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The open finding a reviewer names as `EXCERPT@START`.
    public static func finding(_ reference: String, in study: Study, register: IdentifierRegister) throws(Refusal) -> IdentifierFinding {
        guard let at = reference.lastIndex(of: "@"), let start = Int(reference[reference.index(after: at)...]) else {
            throw Refusal(description: "\"\(reference)\" is not a finding; name one as EXCERPT@START, as `thematic check --identifiers` lists them")
        }
        let excerptID = String(reference[..<at])
        guard let review = study.corpus.review(containing: excerptID) else {
            throw Refusal(description: "no excerpt \"\(excerptID)\" in the corpus")
        }
        let open = findings(in: [review], vocabulary: study.corpus.reviews, register: register)
        guard let finding = open.first(where: { $0.excerptID == excerptID && $0.range.start == start }) else {
            throw Refusal(description: "no open finding at \(reference) (already allowed or redacted, or the text changed?); run `thematic check --identifiers` for the current list")
        }
        return finding
    }

    /// Records that a finding does not identify anybody.
    public static func allow(_ finding: IdentifierFinding, by: String, why: String, in register: inout IdentifierRegister, at: String = Timestamp.now()) {
        register.decisions.append(.init(excerptID: finding.excerptID, range: finding.range, rule: finding.rule,
                                        action: .allowed(text: finding.text), by: by, why: why, at: at))
    }

    /// Allows a term everywhere in the study (matched ignoring case).
    public static func allowTerm(_ term: String, by: String, why: String, in register: inout IdentifierRegister, at: String = Timestamp.now()) {
        register.allowedTerms.removeAll { $0.term.lowercased() == term.lowercased() }
        register.allowedTerms.append(.init(term: term, by: by, why: why, at: at))
        register.allowedTerms.sort { $0.term.lowercased() < $1.term.lowercased() }
    }

    /// Replaces a finding's text by its rule's placeholder in the review, and records the redaction.
    ///
    /// The placeholder is usually longer or shorter than the text, so every offset after it moves. Coded spans are
    /// offsets into the text and only a coder's own session may change that coder's file, so a redaction is refused
    /// while any coder or the consensus has a span that ends after the finding starts; spans wholly before it, and
    /// codes on the whole excerpt, are unaffected. Returns the new review, already written.
    @discardableResult
    public static func redact(_ finding: IdentifierFinding, in study: Study, by: String, why: String,
                              register: inout IdentifierRegister, at: String = Timestamp.now()) throws -> Review {
        guard var review = study.corpus.review(containing: finding.excerptID),
              let index = review.excerpts.firstIndex(where: { $0.id == finding.excerptID }) else {
            throw Refusal(description: "no excerpt \"\(finding.excerptID)\" in the corpus")
        }
        var blocking: [String] = []
        func check(_ codes: [String: AppliedCode], owner: String) {
            for (code, applied) in codes.sorted(by: { $0.key < $1.key }) {
                for span in applied.spans where span.end > finding.range.start {
                    blocking.append("\(owner): \(code) [\(span.start), \(span.end))")
                }
            }
        }
        for coder in study.coders { check(study.codings[coder]?.excerpts[finding.excerptID]?.codes ?? [:], owner: coder) }
        check(study.consensus.excerpts[finding.excerptID]?.codes ?? [:], owner: "consensus")
        guard blocking.isEmpty else {
            throw Refusal(description: "cannot redact \(finding.reference): codes are narrowed to text at or after it (\(blocking.joined(separator: "; "))), and the placeholder would move them. Have the coders widen those codes to the whole excerpt or clear the spans, then redact; or allow the finding if it does not identify anybody.")
        }
        var scalars = Array(review.excerpts[index].text.unicodeScalars)
        guard finding.range.end <= scalars.count, String(String.UnicodeScalarView(scalars[finding.range.start..<finding.range.end])) == finding.text else {
            throw Refusal(description: "the text of \(finding.excerptID) changed since the check; run `thematic check --identifiers` again")
        }
        scalars.replaceSubrange(finding.range.start..<finding.range.end, with: finding.rule.placeholder.unicodeScalars)
        review.excerpts[index].text = String(String.UnicodeScalarView(scalars))
        try AtomicFile.write(CanonicalWriter.pretty(ReviewFormat.encode(review)), to: study.folder.url(StudyFolder.reviewFile(review.id)))
        register.decisions.append(.init(excerptID: finding.excerptID,
                                        range: TextSpan(start: finding.range.start, end: finding.range.start + finding.rule.placeholder.unicodeScalars.count),
                                        rule: finding.rule, action: .redacted(placeholder: finding.rule.placeholder), by: by, why: why, at: at))
        return review
    }
}
