import CanonicalJSON

extension Migration {
    /// Version 3 of a codebook records what each history entry did as a typed object, `action`, instead of an
    /// action name and a `detail` string (JSON inside a string for most actions, words for an import, merge or
    /// split). Every detail this build or an earlier one wrote is read into it; a detail that says something else (an
    /// entry edited by hand) is refused at the detail, since the action could no longer be shown or undone.
    static let codebook2To3 = Migration(kind: .codebook, version: 2) { value throws(JSONShapeError) in
        let record = try JSONRecord(value, at: .root)
        var history: [JSONValue] = []
        for (index, entry) in try record.array("history").enumerated() {
            history.append(try CodebookDetail.upgrade(entry, at: record.path.field("history").index(index)))
        }
        let array = record.value("history").map { JSONValue(.array(history), offset: $0.offset) } ?? .array(history)
        return value.replacing("history", with: array)
    }
}

/// Reads a version-2 history entry's `action` and `detail` into a version-3 `action` object.
enum CodebookDetail {
    static func upgrade(_ entry: JSONValue, at path: JSONPath) throws(JSONShapeError) -> JSONValue {
        let record = try JSONRecord(entry, at: path)
        let type = try record.string("action")
        let detailValue = record.value("detail")
        let detail = try record.optionalString("detail")
        let place = Place(
            path: path.field(detailValue == nil ? "action" : "detail"),
            offset: (detailValue ?? record.value("action"))?.offset ?? entry.offset, type: type, detail: detail)
        let members: [(String, JSONValue)]
        switch type {
        case "create", "retire":
            guard detail == nil else { throw place.refusal("a \(type) entry has no detail") }
            members = []
        case "import":
            members = try importMembers(place)
        case "add", "edit", "rename", "move", "reorder", "add-group", "delete-group", "add-to-group",
            "remove-from-group":
            let object = try place.object()
            members =
                type == "edit"
                ? [("fields", JSONValue(.object(object), offset: place.offset))] : object.map { ($0.key, $0.value) }
        case "merge":
            members = try mergeMembers(place)
        case "split":
            members = try splitMembers(place)
        case "undo":
            members = try undoMembers(place)
        default:
            throw JSONShapeError(
                path: path.field("action"), offset: record.value("action")?.offset ?? entry.offset,
                message: "\"\(type)\" is not a kind of codebook change")
        }
        let action = JSONValue(
            .object(
                [JSONMember(key: "type", value: .string(type))] + members.map { JSONMember(key: $0.0, value: $0.1) }))
        return entry.removing("detail").replacing("action", with: action.withoutNulls(at: place.offset))
    }

    /// "from FILE: N codes" and, when the import had groups, ", G group(s)".
    private static func importMembers(_ place: Place) throws(JSONShapeError) -> [(String, JSONValue)] {
        guard let detail = place.detail, detail.hasPrefix("from "),
            let colon = detail.range(of: ": ", options: .backwards)
        else {
            throw place.refusal("expected \"from FILE: N codes\"")
        }
        let file = String(detail[detail.index(detail.startIndex, offsetBy: 5)..<colon.lowerBound])
        let counts = detail[colon.upperBound...].components(separatedBy: ", ")
        guard let codes = count(counts.first, "code"), counts.count <= 2 else {
            throw place.refusal("expected \"from FILE: N codes\"")
        }
        var members: [(String, JSONValue)] = [("file", .string(file)), ("codes", .int(codes))]
        if counts.count == 2 {
            guard let groups = count(counts.last, "group") else {
                throw place.refusal("expected \", N groups\" after the codes")
            }
            members.append(("groups", .int(groups)))
        } else {
            members.append(("groups", .int(0)))
        }
        return members
    }

    /// No detail (the codebook alone was changed), or "codings moved: COUNTS" and "; N had both codes".
    private static func mergeMembers(_ place: Place) throws(JSONShapeError) -> [(String, JSONValue)] {
        guard let detail = place.detail else { return [] }
        let parts = detail.components(separatedBy: "; ")
        guard parts.count <= 2, let moved = movedCounts(parts[0]) else {
            throw place.refusal("expected \"codings moved: coder N, ...\"")
        }
        var members: [(String, JSONValue)] = [("moved", moved)]
        if parts.count == 2 {
            guard parts[1].hasSuffix(" had both codes"), let both = Int(parts[1].dropLast(" had both codes".count))
            else {
                throw place.refusal("expected \"N had both codes\" after the codings moved")
            }
            members.append(("bothApplied", .int(both)))
        }
        return members
    }

