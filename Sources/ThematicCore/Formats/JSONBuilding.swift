import CanonicalJSON

extension JSONValue {
    /// An object whose nil members are left out: optional fields are omitted, never written as null.
    static func record(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    static func optionalString(_ text: String?) -> JSONValue? { text.map { .string($0) } }
}
