import CanonicalJSON

/// The anonymisation check over a study: find what may identify somebody, and record reviewers' decisions.
///
/// It reads everything a reader sees of a review: its title, its attribute values, and each excerpt's section name
/// and text. Section names repeat on consecutive excerpts, so each distinct section name of a review is read once
/// and reported by the first excerpt carrying it; allowing or redacting it settles it for every excerpt carrying it.
public enum IdentifierCheck {
    /// Open findings (not allowed in `register`) in `reviews`, in reading order: each review's title, its attributes
    /// by name, then each excerpt's section name (where it first appears) and text. Words used in lower case anywhere
    /// in the excerpt text of `reviews` or `vocabulary` (the rest of the corpus, usually) are not taken for names;
    /// titles, section names and attributes are too short and too capitalised to tell common words from names.
    public static func findings(in reviews: [Review], vocabulary: [Review], register: IdentifierRegister)
        -> [IdentifierFinding]
    {
        let allowed = Set(register.allowedTerms.map { $0.term.lowercased() })
        // One reading of each scanned review finds everything but names and collects its words at the same time.
        let prepared = reviews.parallelMap { review in
            var words = Set<UInt64>()
            var places: [(IdentifierFinding.Field, IdentifierScanner.PreparedExcerpt)] = []
            for (field, place) in labels(of: review) {
                places.append((field, IdentifierScanner.prepare(place, allowedTerms: allowed)))
            }
            var sectionsSeen = Set<String>()
            for excerpt in review.excerpts {
                if !excerpt.section.isEmpty, sectionsSeen.insert(excerpt.section).inserted {
                    places.append(
                        (
                            .section,
                            IdentifierScanner.prepare(
                                Excerpt(id: excerpt.id, section: "", text: excerpt.section), allowedTerms: allowed)
                        ))
                }
                places.append(
                    (.text, IdentifierScanner.prepare(excerpt, allowedTerms: allowed, lowerCaseWords: &words)))
            }
            return (places, words)
        }
        let scanned = Set(reviews.map(\.id))
        var words = IdentifierScanner.lowerCaseWords(
            in: vocabulary.filter { !scanned.contains($0.id) }.flatMap { $0.excerpts.map(\.text) })
        for (_, reviewWords) in prepared { words.formUnion(reviewWords) }
        let lowerCaseWords = words
        return prepared.map(\.0).parallelMap { places in
            places.flatMap { field, place in
                IdentifierScanner.resolve(place, lowerCaseWords: lowerCaseWords, allowedTerms: allowed).map { found in
                    var finding = found
                    finding.field = field
                    return finding
                }
            }.filter { !register.isAllowed($0) }
        }.flatMap { $0 }
    }

    /// A review's title and attribute values (by attribute id), each as an excerpt named by the review's id, so the
    /// scanner reads them like text.
    private static func labels(of review: Review) -> [(IdentifierFinding.Field, Excerpt)] {
        [(.title, Excerpt(id: review.id, section: "", text: review.title))]
            + review.attributes.sorted { $0.key < $1.key }.map {
                (.attribute($0.key), Excerpt(id: review.id, section: "", text: $0.value))
            }
    }

    /// Open findings in the whole corpus of a study.
    public static func findings(in study: Study, register: IdentifierRegister) -> [IdentifierFinding] {
        findings(in: study.corpus.reviews, vocabulary: study.corpus.reviews, register: register)
    }

    /// A reviewer's decision could not be recorded.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The open finding a reviewer names by its `IdentifierFinding.reference`: `EXCERPT@START`,
    /// `EXCERPT#section@START`, `REVIEW#title@START` or `REVIEW#attribute:NAME@START`. A section name may be named
    /// through any excerpt carrying it.
    public static func finding(_ reference: String, in study: Study, register: IdentifierRegister) throws(Refusal)
        -> IdentifierFinding
    {
        let (named, field, start) = try place(of: reference)
        var id = named
        let review: Review
        if field.isReviewField {
            guard let found = study.corpus.review(id) else {
                throw Refusal(description: "no review \"\(id)\" in the corpus")
            }
            review = found
        } else {
            guard let found = study.corpus.review(containing: id) else {
                throw Refusal(description: "no excerpt \"\(id)\" in the corpus")
            }
            review = found
        }
        if field == .section, let section = study.corpus.excerpt(id)?.section,
            let first = review.excerpts.first(where: { $0.section == section })
        {
            id = first.id
        }
        let open = findings(in: [review], vocabulary: study.corpus.reviews, register: register)
        guard let finding = open.first(where: { $0.excerptID == id && $0.field == field && $0.range.start == start })
        else {
            throw Refusal(
                description:
                    "no open finding at \(reference) (already allowed or redacted, or the text changed?); run `thematic check --identifiers` for the current list"
            )
        }
        return finding
    }

