import CanonicalJSON

/// `consensus.json`: the lead's decisions, each with its provenance.
public enum ConsensusFormat {
    static let fields: Set<String> = ["kind", "schemaVersion", "excerpts"]
    static let decisionFields: Set<String> = [
        "codes", "decision", "acceptedCoder", "comparedCoders", "coderCodes",
        "lead", "at", "note", "codebookRevision",
    ]

    static func decode(_ value: JSONValue, problems: inout FileProblems) throws(JSONShapeError) -> Consensus {
        let record = try JSONRecord(value, at: .root)
        try FileKind.consensus.checkHeader(record)
        try record.requireOnly(fields)
        var consensus = Consensus()
        for member in try record.map("excerpts") {
            consensus.excerpts[member.key] = try decodeDecision(
                member.value, at: JSONPath.root.field("excerpts").key(member.key))
        }
        return consensus
    }

    static func decodeDecision(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> ConsensusDecision {
        let record = try JSONRecord(value, at: path)
        try record.requireOnly(decisionFields)
        let decision = try record.string("decision")
        let accepted = try record.optionalString("acceptedCoder")
        let basis: ConsensusDecision.Basis
        switch (decision, accepted) {
        case ("coder", let coder?): basis = .coder(coder)
        case ("union", nil): basis = .union
        case ("intersection", nil): basis = .intersection
        case ("edited", nil): basis = .edited
        case ("coder", nil):
            throw JSONShapeError(
                path: path, offset: value.offset, message: "a \"coder\" decision needs \"acceptedCoder\"")
        default:
            throw JSONShapeError(
                path: path.field("decision"), offset: record.value("decision")?.offset ?? value.offset,
                message:
                    "expected \"coder\" (with \"acceptedCoder\"), \"union\", \"intersection\" or \"edited\", found \"\(decision)\"\(accepted == nil ? "" : " with \"acceptedCoder\"")"
            )
        }
        var compared: [String] = []
        for (index, element) in try record.array("comparedCoders").enumerated() {
            compared.append(try JSONRecord.string(element, at: path.field("comparedCoders").index(index)))
        }
        var coderCodes: [String: [String]] = [:]
        for member in try record.map("coderCodes") {
            guard case .array(let elements) = member.value.kind else {
                throw JSONShapeError(
                    path: path.field("coderCodes").key(member.key), offset: member.value.offset,
                    message: "expected an array of code ids, found \(member.value.typeDescription)")
            }
            var ids: [String] = []
            for (index, element) in elements.enumerated() {
                ids.append(try JSONRecord.string(element, at: path.field("coderCodes").key(member.key).index(index)))
            }
            coderCodes[member.key] = ids
        }
        return ConsensusDecision(
            codes: try CodingFormat.decodeCodes(record.map("codes"), at: path.field("codes")), basis: basis,
            comparedCoders: compared, coderCodes: coderCodes, lead: try record.string("lead"),
            at: try record.string("at"), note: try record.optionalString("note"),
            codebookRevision: try record.int("codebookRevision"))
    }

    public static func encode(_ consensus: Consensus) -> JSONValue {
        .record(
            FileKind.consensus.header() + [
                ("excerpts", .object(consensus.excerpts.map { ($0.key, encodeDecision($0.value)) }))
            ])
    }

    static func encodeDecision(_ decision: ConsensusDecision) -> JSONValue {
        let name: String
        var accepted: String?
        switch decision.basis {
        case .coder(let coder):
            name = "coder"
            accepted = coder
        case .union: name = "union"
        case .intersection: name = "intersection"
        case .edited: name = "edited"
        }
        return .record([
            ("codes", CodingFormat.encodeCodes(decision.codes)),
            ("decision", .string(name)),
            ("acceptedCoder", .optionalString(accepted)),
            ("comparedCoders", .array(decision.comparedCoders.map { .string($0) })),
            ("coderCodes", .object(decision.coderCodes.map { ($0.key, .array($0.value.map { .string($0) })) })),
            ("lead", .string(decision.lead)),
            ("at", .string(decision.at)),
            ("note", .optionalString(decision.note)),
            ("codebookRevision", .int(decision.codebookRevision)),
        ])
    }
}
