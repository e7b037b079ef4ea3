import CanonicalJSON

extension AgreementReport {
    /// `per_code` and `overall` objects with the reference files' keys (undefined = null, reasons in
    /// `notes`), plus `data`, `conventions` and, when asked for, `bootstrap`. Keys sorted, as every
    /// file the project writes, so `jq -S` on a reference file makes the two diffable.
    func renderedJSON() -> String {
        func object(_ figures: NamedFigures) -> JSONValue {
            var members = figures.entries.map { key, figure -> (String, JSONValue) in
                switch figure {
                case .count(let n): return (key, .int(n))
                case .statistic(.value(let v)): return (key, .number(v))
                case .statistic(.undefined): return (key, .null)
                }
            }
            let notes = figures.notes
            if !notes.isEmpty { members.append(("notes", .array(notes.map { .string($0) }))) }
            return .object(members)
        }
        var overall = object(setValued.figures)
        if case .object(var members) = overall.kind {
            members.append(JSONMember(key: "pooled", value: object(pooled.figures)))
            if let singleLabel {
                members.append(JSONMember(key: "single_label_nominal", value: object(singleLabel.figures)))
            } else {
                members.append(JSONMember(key: "single_label_nominal", value: .null))
                members.append(JSONMember(key: "single_label_nominal_note", value: .string(SingleLabelAgreement.notSingleLabel)))
            }
            overall = JSONValue(.object(members))
        }
        var top: [(String, JSONValue)] = [
            ("data", .object([
                ("n_units", .int(units)), ("n_coders", .int(coders.count)),
                ("coders", .array(coders.map { .string($0) })), ("n_codes", .int(perCode.count)),
                ("codes", .array(perCode.map { .string($0.code) })),
            ])),
            ("per_code", .object(perCode.indices.map { (perCode[$0].code, object(rowFigures($0))) })),
            ("overall", overall),
            ("conventions", .object(Self.conventions.map { ($0.key, .string($0.text)) })),
        ]
        if let bootstrap {
            top.append(("bootstrap", .object([
                ("procedure", .string(bootstrap.procedure.rawValue)),
                ("replicates", .int(bootstrap.replicates)),
                ("seed", .string(String(bootstrap.seed))),
                ("interval", .string("95% percentile: the floor(0.025 B)-th and (floor(0.975 B) + 1)-th of the sorted replicates")),
            ])))
        }
        return String(decoding: CanonicalWriter.pretty(.object(top)), as: UTF8.self)
    }
}