    /// Where a reference points: the excerpt or review id, the field and the start offset.
    static func place(of reference: String) throws(Refusal) -> (id: String, field: IdentifierFinding.Field, start: Int)
    {
        guard let at = reference.lastIndex(of: "@"), let start = Int(reference[reference.index(after: at)...]) else {
            throw Refusal(
                description:
                    "\"\(reference)\" is not a finding; name one as EXCERPT@START (or EXCERPT#section@START, REVIEW#title@START, REVIEW#attribute:NAME@START), as `thematic check --identifiers` lists them"
            )
        }
        let place = reference[..<at]
        var id = String(place)
        var field = IdentifierFinding.Field.text
        if let hash = place.firstIndex(of: "#") {
            id = String(place[..<hash])
            guard let named = IdentifierFinding.Field(tag: String(place[place.index(after: hash)...])) else {
                throw Refusal(
                    description: "\"\(reference)\" names no field: after # write section, title or attribute:NAME")
            }
            field = named
        }
        return (id, field, start)
    }

    /// Records that a finding does not identify anybody.
    public static func allow(
        _ finding: IdentifierFinding, by: String, why: String, in register: inout IdentifierRegister,
        at: String = Timestamp.now()
    ) {
        register.decisions.append(
            .init(
                excerptID: finding.excerptID, range: finding.range, rule: finding.rule,
                action: .allowed(text: finding.text), by: by, why: why, at: at, field: finding.field))
    }

    /// Allows a term everywhere in the study (matched ignoring case).
    public static func allowTerm(
        _ term: String, by: String, why: String, in register: inout IdentifierRegister, at: String = Timestamp.now()
    ) {
        register.allowedTerms.removeAll { $0.term.lowercased() == term.lowercased() }
        register.allowedTerms.append(.init(term: term, by: by, why: why, at: at))
        register.allowedTerms.sort { $0.term.lowercased() < $1.term.lowercased() }
    }

    /// Replaces a finding's text by its rule's placeholder in the review, and records the redaction.
    ///
    /// In an excerpt's text the placeholder is usually longer or shorter than the text, so every offset after it
    /// moves. Coded spans are offsets into the text and only a coder's own session may change that coder's file, so
    /// such a redaction is refused while any coder or the consensus has a span that ends after the finding starts;
    /// spans wholly before it, and codes on the whole excerpt, are unaffected. A section name, title or attribute
    /// holds no coded span, so its redaction is never refused for codes; a section name is replaced in every
    /// excerpt of the review that carries it. Returns the new review, already written.
    ///
    /// The spans are checked and the review replaced holding every coder's lock (and, for excerpt text, the consensus
    /// lock), so no coder or lead narrows a span in between: a coder with a session open, or a lead reconciling,
    /// refuses the redaction, except `openSessionOf`, the coder whose own screen makes it (their records are on disk
    /// already, each durable before their screen moved on). The check reads the
    /// codings from disk, not from `study`, and the review must still be as `study` holds it.
    @discardableResult
    public static func redact(
        _ finding: IdentifierFinding, in study: Study, by: String, why: String,
        register: inout IdentifierRegister, at: String = Timestamp.now(), openSessionOf: String? = nil
    ) throws -> Review {
        try study.folder.refuseLinkedSubfolders()
        var review: Review
        let original: Review
        switch finding.field {
        case .text:
            guard let found = study.corpus.review(containing: finding.excerptID),
                let index = found.excerpts.firstIndex(where: { $0.id == finding.excerptID })
            else {
                throw Refusal(description: "no excerpt \"\(finding.excerptID)\" in the corpus")
            }
            review = found
            original = found
            review.excerpts[index].text = try replacing(finding, in: review.excerpts[index].text)
        case .section:
            guard let found = study.corpus.review(containing: finding.excerptID),
                let section = found.excerpts.first(where: { $0.id == finding.excerptID })?.section
            else {
                throw Refusal(description: "no excerpt \"\(finding.excerptID)\" in the corpus")
            }
            review = found
            original = found
            let redacted = try replacing(finding, in: section)
            for index in review.excerpts.indices where review.excerpts[index].section == section {
                review.excerpts[index].section = redacted
            }
        case .title:
            guard let found = study.corpus.review(finding.excerptID) else {
                throw Refusal(description: "no review \"\(finding.excerptID)\" in the corpus")
            }
            review = found
            original = found
            review.title = try replacing(finding, in: review.title)
        case .attribute(let name):
            guard let found = study.corpus.review(finding.excerptID), let value = found.attributes[name] else {
                throw Refusal(description: "no attribute \"\(name)\" on review \"\(finding.excerptID)\" in the corpus")
            }
            review = found
            original = found
            review.attributes[name] = try replacing(finding, in: value)
        }
        // Refused first from the caller's read, so a redaction refused for its spans writes nothing, not even a lock.
        if case .text = finding.field { try refuseIfCodesWouldMove(finding, in: study) }
        try replace(original, with: review, redacting: finding, in: study.folder, openSessionOf: openSessionOf)
        register.decisions.append(
            .init(
                excerptID: finding.excerptID,
                range: TextSpan(
                    start: finding.range.start, end: finding.range.start + finding.rule.placeholder.unicodeScalars.count
                ),
                rule: finding.rule, action: .redacted(placeholder: finding.rule.placeholder), by: by, why: why, at: at,
                field: finding.field))
        return review
    }

