import CanonicalJSON

/// A review file in its usual shape read straight from the bytes, without a JSON tree: the corpus is half of a
/// study's bytes (300 reviews, 32 MB of excerpt text), and building a tree of it only to copy its strings out again
/// was much of the time a study took to load.
///
/// The general reading (`JSONParser` then `ReviewFormat.decode`) stays the reference for what a file means and for
/// every problem and its place. This reads only a file that the general reading takes without a problem: known fields
/// with values of the right type, at most once each, plain integers, a known kind and version, valid excerpt ids and
/// pages. On anything else (a byte order mark, an unknown or repeated field, invalid UTF-8, a number such as `2.0`, a
/// syntax error) it gives up and returns nil, and the general reading takes over, so both always agree on what a file
/// holds.
enum ReviewScan {
    static func read(_ bytes: [UInt8]) -> Review? {
        // Checked whole first, as the parser does, so that each string is taken as it is (Swift's own check, string by
        // string, costs a generic lookup per call).
        guard SourceText.firstInvalidUTF8Offset(in: bytes) == nil else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return scanner.review()
        }
    }

    fileprivate struct Scanner {
        var cursor: JSONByteCursor

        init(bytes: UnsafeBufferPointer<UInt8>) {
            cursor = JSONByteCursor(bytes: bytes)
        }

        mutating func review() -> Review? {
            guard cursor.take(UInt8(ascii: "{")) else { return nil }
            var kind: String?
            var version: Int?
            var id: String?
            var title: String?
            var source: String?
            var attributes: [String: String]?
            var excerpts: [Excerpt]?
            var anyPage = false
            if !cursor.take(UInt8(ascii: "}")) {
                repeat {
                    guard let key = key(), cursor.take(UInt8(ascii: ":")) else { return nil }
                    switch key {
                    case "kind" where kind == nil:
                        guard let value = cursor.string() else { return nil }
                        kind = value
                    case "schemaVersion" where version == nil:
                        guard let value = cursor.integer() else { return nil }
                        version = value
                    case "id" where id == nil:
                        guard let value = cursor.string() else { return nil }
                        id = value
                    case "title" where title == nil:
                        guard let value = cursor.string() else { return nil }
                        title = value
                    case "source" where source == nil:
                        guard let value = cursor.string() else { return nil }
                        source = value
                    case "attributes" where attributes == nil:
                        guard let value = stringMap() else { return nil }
                        attributes = value
                    case "excerpts" where excerpts == nil:
                        guard let value = excerptList(anyPage: &anyPage) else { return nil }
                        excerpts = value
                    default: return nil
                    }
                } while cursor.take(UInt8(ascii: ","))
                guard cursor.take(UInt8(ascii: "}")) else { return nil }
            }
            guard cursor.isAtEnd(), kind == FileKind.review.rawValue, let version,
                (1...FileKind.review.currentVersion).contains(version), version >= 2 || !anyPage,
                let id, let title, let attributes, let excerpts
            else { return nil }
            return Review(id: id, title: title, source: source, attributes: attributes, excerpts: excerpts)
        }

        /// An object of string values, as `attributes` holds; nil on a key given twice (the parser refuses it).
        mutating func stringMap() -> [String: String]? {
            guard cursor.take(UInt8(ascii: "{")) else { return nil }
            var map: [String: String] = [:]
            if cursor.take(UInt8(ascii: "}")) { return map }
            repeat {
                guard let key = cursor.string(), cursor.take(UInt8(ascii: ":")), let value = cursor.string(),
                    map.updateValue(value, forKey: key) == nil
                else { return nil }
            } while cursor.take(UInt8(ascii: ","))
            return cursor.take(UInt8(ascii: "}")) ? map : nil
        }

        mutating func excerptList(anyPage: inout Bool) -> [Excerpt]? {
            guard cursor.take(UInt8(ascii: "[")) else { return nil }
            var excerpts: [Excerpt] = []
            if cursor.take(UInt8(ascii: "]")) { return excerpts }
            repeat {
                guard let excerpt = excerpt() else { return nil }
                if excerpt.page != nil { anyPage = true }
                excerpts.append(excerpt)
            } while cursor.take(UInt8(ascii: ","))
            return cursor.take(UInt8(ascii: "]")) ? excerpts : nil
        }

        /// One excerpt with a valid id and, when it has one, a page of 1 or more.
        mutating func excerpt() -> Excerpt? {
            guard cursor.take(UInt8(ascii: "{")) else { return nil }
            var id: String?
            var section: String?
            var text: String?
            var page: Int?
            repeat {
                guard let key = key(), cursor.take(UInt8(ascii: ":")) else { return nil }
                switch key {
                case "id" where id == nil:
                    guard let value = cursor.string(), Identifier.isValidID(value) else { return nil }
                    id = value
                case "section" where section == nil:
                    guard let value = cursor.string() else { return nil }
                    section = value
                case "text" where text == nil:
                    guard let value = cursor.string() else { return nil }
                    text = value
                case "page" where page == nil:
                    guard let value = cursor.integer(), value >= 1 else { return nil }
                    page = value
                default: return nil
                }
            } while cursor.take(UInt8(ascii: ","))
            guard cursor.take(UInt8(ascii: "}")), let id, let section, let text else { return nil }
            return Excerpt(id: id, section: section, text: text, page: page)
        }

        /// A member name as text. Only printable ASCII without escapes is taken; no field of a review has another name.
        mutating func key() -> String? {
            guard let range = cursor.asciiString() else { return nil }
            return cursor.text(range)
        }
    }
}
