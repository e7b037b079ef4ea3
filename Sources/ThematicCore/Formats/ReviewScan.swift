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
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func review() -> Review? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var kind: String?
            var version: Int?
            var id: String?
            var title: String?
            var source: String?
            var attributes: [String: String]?
            var excerpts: [Excerpt]?
            var anyPage = false
            if !take(UInt8(ascii: "}")) {
                repeat {
                    guard let key = key(), take(UInt8(ascii: ":")) else { return nil }
                    switch key {
                    case "kind" where kind == nil:
                        guard let value = string() else { return nil }
                        kind = value
                    case "schemaVersion" where version == nil:
                        guard let value = integer() else { return nil }
                        version = value
                    case "id" where id == nil:
                        guard let value = string() else { return nil }
                        id = value
                    case "title" where title == nil:
                        guard let value = string() else { return nil }
                        title = value
                    case "source" where source == nil:
                        guard let value = string() else { return nil }
                        source = value
                    case "attributes" where attributes == nil:
                        guard let value = stringMap() else { return nil }
                        attributes = value
                    case "excerpts" where excerpts == nil:
                        guard let value = excerptList(anyPage: &anyPage) else { return nil }
                        excerpts = value
                    default: return nil
                    }
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return nil }
            }
            skipWhitespace()
            guard index == bytes.count, kind == FileKind.review.rawValue, let version,
                (1...FileKind.review.currentVersion).contains(version), version >= 2 || !anyPage,
                let id, let title, let attributes, let excerpts
            else { return nil }
            return Review(id: id, title: title, source: source, attributes: attributes, excerpts: excerpts)
        }

        /// An object of string values, as `attributes` holds; nil on a key given twice (the parser refuses it).
        mutating func stringMap() -> [String: String]? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var map: [String: String] = [:]
            if take(UInt8(ascii: "}")) { return map }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")), let value = string(),
                    map.updateValue(value, forKey: key) == nil
                else { return nil }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? map : nil
        }

        mutating func excerptList(anyPage: inout Bool) -> [Excerpt]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var excerpts: [Excerpt] = []
            if take(UInt8(ascii: "]")) { return excerpts }
            repeat {
                guard let excerpt = excerpt() else { return nil }
                if excerpt.page != nil { anyPage = true }
                excerpts.append(excerpt)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? excerpts : nil
        }

        /// One excerpt with a valid id and, when it has one, a page of 1 or more.
        mutating func excerpt() -> Excerpt? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var id: String?
            var section: String?
            var text: String?
            var page: Int?
            repeat {
                guard let key = key(), take(UInt8(ascii: ":")) else { return nil }
                switch key {
                case "id" where id == nil:
                    guard let value = string(), Identifier.isValidID(value) else { return nil }
                    id = value
                case "section" where section == nil:
                    guard let value = string() else { return nil }
                    section = value
                case "text" where text == nil:
                    guard let value = string() else { return nil }
                    text = value
                case "page" where page == nil:
                    guard let value = integer(), value >= 1 else { return nil }
                    page = value
                default: return nil
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")), let id, let section, let text else { return nil }
            return Excerpt(id: id, section: section, text: text, page: page)
        }

        /// A member name of plain ASCII letters; nil for anything else (no field of a review has another name).
        mutating func key() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
                }
                guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) else { return nil }
                index += 1
            }
            return nil
        }

        /// A whole number written as the canonical writer writes one: digits, no sign, no leading zero, no fraction.
        mutating func integer() -> Int? {
            skipWhitespace()
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            let digits = index - start
            // Fifteen digits at most: the parser reads a number as a Double, exact for whole numbers that short.
            guard digits >= 1, digits <= 15, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
            if index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
                default: break
                }
            }
            return bytes[start..<index].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }

        /// A string as the parser reads it, escapes decoded; nil for anything the parser refuses.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") { break }
                guard byte >= 0x20 else { return nil }
                index += 1
            }
            var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { return String(decoding: scratch, as: UTF8.self) }
                if byte == UInt8(ascii: "\\") {
                    guard escape(into: &scratch) else { return nil }
                } else {
                    guard byte >= 0x20 else { return nil }
                    scratch.append(byte)
                }
            }
            return nil
        }

        /// The escape after a backslash, appended as UTF-8; false for one the parser refuses.
        mutating func escape(into scratch: inout [UInt8]) -> Bool {
            guard index < bytes.count else { return false }
            let code = bytes[index]
            index += 1
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(code)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return false }
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else { return false }
                    index += 2
                    guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return false }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { return false }
                UTF8.encode(unicode) { scratch.append($0) }
            default: return false
            }
            return true
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// Skips white space, then takes `byte` if it comes next.
        mutating func take(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }
    }
}
