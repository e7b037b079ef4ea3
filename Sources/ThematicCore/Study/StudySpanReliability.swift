import Agreement

/// A study's coding as span reliability data: each excerpt every chosen coder finished is a unit as long as its text
/// (in Unicode scalars), and each coder's applied codes are spans on it; a code applied without spans covers the whole
/// excerpt. Coders, reviews, merged codes, `--level` and the revision warnings are as the excerpt-level
/// `StudyReliability` has them.
public struct StudySpanReliability: Sendable {
    public let data: SpanReliabilityData
    public let warnings: [String]

    /// `category`: keep only the codes under this code (any depth), like ATLAS.ti's semantic domains, so that the
    /// nominal figures (uα, cuα, (k)uα) apply where the codes of one category exclude each other.
    public init(study: Study, selection: AgreementSelection = AgreementSelection(), category: String? = nil)
        throws(StudyReliability.SelectionError)
    {
        let scope = try StudyAgreementScope(study: study, selection: selection)
        var codes = scope.codes
        if let category {
            try Self.requireCategory(category, in: study.codebook)
            codes = codes.filter { study.codebook.ancestors(of: $0).contains(category) }
        }
        let ancestorOf =
            try selection.level.map { level throws(StudyReliability.SelectionError) in
                try StudyAgreementScope.ancestors(of: codes, atLevel: level, in: study.codebook)
            } ?? [:]
        let kept = Set(codes)
        // The code each id of the codebook is counted as, when it is compared: one look-up per applied code. An id
        // the codebook does not hold is not compared.
        var countedAs: [String: String] = [:]
        for code in study.codebook.codes {
            let current = scope.current(code.id)
            if kept.contains(current) { countedAs[code.id] = ancestorOf[current] ?? current }
        }
        var units: [SpanReliabilityData.Unit] = []
        var revisions: [String: Set<Int>] = [:]
        for excerpt in scope.excerpts {
            let records = scope.coders.compactMap { study.codings[$0]!.excerpts[excerpt] }.filter(\.finished)
            guard records.count == scope.coders.count, let text = study.corpus.excerpt(excerpt)?.text else { continue }
            let length = Self.scalarCount(text)
            var unit = SpanReliabilityData.Unit(id: excerpt, length: length, spans: [:])
            for (coder, record) in zip(scope.coders, records) {
                revisions[coder, default: []].insert(record.codebookRevision)
                unit.spans[coder] = record.codes.flatMap { id, applied -> [SpanReliabilityData.Span] in
                    guard let code = countedAs[id] else { return [] }
                    let spans = applied.spans.isEmpty ? [TextSpan(start: 0, end: length)] : applied.spans
                    return spans.map { SpanReliabilityData.Span(code: code, start: $0.start, end: $0.end) }
                }.sorted { ($0.start, $0.end, $0.code) < ($1.start, $1.end, $1.code) }
            }
            units.append(unit)
        }
        var rolled: [String] = []
        for code in codes.map({ ancestorOf[$0] ?? $0 }) where !rolled.contains(code) { rolled.append(code) }
        data = SpanReliabilityData(units: units, codes: rolled, coders: scope.coders)
        warnings =
            StudyReliability.revisionWarnings(revisions, coders: scope.coders, current: study.codebook.revision)
            + (units.isEmpty
                ? [
                    "no excerpt was finished by every one of \(scope.coders.joined(separator: ", ")); span-level figures compare only excerpts all of them finished"
                ] : [])
    }

    /// `text.unicodeScalars.count`, from the UTF-8 bytes: every byte but a continuation byte starts a scalar.
    static func scalarCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// A category is a code with codes under it.
    private static func requireCategory(_ id: String, in codebook: Codebook) throws(StudyReliability.SelectionError) {
        guard let code = codebook.code(id) else {
            throw .init(
                description:
                    "no code \"\(id)\" in the codebook; --category takes the id of a category (a code with codes under it)"
            )
        }
        guard !codebook.children(of: id).isEmpty else {
            throw .init(
                description: "\"\(id)\" (\(code.name)) is not a category: no code sits under it in the codebook")
        }
    }
}