    /// "into A, B" (the parts, which the entry's codes name too) and "; codings moved: COUNTS".
    private static func splitMembers(_ place: Place) throws(JSONShapeError) -> [(String, JSONValue)] {
        guard let detail = place.detail else { return [] }
        let parts = detail.components(separatedBy: "; ")
        guard parts[0].hasPrefix("into "), parts.count <= 2 else {
            throw place.refusal("expected \"into A, B; codings moved: coder N, ...\"")
        }
        guard parts.count == 2 else { return [] }
        guard let moved = movedCounts(parts[1]) else {
            throw place.refusal("expected \"codings moved: coder N, ...\" after the parts")
        }
        return [("moved", moved)]
    }

    /// {"undid": N, "action": TYPE, "restored": "COUNTS", "keptAsCodedSince": [...]}.
    private static func undoMembers(_ place: Place) throws(JSONShapeError) -> [(String, JSONValue)] {
        let object = Dictionary(try place.object().map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let undid = object["undid"], let type = object["action"] else {
            throw place.refusal("expected \"undid\" and \"action\"")
        }
        var members: [(String, JSONValue)] = [
            (
                "undid",
                JSONValue(
                    .object([JSONMember(key: "revision", value: undid), JSONMember(key: "type", value: type)]),
                    offset: place.offset)
            )
        ]
        if let restored = object["restored"] {
            guard case .string(let text) = restored.kind, let counts = counts(text) else {
                throw place.refusal("expected \"restored\": \"coder N, ...\"")
            }
            members.append(("restored", counts))
        }
        if let kept = object["keptAsCodedSince"] { members.append(("keptAsCodedSince", kept)) }
        let unknown = Set(object.keys).subtracting(["undid", "action", "restored", "keptAsCodedSince"])
        guard unknown.isEmpty else { throw place.refusal("unknown member \"\(unknown.sorted()[0])\"") }
        return members
    }

    /// "codings moved: asha 3, consensus 1" as {"asha": 3, "consensus": 1}.
    private static func movedCounts(_ text: String) -> JSONValue? {
        guard text.hasPrefix("codings moved: ") else { return nil }
        return counts(String(text.dropFirst("codings moved: ".count)))
    }

    /// "asha 3, consensus 1" as {"asha": 3, "consensus": 1}.
    private static func counts(_ text: String) -> JSONValue? {
        var members: [JSONMember] = []
        for item in text.components(separatedBy: ", ") {
            guard let space = item.lastIndex(of: " "), let number = Int(item[item.index(after: space)...]) else {
                return nil
            }
            members.append(JSONMember(key: String(item[..<space]), value: .int(number)))
        }
        return JSONValue(.object(members))
    }

    /// "4 codes" or "1 code" as 4 or 1.
    private static func count(_ text: String?, _ noun: String) -> Int? {
        guard let words = text?.split(separator: " "), words.count == 2, words[1] == noun || words[1] == noun + "s"
        else { return nil }
        return Int(words[0])
    }

    /// Where a detail is, for what reads it and for its refusals.
    private struct Place {
        var path: JSONPath
        var offset: Int
        var type: String
        var detail: String?

        func refusal(_ expected: String) -> JSONShapeError {
            JSONShapeError(
                path: path, offset: offset,
                message: "cannot read the detail of this \(type) entry (\(expected)); was codebook.json edited by hand?"
            )
        }

        /// The detail as the JSON object it holds, its null members left out (version 3 omits what is empty).
        func object() throws(JSONShapeError) -> [JSONMember] {
            // Not swallowed: a detail that does not parse is refused below, with the migration's own message.
            guard let detail, let value = try? JSONParser.parse(Array(detail.utf8)), case .object = value.kind else {
                throw refusal("expected a JSON object")
            }
            guard case .object(let members) = value.withoutNulls(at: offset).kind else { return [] }
            return members
        }
    }
}

private extension JSONValue {
    /// The value with every null object member left out and every offset set to `offset`: a parsed detail's offsets
    /// count from the start of its string, not of the file, and values the migration builds have none.
    func withoutNulls(at offset: Int) -> JSONValue {
        switch kind {
        case .object(let members):
            return JSONValue(
                .object(
                    members.compactMap { member in
                        if case .null = member.value.kind { return nil }
                        return JSONMember(key: member.key, value: member.value.withoutNulls(at: offset))
                    }), offset: offset)
        case .array(let elements):
            return JSONValue(.array(elements.map { $0.withoutNulls(at: offset) }), offset: offset)
        default:
            return JSONValue(kind, offset: offset)
        }
    }
}
