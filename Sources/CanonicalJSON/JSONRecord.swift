/// A value of the wrong shape: what was expected, where (path and byte offset) and what was found.
public struct JSONShapeError: Error, Sendable, CustomStringConvertible {
    public var path: JSONPath
    public var offset: Int
    public var message: String

    public init(path: JSONPath, offset: Int, message: String) {
        self.path = path
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Reads one JSON object as a record with known fields, naming the path of anything missing, mistyped or unknown.
///
/// Unknown keys are refused: a key this build does not know would be dropped on the next save, so reading on
/// would lose the user's data.
public struct JSONRecord {
    public let path: JSONPath
    public let offset: Int
    private let members: [JSONMember]

    public init(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) {
        guard case .object(let members) = value.kind else {
            throw JSONShapeError(
                path: path, offset: value.offset, message: "expected an object, found \(value.typeDescription)")
        }
        self.path = path
        self.offset = value.offset
        self.members = members
    }

    public var keys: [String] { members.map(\.key) }

    public func value(_ key: String) -> JSONValue? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// Refuses keys outside `known`, listing what is allowed.
    public func requireOnly(_ known: Set<String>) throws(JSONShapeError) {
        for member in members where !known.contains(member.key) {
            throw JSONShapeError(
                path: path.field(member.key), offset: member.value.offset,
                message: "unknown field \"\(member.key)\"; expected one of: \(known.sorted().joined(separator: ", "))")
        }
    }

    public func required(_ key: String) throws(JSONShapeError) -> JSONValue {
        guard let value = value(key) else {
            throw JSONShapeError(path: path, offset: offset, message: "missing required field \"\(key)\"")
        }
        return value
    }

    private func mistyped(_ key: String, _ value: JSONValue, _ expected: String) -> JSONShapeError {
        JSONShapeError(
            path: path.field(key), offset: value.offset, message: "expected \(expected), found \(value.typeDescription)"
        )
    }

    public func string(_ key: String) throws(JSONShapeError) -> String {
        let value = try required(key)
        guard case .string(let text) = value.kind else { throw mistyped(key, value, "a string") }
        return text
    }

    public func optionalString(_ key: String) throws(JSONShapeError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value.kind else { throw mistyped(key, value, "a string") }
        return text
    }

    public func int(_ key: String) throws(JSONShapeError) -> Int {
        let value = try required(key)
        return try Self.integer(value, at: path.field(key))
    }

    public func optionalInt(_ key: String) throws(JSONShapeError) -> Int? {
        guard let value = value(key) else { return nil }
        return try Self.integer(value, at: path.field(key))
    }

    public func bool(_ key: String) throws(JSONShapeError) -> Bool {
        let value = try required(key)
        guard case .bool(let flag) = value.kind else { throw mistyped(key, value, "true or false") }
        return flag
    }

    public func optionalBool(_ key: String) throws(JSONShapeError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value.kind else { throw mistyped(key, value, "true or false") }
        return flag
    }

    public func array(_ key: String) throws(JSONShapeError) -> [JSONValue] {
        let value = try required(key)
        guard case .array(let elements) = value.kind else { throw mistyped(key, value, "an array") }
        return elements
    }

    public func optionalArray(_ key: String) throws(JSONShapeError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard case .array(let elements) = value.kind else { throw mistyped(key, value, "an array") }
        return elements
    }

    /// A map keyed by ids (a JSON object used as a dictionary), as its members in source order.
    public func map(_ key: String) throws(JSONShapeError) -> [JSONMember] {
        let value = try required(key)
        return try Self.members(value, at: path.field(key))
    }

    public func optionalMap(_ key: String) throws(JSONShapeError) -> [JSONMember]? {
        guard let value = value(key) else { return nil }
        return try Self.members(value, at: path.field(key))
    }

    public func record(_ key: String) throws(JSONShapeError) -> JSONRecord {
        try JSONRecord(try required(key), at: path.field(key))
    }

    public func optionalRecord(_ key: String) throws(JSONShapeError) -> JSONRecord? {
        guard let value = value(key) else { return nil }
        return try JSONRecord(value, at: path.field(key))
    }

    public static func members(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> [JSONMember] {
        guard case .object(let members) = value.kind else {
            throw JSONShapeError(
                path: path, offset: value.offset, message: "expected an object, found \(value.typeDescription)")
        }
        return members
    }

    public static func string(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> String {
        guard case .string(let text) = value.kind else {
            throw JSONShapeError(
                path: path, offset: value.offset, message: "expected a string, found \(value.typeDescription)")
        }
        return text
    }

    public static func integer(_ value: JSONValue, at path: JSONPath) throws(JSONShapeError) -> Int {
        guard case .number(let number) = value.kind else {
            throw JSONShapeError(
                path: path, offset: value.offset, message: "expected a whole number, found \(value.typeDescription)")
        }
        guard number.rounded() == number, abs(number) < 9_007_199_254_740_992 else {
            throw JSONShapeError(
                path: path, offset: value.offset,
                message: "expected a whole number, found \(CanonicalWriter.format(number))")
        }
        return Int(number)
    }
}
