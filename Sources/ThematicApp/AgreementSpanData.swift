import Agreement
import ThematicCore

/// The agreement screen's own mapping from a study to span reliability data, kept small and separate so it can be
/// replaced by ThematicCore's shared one (the mapping behind `thematic agree --spans`) once that lands.
///
/// The units are the excerpts every one of `coders` finished, in reading order; a unit's length is its text's
/// Unicode scalar count; a code applied without spans covers the whole excerpt. The codes are the codebook's, in
/// its order, then any code a coder used that the codebook does not know, in order of first use, and only those
/// some coder applied to an entered excerpt.
func agreementScreenSpanReliabilityData(study: Study, coders: [String]) -> SpanReliabilityData {
    var units: [SpanReliabilityData.Unit] = []
    var used: [String] = []
    var usedSet = Set<String>()
    for excerptID in study.corpus.excerptIDs {
        guard let excerpt = study.corpus.excerpt(excerptID) else { continue }
        let records = coders.compactMap { coder in study.codings[coder]?.excerpts[excerptID].map { (coder, $0) } }
        guard records.count == coders.count, records.allSatisfy({ $0.1.finished }) else { continue }
        let length = excerpt.text.unicodeScalars.count
        guard length > 0 else { continue }
        var spans: [String: [SpanReliabilityData.Span]] = [:]
        for (coder, record) in records {
            spans[coder] = record.codeIDs.flatMap { code -> [SpanReliabilityData.Span] in
                if usedSet.insert(code).inserted { used.append(code) }
                let applied = record.codes[code]?.spans ?? []
                if applied.isEmpty { return [SpanReliabilityData.Span(code: code, start: 0, end: length)] }
                return applied.map { (max(0, $0.start), min(length, $0.end)) }.filter { $0.0 < $0.1 }
                    .map { SpanReliabilityData.Span(code: code, start: $0.0, end: $0.1) }
            }
        }
        units.append(SpanReliabilityData.Unit(id: excerptID, length: length, spans: spans))
    }
    let known = study.codebook.codes.map(\.id)
    let codes = known.filter(usedSet.contains) + used.filter { !known.contains($0) }
    return SpanReliabilityData(units: units, codes: codes, coders: coders)
}
