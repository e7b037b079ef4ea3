import CanonicalJSON

/// `codebook.json` (and the files in Codebooks/): reading, with every problem located, and canonical writing.
///
/// Reads only the current version: an older file is first upgraded by its `Migration` steps (version 2 added code
/// groups, version 3 typed history entries). Always written at the current version.
public enum CodebookFormat {
    static let fields: Set<String> = [
        "kind", "schemaVersion", "title", "description", "source", "revision", "codes", "groups", "history",
    ]
    static let groupFields: Set<String> = ["id", "name", "description", "codes", "guid"]
    static let codeFields: Set<String> = [
        "id", "name", "parent", "status", "mergedInto", "codable", "brief", "full",
        "whenToUse", "whenNotToUse", "example", "colour", "hotkey", "source", "guid",
    ]
    static let changeFields: Set<String> = [
        "revision", "at", "by", "action", "codes", "note", "codings", "groupsBefore",
    ]

    static func decode(_ value: JSONValue, problems: inout FileProblems) throws(JSONShapeError) -> Codebook {
        let record = try JSONRecord(try Migration.upgrade(value, to: .codebook), at: .root)
        try record.requireOnly(fields)
        var codebook = Codebook(
            title: try record.string("title"), description: try record.optionalString("description"),
            source: try record.optionalString("source"), revision: try record.int("revision"))
        if codebook.revision < 1 {
            problems.error(
                record.path.field("revision"), record.value("revision")?.offset ?? 0, "the revision must be 1 or more")
        }
        var offsets: [String: Int] = [:]
        var codeOffsets: [Int] = []
        for (index, element) in try record.array("codes").enumerated() {
            codeOffsets.append(element.offset)
            let code = try decodeCode(element, at: record.path.field("codes").index(index))
            if offsets[code.id] != nil {
                problems.error(
                    record.path.field("codes").index(index).field("id"), element.offset,
                    "duplicate code id \"\(code.id)\"")
            } else {
                offsets[code.id] = element.offset
            }
            if !Identifier.isValidID(code.id) {
                problems.error(
                    record.path.field("codes").index(index).field("id"), element.offset,
                    "\"\(code.id)\" is not a valid code id (\(Identifier.idRule))")
            }
            codebook.codes.append(code)
        }
        for (index, element) in try record.array("history").enumerated() {
            codebook.history.append(try decodeChange(element, at: record.path.field("history").index(index)))
        }
        checkTree(codebook, ids: Set(offsets.keys), offsets: codeOffsets, problems: &problems)
        let groups = try record.optionalArray("groups") ?? []
        codebook.groups = try decodeGroups(groups, at: record.path.field("groups"))
        checkGroups(codebook.groups, codes: Set(offsets.keys), elements: groups, problems: &problems)
        return codebook
    }

    private static func decodeGroups(_ elements: [JSONValue], at path: JSONPath) throws(JSONShapeError) -> [CodeGroup] {
        var groups: [CodeGroup] = []
        for (index, element) in elements.enumerated() {
            let record = try JSONRecord(element, at: path.index(index))
            try record.requireOnly(groupFields)
            var codes: [String] = []
            for (position, code) in try record.array("codes").enumerated() {
                codes.append(try JSONRecord.string(code, at: record.path.field("codes").index(position)))
            }
            groups.append(
                CodeGroup(
                    id: try record.string("id"), name: try record.string("name"),
                    description: try record.optionalString("description"), codes: codes, guid: try decodeGUID(record)))
        }
        return groups
    }

    /// Group ids valid and unique; every member a code of this codebook, listed once.
    private static func checkGroups(
        _ groups: [CodeGroup], codes: Set<String>, elements: [JSONValue], problems: inout FileProblems
    ) {
        var seen: Set<String> = []
        for (index, group) in groups.enumerated() {
            let path = JSONPath.root.field("groups").index(index)
            // Only to place a problem: a group of the wrong shape is already reported by the decoder.
            let record = try? JSONRecord(elements[index], at: path)
            let idOffset = record?.value("id")?.offset ?? elements[index].offset
            let memberOffsets = (try? record?.array("codes"))?.map(\.offset) ?? []
            if !Identifier.isValidID(group.id) {
                problems.error(
                    path.field("id"), idOffset, "\"\(group.id)\" is not a valid group id (\(Identifier.idRule))")
            } else if !seen.insert(group.id).inserted {
                problems.error(path.field("id"), idOffset, "duplicate group id \"\(group.id)\"")
            }
            var members: Set<String> = []
            for (position, code) in group.codes.enumerated() {
                let offset = position < memberOffsets.count ? memberOffsets[position] : elements[index].offset
                if !codes.contains(code) {
                    problems.error(
                        path.field("codes").index(position), offset, "\"\(code)\" is not a code of this codebook")
                } else if !members.insert(code).inserted {
                    problems.error(
                        path.field("codes").index(position), offset,
                        "code \"\(code)\" is already a member of group \"\(group.id)\"")
                }
            }
        }
    }

