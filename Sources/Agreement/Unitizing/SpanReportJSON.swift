import CanonicalJSON

extension SpanAgreementReport {
    /// `binary_u_alpha`, `u_alpha`, `cu_alpha`, `per_code`, `dkpro_2004`, `coders`, `units` and `length` (and
    /// `bootstrap` when asked for), keys sorted, undefined figures null with their reasons in the sibling `notes`,
    /// as the excerpt-level JSON report writes them, so results can be diffed against other implementations.
    func renderedJSON() -> String {
        let coders = agreement.coders
        let perCode = agreement.perCode.indices.map { index -> (String, JSONValue) in
            let characters = JSONValue.object(
                zip(coders, agreement.perCode[index].codedCharacters).map { ($0, .int($1)) })
            return (agreement.perCode[index].code, codeFigures(index).json.adding([("coded_characters", characters)]))
        }
        let dkproOverall = NamedFigures(entries: [("overall", .statistic(agreement.dkpro2004Overall))]).json
        let dkpro = dkproOverall.adding([
            ("per_code", .object(agreement.perCode.indices.map { (agreement.perCode[$0].code, dkproFigures($0).json) }))
        ])
        var top = overallFigures.json.adding([
            ("coders", .array(coders.map { .string($0) })),
            ("units", .int(agreement.units)),
            ("length", .int(agreement.length)),
            ("per_code", .object(perCode)),
            ("dkpro_2004", dkpro),
        ])
        if let bootstrap { top = top.adding([("bootstrap", bootstrap.json)]) }
        return String(decoding: CanonicalWriter.pretty(top), as: UTF8.self)
    }
}

extension JSONValue {
    /// This object with more members.
    func adding(_ members: [(String, JSONValue)]) -> JSONValue {
        guard case .object(let existing) = kind else { return self }
        return JSONValue(.object(existing + members.map { JSONMember(key: $0.0, value: $0.1) }))
    }
}