    /// Writes the redacted review under every coder's lock (but `openSessionOf`), and the consensus lock for excerpt
    /// text, after checking against the codings on disk that no span would move and that the review is still
    /// `original`.
    private static func replace(
        _ original: Review, with review: Review, redacting finding: IdentifierFinding, in folder: StudyFolder,
        openSessionOf: String?
    ) throws {
        let coders = try CodebookEditor.coderNames(in: folder).filter { $0 != openSessionOf }
        let locks = try StudyLocks.coders(coders, in: folder, for: "redacting \(finding.reference)")
        defer { for lock in locks { lock.release() } }
        // The lead's decisions hold spans into excerpt text too, so no lead narrows one in between either. A section
        // name, title or attribute holds no span, and a decision names its excerpt by id only: those redactions
        // leave every decision as it was, and do not wait for the lead.
        let consensusLock =
            finding.field == .text
            ? try StudyLocks.consensus(
                folder, for: "redacting \(finding.reference)",
                effect: "moves the text the lead's coded spans point into")
            : nil
        defer { consensusLock?.release() }
        let file = try FileSnapshot(folder, StudyFolder.reviewFile(review.id))
        let now = try StudyReader.load(folder).study
        guard now.corpus.review(review.id) == original else {
            throw Refusal(
                description:
                    "\(StudyFolder.reviewFile(review.id)) changed since the check read it (another redaction or a re-import?); nothing was redacted. Run the check again."
            )
        }
        if case .text = finding.field { try refuseIfCodesWouldMove(finding, in: now) }
        try file.replace(with: CanonicalWriter.pretty(ReviewFormat.encode(review)), in: folder)
    }

    /// Refuses a redaction in an excerpt's text while a coded span ends after the finding starts.
    private static func refuseIfCodesWouldMove(_ finding: IdentifierFinding, in study: Study) throws(Refusal) {
        var blocking: [String] = []
        func check(_ codes: [String: AppliedCode], owner: String) {
            for (code, applied) in codes.sorted(by: { $0.key < $1.key }) {
                for span in applied.spans where span.end > finding.range.start {
                    blocking.append("\(owner): \(code) [\(span.start), \(span.end))")
                }
            }
        }
        for coder in study.coders {
            check(study.codings[coder]?.excerpts[finding.excerptID]?.codes ?? [:], owner: coder)
        }
        check(study.consensus.excerpts[finding.excerptID]?.codes ?? [:], owner: "consensus")
        guard blocking.isEmpty else {
            throw Refusal(
                description:
                    "cannot redact \(finding.reference): codes are narrowed to text at or after it (\(blocking.joined(separator: "; "))), and the placeholder would move them. Have the coders widen those codes to the whole excerpt or clear the spans, then redact; or allow the finding if it does not identify anybody."
            )
        }
    }

    /// `text` with the finding's range replaced by its placeholder; refused when the range no longer holds the finding.
    private static func replacing(_ finding: IdentifierFinding, in text: String) throws(Refusal) -> String {
        var scalars = Array(text.unicodeScalars)
        guard finding.range.end <= scalars.count,
            String(String.UnicodeScalarView(scalars[finding.range.start..<finding.range.end])) == finding.text
        else {
            let place = finding.field == .text ? finding.excerptID : "the \(finding.field) of \(finding.excerptID)"
            throw Refusal(
                description: "the text of \(place) changed since the check; run `thematic check --identifiers` again")
        }
        scalars.replaceSubrange(finding.range.start..<finding.range.end, with: finding.rule.placeholder.unicodeScalars)
        return String(String.UnicodeScalarView(scalars))
    }
}
