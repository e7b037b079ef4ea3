import CanonicalJSON

/// `codings/<coder>.json`: one coder's snapshot; its records are also the payload of journal lines.
public enum CodingFormat {
    static let fields: Set<String> = ["kind", "schemaVersion", "coder", "journalSequence", "excerpts"]
    static let excerptFields: Set<String> = ["finished", "codes", "memo", "updated", "codebookRevision"]
    static let appliedCodeFields: Set<String> = ["spans", "memo"]
    static let spanFields: Set<String> = ["start", "end"]

    static func decode(_ value: JSONValue, problems: inout FileProblems) throws(JSONShapeError) -> Coding {
        let record = try JSONRecord(value, at: .root)
        try FileKind.coding.checkHeader(record)
        try record.requireOnly(fields)
        var coding = Coding(coder: try record.string("coder"), journalSequence: try record.int("journalSequence"))
        let members = try record.map("excerpts")
        coding.excerpts.reserveCapacity(members.count)
        let excerptsPath = JSONPath.root.field("excerpts")
        for member in members {
            coding.excerpts[member.key] = try decodeExcerpt(member.value, at: excerptsPath.key(member.key))
        }
        return coding
    }

    static func decodeExcerpt(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> ExcerptCoding {
        let record = try JSONRecord(value, at: path)
        try record.requireOnly(excerptFields)
        return ExcerptCoding(
            finished: try record.bool("finished"), codes: try decodeCodes(record.map("codes"), at: path.field("codes")),
            memo: try record.optionalString("memo"), updated: try record.string("updated"),
            codebookRevision: try record.int("codebookRevision"))
    }

    static func decodeCodes(_ members: [JSONMember], at path: JSONPath) throws(JSONShapeError) -> [String: AppliedCode]
    {
        var codes: [String: AppliedCode] = [:]
        for member in members {
            let codePath = path.key(member.key)
            let applied = try JSONRecord(member.value, at: codePath)
            try applied.requireOnly(appliedCodeFields)
            var spans: [TextSpan] = []
            for (index, element) in (try applied.optionalArray("spans") ?? []).enumerated() {
                let span = try JSONRecord(element, at: codePath.field("spans").index(index))
                try span.requireOnly(spanFields)
                spans.append(TextSpan(start: try span.int("start"), end: try span.int("end")))
            }
            codes[member.key] = AppliedCode(spans: spans, memo: try applied.optionalString("memo"))
        }
        return codes
    }

    public static func encode(_ coding: Coding) -> JSONValue {
        .record(
            FileKind.coding.header() + [
                ("coder", .string(coding.coder)),
                ("journalSequence", .int(coding.journalSequence)),
                ("excerpts", .object(coding.excerpts.map { ($0.key, encodeExcerpt($0.value)) })),
            ])
    }

    /// Members in the writer's order (sorted by key), so it need not sort them again.
    static func encodeExcerpt(_ excerpt: ExcerptCoding) -> JSONValue {
        .record([
            ("codebookRevision", .int(excerpt.codebookRevision)),
            ("codes", encodeCodes(excerpt.codes)),
            ("finished", .bool(excerpt.finished)),
            ("memo", .optionalString(excerpt.memo)),
            ("updated", .string(excerpt.updated)),
        ])
    }

    static func encodeCodes(_ codes: [String: AppliedCode]) -> JSONValue {
        .object(
            codes.map { id, applied in
                (
                    id,
                    .record([
                        ("memo", .optionalString(applied.memo)),
                        (
                            "spans",
                            applied.spans.isEmpty
                                ? nil
                                : .array(
                                    applied.spans.sorted().map {
                                        .object([("end", .int($0.end)), ("start", .int($0.start))])
                                    })
                        ),
                    ])
                )
            })
    }
}
