import CanonicalJSON

/// One step that upgrades a file of one kind from `version` to the next, on the parsed JSON before it is decoded,
/// so that a decoder reads only the current version. A step refuses what it cannot upgrade with a `JSONShapeError`
/// located at the value it refuses, which the reader reports as `file:line:column`. The next format change is one
/// more step: a file beside this one, listed in `Migration.steps`, and its kind's `currentVersion` raised.
struct Migration: Sendable {
    let kind: FileKind
    /// The version the step reads; it writes `version + 1`.
    let version: Int
    /// The whole file's top-level value, already at `version`; returns it as the next version has it (the
    /// `schemaVersion` member is set by `Migration.upgrade`).
    let upgrade: @Sendable (JSONValue) throws(JSONShapeError) -> JSONValue

    /// Every step, of every kind.
    static let steps: [Migration] = [.codebook1To2, .codebook2To3]

    /// `value`, a whole file of `kind`, at `kind.currentVersion`: each step from the file's version on, in turn.
    /// Refuses a file of another kind, of a version newer than this build reads, or below 1.
    static func upgrade(_ value: JSONValue, to kind: FileKind) throws(JSONShapeError) -> JSONValue {
        var version = try kind.checkHeader(try JSONRecord(value, at: .root))
        var upgraded = value
        while version < kind.currentVersion {
            guard let step = steps.first(where: { $0.kind == kind && $0.version == version }) else {
                throw JSONShapeError(
                    path: JSONPath.root.field("schemaVersion"), offset: value.offset,
                    message: "this build of Thematic cannot upgrade \(kind.rawValue) from schemaVersion \(version)")
            }
            version += 1
            upgraded = try step.upgrade(upgraded).replacing("schemaVersion", with: .int(version))
        }
        return upgraded
    }
}

extension JSONValue {
    /// The object with member `key`'s value replaced (added when missing), keeping the old value's offset so that
    /// a later error about it still points at the file's text.
    func replacing(_ key: String, with value: JSONValue) -> JSONValue {
        guard case .object(var members) = kind else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = JSONValue(value.kind, offset: members[index].value.offset)
        } else {
            members.append(JSONMember(key: key, value: JSONValue(value.kind, offset: offset)))
        }
        return JSONValue(.object(members), offset: offset)
    }

    /// The object without member `key`.
    func removing(_ key: String) -> JSONValue {
        guard case .object(let members) = kind else { return self }
        return JSONValue(.object(members.filter { $0.key != key }), offset: offset)
    }
}
