/// A strict, fast JSON parser (RFC 8259) that keeps the offset of every value.
///
/// Foundation's JSONSerialization reads about 5 MB/s on this machine and reports no positions; study files reach tens
/// of megabytes and their readers must say where a problem is. This parser works on bytes, validates UTF-8 first,
/// refuses duplicate keys, and explains truncation and git conflict markers in words.
public enum JSONParser {
    /// Nesting deeper than this is refused rather than risking the stack.
    public static let maximumDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        if let invalid = SourceText.firstInvalidUTF8Offset(in: bytes) {
            throw error(
                bytes, at: invalid,
                "the file is not valid UTF-8 (byte 0x\(hex(bytes[invalid])) cannot start or continue a character here); save it as UTF-8"
            )
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
                var cursor = Cursor(bytes: buffer, index: start)
                cursor.skipWhitespace()
                if cursor.atEnd {
                    throw JSONSyntaxError(
                        offset: cursor.index, line: 0, column: 0,
                        message: bytes.isEmpty
                            ? "the file is empty; expected a JSON value"
                            : "the file holds only white space; expected a JSON value")
                }
                let value = try cursor.parseValue(depth: 0)
                cursor.skipWhitespace()
                if !cursor.atEnd {
                    throw JSONSyntaxError(
                        offset: cursor.index, line: 0, column: 0,
                        message: "unexpected \(describe(buffer[cursor.index])) after the end of the JSON value")
                }
                return value
            }
        } catch {
            let conflicts = SourceText.conflictMarkerLines(in: bytes)
            if let first = conflicts.first {
                let lines = conflicts.map(String.init).joined(separator: ", ")
                throw JSONSyntaxError(
                    offset: 0, line: first, column: 1,
                    message:
                        "git merge conflict markers (lines \(lines)): the file was merged with conflicts left in; resolve them (keep one side of each) and try again"
                )
            }
            let place = SourceText.location(ofOffset: error.offset, in: bytes)
            throw JSONSyntaxError(offset: error.offset, line: place.line, column: place.column, message: error.message)
        }
    }

    private static func error(_ bytes: [UInt8], at offset: Int, _ message: String) -> JSONSyntaxError {
        let place = SourceText.location(ofOffset: offset, in: bytes)
        return JSONSyntaxError(offset: offset, line: place.line, column: place.column, message: message)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(hex(byte))"
    }
}

