import CanonicalJSON

extension AgreementReport {
    /// `per_code` and `overall` objects with the reference files' keys (undefined = null, reasons in
    /// `notes`), plus `data`, `conventions` and, when asked for, `bootstrap`. Keys sorted, as every
    /// file the project writes, so `jq -S` on a reference file makes the two diffable.
    func renderedJSON() -> String {
        var overall = setValued.figures.json
        if case .object(var members) = overall.kind {
            members.append(JSONMember(key: "pooled", value: pooled.figures.json))
            if let singleLabel {
                members.append(JSONMember(key: "single_label_nominal", value: singleLabel.figures.json))
            } else {
                members.append(JSONMember(key: "single_label_nominal", value: .null))
                members.append(
                    JSONMember(key: "single_label_nominal_note", value: .string(SingleLabelAgreement.notSingleLabel)))
            }
            overall = JSONValue(.object(members))
        }
        var top: [(String, JSONValue)] = [
            (
                "data",
                .object([
                    ("n_units", .int(units)), ("n_coders", .int(coders.count)),
                    ("coders", .array(coders.map { .string($0) })), ("n_codes", .int(perCode.count)),
                    ("codes", .array(perCode.map { .string($0.code) })),
                ])
            ),
            ("per_code", .object(perCode.indices.map { (perCode[$0].code, rowFigures($0).json) })),
            ("overall", overall),
            ("conventions", .object(Self.conventions.map { ($0.key, .string($0.text)) })),
        ]
        if let bootstrap { top.append(("bootstrap", bootstrap.json)) }
        return String(decoding: CanonicalWriter.pretty(.object(top)), as: UTF8.self)
    }
}

extension NamedFigures {
    /// The figures as a JSON object: an undefined statistic is null, and its reason is in `notes`
    /// ("key undefined: reason"), as the reference files have it.
    var json: JSONValue {
        var members = entries.map { key, figure -> (String, JSONValue) in
            switch figure {
            case .count(let n): return (key, .int(n))
            case .statistic(.value(let v)): return (key, .number(v))
            case .statistic(.undefined): return (key, .null)
            }
        }
        if !notes.isEmpty { members.append(("notes", .array(notes.map { .string($0) }))) }
        return .object(members)
    }
}

extension AlphaBootstrap {
    /// How the intervals were drawn, so they can be reproduced.
    var json: JSONValue {
        .object([
            ("procedure", .string(procedure.rawValue)),
            ("replicates", .int(replicates)),
            ("seed", .string(String(seed))),
            (
                "interval",
                .string("95% percentile: the floor(0.025 B)-th and (floor(0.975 B) + 1)-th of the sorted replicates")
            ),
        ])
    }
}
