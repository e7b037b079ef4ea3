import CanonicalJSON

/// A history entry's `action` in codebook.json: an object naming its `type` ("rename") with what that kind of
/// change records beside it (`"from"`, `"to"`). Empty values are left out, never written as null.
enum CodebookActionFormat {
    static func decode(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> CodebookChange.Action {
        let record = try JSONRecord(value, at: path)
        let type = try record.string("type")
        let action: CodebookChange.Action
        let fields: Set<String>
        switch type {
        case "create": (action, fields) = (.create, [])
        case "retire": (action, fields) = (.retire, [])
        case "import":
            action = .import(
                file: try record.string("file"), codes: try record.int("codes"), groups: try record.int("groups"))
            fields = ["file", "codes", "groups"]
        case "add": (action, fields) = (.add(parent: try record.optionalString("parent")), ["parent"])
        case "edit": (action, fields) = (.edit(try decodeFields(record)), ["fields"])
        case "rename":
            (action, fields) = (.rename(from: try record.string("from"), to: try record.string("to")), ["from", "to"])
        case "move", "reorder":
            let from = try decodePlace(record.record("from")), to = try decodePlace(record.record("to"))
            (action, fields) = (
                type == "move" ? .move(from: from, to: to) : .reorder(from: from, to: to), ["from", "to"]
            )
        case "merge":
            action = .merge(
                moved: try decodeCounts(record, "moved"), bothApplied: try record.optionalInt("bothApplied") ?? 0)
            fields = ["moved", "bothApplied"]
        case "split": (action, fields) = (.split(moved: try decodeCounts(record, "moved")), ["moved"])
        case "add-group": (action, fields) = (.addGroup(try record.string("group")), ["group"])
        case "delete-group": (action, fields) = (.deleteGroup(try record.string("group")), ["group"])
        case "add-to-group": (action, fields) = (.addToGroup(try record.string("group")), ["group"])
        case "remove-from-group": (action, fields) = (.removeFromGroup(try record.string("group")), ["group"])
        case "undo":
            let undid = try record.record("undid")
            try undid.requireOnly(["revision", "type"])
            var kept: [String] = []
            for (index, element) in (try record.optionalArray("keptAsCodedSince") ?? []).enumerated() {
                kept.append(try JSONRecord.string(element, at: path.field("keptAsCodedSince").index(index)))
            }
            action = .undo(
                revision: try undid.int("revision"), type: try undid.string("type"),
                restored: try decodeCounts(record, "restored"), keptAsCodedSince: kept)
            fields = ["undid", "restored", "keptAsCodedSince"]
        default:
            throw JSONShapeError(
                path: path.field("type"), offset: record.value("type")?.offset ?? value.offset,
                message: "\"\(type)\" is not a kind of codebook change")
        }
        try record.requireOnly(fields.union(["type"]))
        return action
    }

    private static func decodeFields(_ record: JSONRecord) throws(JSONShapeError) -> [CodeField: FieldChange] {
        var changes: [CodeField: FieldChange] = [:]
        for member in try record.map("fields") {
            let path = record.path.field("fields").key(member.key)
            guard let field = CodeField(rawValue: member.key) else {
                throw JSONShapeError(
                    path: path, offset: member.value.offset,
                    message:
                        "\"\(member.key)\" is not a field of a code; expected one of: \(CodeField.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let change = try JSONRecord(member.value, at: path)
            try change.requireOnly(["from", "to"])
            changes[field] = FieldChange(from: try change.optionalString("from"), to: try change.optionalString("to"))
        }
        return changes
    }

    private static func decodePlace(_ record: JSONRecord) throws(JSONShapeError) -> CodePlace {
        try record.requireOnly(["parent", "position"])
        return CodePlace(parent: try record.optionalString("parent"), position: try record.int("position"))
    }

    private static func decodeCounts(_ record: JSONRecord, _ key: String) throws(JSONShapeError) -> [String: Int]? {
        guard let members = try record.optionalMap(key) else { return nil }
        var counts: [String: Int] = [:]
        for member in members {
            counts[member.key] = try JSONRecord.integer(member.value, at: record.path.field(key).key(member.key))
        }
        return counts
    }

    static func encode(_ action: CodebookChange.Action) -> JSONValue {
        let members: [(String, JSONValue?)]
        switch action {
        case .create, .retire: members = []
        case .import(let file, let codes, let groups):
            members = [("file", .string(file)), ("codes", .int(codes)), ("groups", .int(groups))]
        case .add(let parent): members = [("parent", .optionalString(parent))]
        case .edit(let fields):
            members = [
                (
                    "fields",
                    .object(
                        fields.map { field, change in
                            (
                                field.rawValue,
                                .record([("from", .optionalString(change.from)), ("to", .optionalString(change.to))])
                            )
                        })
                )
            ]
        case .rename(let from, let to): members = [("from", .string(from)), ("to", .string(to))]
        case .move(let from, let to), .reorder(let from, let to):
            members = [("from", encodePlace(from)), ("to", encodePlace(to))]
        case .merge(let moved, let both):
            members = [("moved", moved.map(encodeCounts)), ("bothApplied", both > 0 ? .int(both) : nil)]
        case .split(let moved): members = [("moved", moved.map(encodeCounts))]
        case .addGroup(let group), .deleteGroup(let group), .addToGroup(let group), .removeFromGroup(let group):
            members = [("group", .string(group))]
        case .undo(let revision, let type, let restored, let kept):
            members = [
                ("undid", .object([("revision", .int(revision)), ("type", .string(type))])),
                ("restored", restored.map(encodeCounts)),
                ("keptAsCodedSince", kept.isEmpty ? nil : .array(kept.map { .string($0) })),
            ]
        }
        return .record([("type", .string(action.type))] + members)
    }

    private static func encodePlace(_ place: CodePlace) -> JSONValue {
        .record([("parent", .optionalString(place.parent)), ("position", .int(place.position))])
    }

    private static func encodeCounts(_ counts: [String: Int]) -> JSONValue {
        .object(counts.map { ($0.key, .int($0.value)) })
    }
}