/// The parser's position in the bytes; line and column are worked out only when an error is thrown.
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int

    var atEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func fail(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? index, line: 0, column: 0, message: message)
    }

    func unexpected(expected: String) -> JSONSyntaxError {
        if atEnd { return fail("the file ends too early (truncated?): expected \(expected)") }
        return fail("expected \(expected), found \(JSONParser.describe(bytes[index]))")
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw unexpected(expected: "a value") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), offset: start)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONValue(.bool(true), offset: start)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONValue(.bool(false), offset: start)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONValue(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try parseNumber()), offset: start)
        default:
            throw unexpected(expected: "a value (object, array, string, number, true, false or null)")
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let length = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            guard index + length <= bytes.count else { return false }
            for offset in 0..<length where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        guard matches else { throw fail("expected \(word)", at: start) }
        index += length
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = index
        guard depth <= JSONParser.maximumDepth else {
            throw fail("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
        index += 1
        var members: [JSONMember] = []
        var seen: Set<String> = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return JSONValue(.object(members), offset: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw unexpected(expected: "a key in double quotes (object opened at \(openedAt(start)))")
            }
            let keyOffset = index
            let key = try parseString()
            if members.count < 8 {
                if members.contains(where: { $0.key == key }) {
                    throw fail("duplicate key \"\(key)\" in one object", at: keyOffset)
                }
            } else {
                if seen.isEmpty { seen = Set(members.map(\.key)) }
                if !seen.insert(key).inserted { throw fail("duplicate key \"\(key)\" in one object", at: keyOffset) }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw unexpected(expected: "':' after the key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, value: value))
            skipWhitespace()
            guard index < bytes.count else {
                throw unexpected(expected: "',' or '}' to close the object opened at \(openedAt(start))")
            }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return JSONValue(.object(members), offset: start)
            default: throw unexpected(expected: "',' or '}' in the object opened at \(openedAt(start))")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = index
        guard depth <= JSONParser.maximumDepth else {
            throw fail("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return JSONValue(.array(elements), offset: start)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else {
                throw unexpected(expected: "',' or ']' to close the array opened at \(openedAt(start))")
            }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return JSONValue(.array(elements), offset: start)
            default: throw unexpected(expected: "',' or ']' in the array opened at \(openedAt(start))")
            }
        }
    }

    /// "line L, column C" of an offset, for messages about the bracket that was never closed.
    func openedAt(_ offset: Int) -> String {
        let place = SourceText.location(ofOffset: offset, in: Array(bytes[0..<offset]))
        return "line \(place.line), column \(place.column)"
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        let contentStart = index
        // Fast path: no escapes, so the bytes are the string (UTF-8 was validated up front). Plain runs are skipped
        // eight bytes at a time.
        let raw = UnsafeRawBufferPointer(bytes)
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let stops = ByteWord.stringStops(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if stops == 0 {
                    index += 8
                    continue
                }
                index += ByteWord.firstByte(stops)
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail(controlCharacterMessage(byte)) }
            index += 1
        }
        guard index < bytes.count else {
            throw fail("the file ends inside a string that starts here (truncated?)", at: start)
        }
        var scratch = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &scratch)
            default:
                if byte < 0x20 { throw fail(controlCharacterMessage(byte)) }
                scratch.append(byte)
                index += 1
            }
        }
        throw fail("the file ends inside a string that starts here (truncated?)", at: start)
    }

    func controlCharacterMessage(_ byte: UInt8) -> String {
        byte == 0x0A
            ? "line break inside a string (missing closing '\"', or write \\n)"
            : "control character 0x\(JSONParser.hex(byte)) inside a string (write it as an escape such as \\t)"
    }

    mutating func parseEscape(into scratch: inout [UInt8]) throws(JSONSyntaxError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else {
            throw fail("the file ends inside an escape sequence (truncated?)", at: escapeStart)
        }
        let code = bytes[index]
        index += 1
        switch code {
        case UInt8(ascii: "u"):
            var scalar = try parseHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw fail("\\u escape holds a lone high surrogate (not a character)", at: escapeStart)
                }
                index += 2
                let low = try parseHex4(escapeStart: escapeStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail("\\u escape holds a lone high surrogate (not a character)", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw fail("\\u escape holds a lone low surrogate (not a character)", at: escapeStart)
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                throw fail("\\u escape is not a Unicode scalar", at: escapeStart)
            }
            scratch.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            guard let byte = JSONByteCursor.unescaped(code) else {
                throw fail("unknown escape '\\\(Character(Unicode.Scalar(code)))' in a string", at: escapeStart)
            }
            scratch.append(byte)
        }
    }

    mutating func parseHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else {
            throw fail("the file ends inside a \\u escape (truncated?)", at: escapeStart)
        }
        guard let value = JSONByteCursor.hex4(in: bytes, at: index) else {
            throw fail("\\u must be followed by four hexadecimal digits", at: escapeStart)
        }
        index += 4
        return value
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw fail("a number needs a digit after '-'", at: start)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw fail("numbers must not have leading zeros", at: start)
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw fail("a number needs digits after '.'", at: start)
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw fail("a number needs digits in its exponent", at: start)
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let digits = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if isInteger, digits.count <= 15 {
            var value = 0
            var negative = false
            for byte in digits {
                if byte == UInt8(ascii: "-") {
                    negative = true
                } else {
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
            }
            return Double(negative ? -value : value)
        }
        guard let value = Double(String(decoding: digits, as: UTF8.self)), value.isFinite else {
            throw fail("number out of range", at: start)
        }
        return value
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