    private static func decodeCode(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> Code {
        let record = try JSONRecord(value, at: path)
        try record.requireOnly(codeFields)
        let statusText = try record.string("status")
        let mergedInto = try record.optionalString("mergedInto")
        let status: Code.Status
        switch (statusText, mergedInto) {
        case ("active", nil): status = .active
        case ("retired", nil): status = .retired
        case ("merged", let target?): status = .merged(into: target)
        case ("merged", nil):
            throw JSONShapeError(
                path: path, offset: value.offset,
                message: "a merged code needs \"mergedInto\" naming the code it was merged into")
        case (_, .some) where statusText == "active" || statusText == "retired":
            throw JSONShapeError(
                path: path.field("mergedInto"), offset: value.offset,
                message: "only a code with status \"merged\" has \"mergedInto\"")
        default:
            throw JSONShapeError(
                path: path.field("status"), offset: record.value("status")?.offset ?? value.offset,
                message: "expected \"active\", \"retired\" or \"merged\", found \"\(statusText)\"")
        }
        return Code(
            id: try record.string("id"), name: try record.string("name"), parent: try record.optionalString("parent"),
            status: status, codable: try record.bool("codable"), brief: try record.optionalString("brief"),
            full: try record.optionalString("full"), whenToUse: try record.optionalString("whenToUse"),
            whenNotToUse: try record.optionalString("whenNotToUse"), example: try record.optionalString("example"),
            colour: try record.optionalString("colour"), hotkey: try record.optionalString("hotkey"),
            source: try record.optionalString("source"), guid: try decodeGUID(record))
    }

    private static func decodeGUID(_ record: JSONRecord) throws(JSONShapeError) -> String? {
        guard let guid = try record.optionalString("guid") else { return nil }
        guard RefiGUID.isNormalised(guid) else {
            throw JSONShapeError(
                path: record.path.field("guid"), offset: record.value("guid")?.offset ?? record.offset,
                message:
                    "expected a GUID in lower case without braces, like 3f2504e0-4f89-11d3-9a0c-0305e82c3301, found \"\(guid)\""
            )
        }
        return guid
    }

    private static func decodeChange(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> CodebookChange {
        let record = try JSONRecord(value, at: path)
        try record.requireOnly(changeFields)
        var codes: [String] = []
        for (index, element) in try record.array("codes").enumerated() {
            codes.append(try JSONRecord.string(element, at: path.field("codes").index(index)))
        }
        return CodebookChange(
            revision: try record.int("revision"), at: try record.string("at"), by: try record.string("by"),
            action: try CodebookActionFormat.decode(try record.required("action"), at: path.field("action")),
            codes: codes,
            note: try record.optionalString("note"),
            codings: try record.value("codings").map { value throws(JSONShapeError) in
                try decodeCodings(value, at: path.field("codings"))
            },
            groupsBefore: try record.optionalArray("groupsBefore").map { elements throws(JSONShapeError) in
                try decodeGroups(elements, at: path.field("groupsBefore"))
            })
    }

    private static func decodeCodings(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> RewrittenCodings
    {
        let record = try JSONRecord(value, at: path)
        try record.requireOnly(["coders", "consensus"])
        var codings = RewrittenCodings()
        for coder in try record.map("coders") {
            let coderPath = path.field("coders").key(coder.key)
            for excerpt in try JSONRecord.members(coder.value, at: coderPath) {
                let pair = try JSONRecord(excerpt.value, at: coderPath.key(excerpt.key))
                try pair.requireOnly(["before", "after"])
                codings.coders[coder.key, default: [:]][excerpt.key] = RewrittenCodings.Codes(
                    before: try CodingFormat.decodeCodes(pair.map("before"), at: pair.path.field("before")),
                    after: try CodingFormat.decodeCodes(pair.map("after"), at: pair.path.field("after")))
            }
        }
        for excerpt in try record.map("consensus") {
            let pair = try JSONRecord(excerpt.value, at: path.field("consensus").key(excerpt.key))
            try pair.requireOnly(["before", "after"])
            codings.consensus[excerpt.key] = RewrittenCodings.Decision(
                before: try ConsensusFormat.decodeDecision(try pair.required("before"), at: pair.path.field("before")),
                after: try ConsensusFormat.decodeDecision(try pair.required("after"), at: pair.path.field("after")))
        }
        return codings
    }

    /// Parents exist and come before their children, no cycles, merge targets exist, hotkeys and colours are sane.
    private static func checkTree(_ codebook: Codebook, ids: Set<String>, offsets: [Int], problems: inout FileProblems)
    {
        var seen: Set<String> = []
        var hotkeys: [String: String] = [:]
        var siblingNames: Set<String> = []
        for (index, code) in codebook.codes.enumerated() {
            let path = JSONPath.root.field("codes").index(index)
            let offset = offsets[index]
            if let parent = code.parent {
                if !ids.contains(parent) {
                    problems.error(path.field("parent"), offset, "parent \"\(parent)\" is not a code of this codebook")
                } else if !seen.contains(parent) {
                    problems.error(
                        path.field("parent"), offset,
                        "parent \"\(parent)\" must come before its child \"\(code.id)\" (codes are listed in tree order)"
                    )
                }
            }
            if case .merged(let target) = code.status, !ids.contains(target) || target == code.id {
                problems.error(path.field("mergedInto"), offset, "\"\(target)\" is not another code of this codebook")
            }
            if let hotkey = code.hotkey {
                if hotkey.count != 1 {
                    problems.error(path.field("hotkey"), offset, "a hotkey is a single character, found \"\(hotkey)\"")
                } else if let other = hotkeys[hotkey] {
                    problems.error(
                        path.field("hotkey"), offset, "hotkey \"\(hotkey)\" is already used by code \"\(other)\"")
                } else {
                    hotkeys[hotkey] = code.id
                }
            }
            if let colour = code.colour, !isColour(colour) {
                problems.error(path.field("colour"), offset, "expected a colour like \"#1f77b4\", found \"\(colour)\"")
            }
            if !siblingNames.insert("\(code.parent ?? "")\u{0}\(code.name)").inserted {
                problems.warning(
                    path.field("name"), offset, "another code under the same parent is also named \"\(code.name)\"")
            }
            seen.insert(code.id)
        }
    }

    static func isColour(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 7 && bytes[0] == UInt8(ascii: "#")
            && bytes.dropFirst().allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0)
            }
    }

    public static func encode(_ codebook: Codebook) -> JSONValue {
        .record(
            FileKind.codebook.header() + [
                ("title", .string(codebook.title)),
                ("description", .optionalString(codebook.description)),
                ("source", .optionalString(codebook.source)),
                ("revision", .int(codebook.revision)),
                ("codes", .array(codebook.codes.map(encodeCode))),
                ("groups", codebook.groups.isEmpty ? nil : encodeGroups(codebook.groups)),
                ("history", .array(codebook.history.map(encodeChange))),
            ])
    }

    private static func encodeGroups(_ groups: [CodeGroup]) -> JSONValue {
        .array(
            groups.map { group in
                .record([
                    ("id", .string(group.id)), ("name", .string(group.name)),
                    ("description", .optionalString(group.description)),
                    ("codes", .array(group.codes.map { .string($0) })), ("guid", .optionalString(group.guid)),
                ])
            })
    }

    private static func encodeCode(_ code: Code) -> JSONValue {
        let status: String
        var mergedInto: String?
        switch code.status {
        case .active: status = "active"
        case .retired: status = "retired"
        case .merged(let target):
            status = "merged"
            mergedInto = target
        }
        return .record([
            ("id", .string(code.id)), ("name", .string(code.name)), ("parent", .optionalString(code.parent)),
            ("status", .string(status)), ("mergedInto", .optionalString(mergedInto)), ("codable", .bool(code.codable)),
            ("brief", .optionalString(code.brief)), ("full", .optionalString(code.full)),
            ("whenToUse", .optionalString(code.whenToUse)), ("whenNotToUse", .optionalString(code.whenNotToUse)),
            ("example", .optionalString(code.example)), ("colour", .optionalString(code.colour)),
            ("hotkey", .optionalString(code.hotkey)), ("source", .optionalString(code.source)),
            ("guid", .optionalString(code.guid)),
        ])
    }

    private static func encodeChange(_ change: CodebookChange) -> JSONValue {
        .record([
            ("revision", .int(change.revision)), ("at", .string(change.at)), ("by", .string(change.by)),
            ("action", CodebookActionFormat.encode(change.action)), ("codes", .array(change.codes.map { .string($0) })),
            ("note", .optionalString(change.note)),
            ("codings", change.codings.map(encodeCodings)),
            ("groupsBefore", change.groupsBefore.map(encodeGroups)),
        ])
    }

    private static func encodeCodings(_ codings: RewrittenCodings) -> JSONValue {
        .object([
            (
                "coders",
                .object(
                    codings.coders.map { coder, excerpts in
                        (
                            coder,
                            .object(
                                excerpts.map { excerpt, codes in
                                    (
                                        excerpt,
                                        .object([
                                            ("before", CodingFormat.encodeCodes(codes.before)),
                                            ("after", CodingFormat.encodeCodes(codes.after)),
                                        ])
                                    )
                                })
                        )
                    })
            ),
            (
                "consensus",
                .object(
                    codings.consensus.map { excerpt, decision in
                        (
                            excerpt,
                            .object([
                                ("before", ConsensusFormat.encodeDecision(decision.before)),
                                ("after", ConsensusFormat.encodeDecision(decision.after)),
                            ])
                        )
                    })
            ),
        ])
    }
}
