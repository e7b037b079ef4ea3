import CanonicalJSON

/// Reads JSON (RFC 8259) straight from its bytes, value by value, without building a document: span reliability
/// data holds millions of spans, and a tree of them costs more than the statistics. Every refusal carries the byte
/// offset where the text goes wrong, for a line and column.
struct JSONScanner {
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    let bytes: [UInt8]
    private(set) var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The offset of the next value (after any whitespace), for messages about it.
    mutating func nextOffset() -> Int {
        skipWhitespace()
        return index
    }

    /// What the next value is, without reading it.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// Reads an object, calling `member` with each key; `member` must read (or skip) the value.
    mutating func object(
        _ what: @autoclosure () -> String, _ member: (inout JSONScanner, String) throws(Failure) -> Void
    ) throws(Failure) {
        try expect(UInt8(ascii: "{"), what())
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else {
                throw Failure(offset: index, message: "expected a member name (a string) in \(what())")
            }
            let key = try string()
            try expect(UInt8(ascii: ":"), "a ':' after \"\(key)\"")
            try member(&self, key)
            if try endOf(UInt8(ascii: "}"), in: what()) { return }
        }
    }

    /// Reads an array, calling `element` for each element; `element` must read (or skip) it.
    mutating func array(_ what: @autoclosure () -> String, _ element: (inout JSONScanner) throws(Failure) -> Void)
        throws(Failure)
    {
        try expect(UInt8(ascii: "["), what())
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try element(&self)
            if try endOf(UInt8(ascii: "]"), in: what()) { return }
        }
    }

    mutating func string() throws(Failure) -> String {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw Failure(offset: index, message: "expected a string")
        }
        let start = index
        index += 1
        let contentStart = index
        // Most strings have no escapes: decode them straight from the bytes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"),
            bytes[index] >= 0x20
        { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            defer { index += 1 }
            let end = index
            let text = bytes.withUnsafeBufferPointer {
                String(validating: UnsafeBufferPointer(rebasing: $0[contentStart..<end]), as: UTF8.self)
            }
            guard let text else { throw Failure(offset: start, message: "a string is not valid UTF-8") }
            return text
        }
        var scalars = String.UnicodeScalarView()
        index = contentStart
        var utf8: [UInt8] = []
        func flush() throws(Failure) {
            guard !utf8.isEmpty else { return }
            guard let text = String(validating: utf8, as: UTF8.self) else {
                throw Failure(offset: start, message: "a string is not valid UTF-8")
            }
            scalars.append(contentsOf: text.unicodeScalars)
            utf8.removeAll()
        }
        while true {
            guard index < bytes.count else { throw Failure(offset: start, message: "the text ends inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                try flush()
                return String(scalars)
            }
            guard byte >= 0x20 else {
                throw Failure(offset: index, message: "a control character must be escaped inside a string")
            }
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                index += 1
                continue
            }
            try flush()
            index += 1
            guard index < bytes.count else { throw Failure(offset: start, message: "the text ends inside a string") }
            switch bytes[index] {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var value = try hex4(at: index + 1)
                index += 4
                if (0xD800..<0xDC00).contains(value), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\"),
                    bytes[index + 2] == UInt8(ascii: "u")
                {
                    let low = try hex4(at: index + 3)
                    if (0xDC00..<0xE000).contains(low) {
                        value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
                        index += 6
                    }
                }
                guard let scalar = Unicode.Scalar(value) else {
                    throw Failure(offset: index - 5, message: "\\u escape of a lone surrogate")
                }
                scalars.append(scalar)
            default:
                throw Failure(offset: index - 1, message: "unknown escape in a string")
            }
            index += 1
        }
    }

    /// A number that must be whole (JSON allows `12.0` and `1.2e1`; both are 12).
    mutating func integer(_ what: String) throws(Failure) -> Int {
        skipWhitespace()
        let start = index
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value = 0
        var digits = 0
        while index < bytes.count, isDigit(bytes[index]), digits < 16 {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        let plain = digits > 0 && (index >= bytes.count || !isNumberByte(bytes[index]))
        if plain, !(digits > 1 && bytes[start + (negative ? 1 : 0)] == UInt8(ascii: "0")) {
            return negative ? -value : value
        }
        // Anything else (fractions, exponents, leading zeros, not a number): read the whole token and judge it.
        index = start
        while index < bytes.count, isNumberByte(bytes[index]) { index += 1 }
        let token = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !token.isEmpty, let number = Double(token), number == number.rounded(), abs(number) < 1e15 else {
            throw Failure(offset: start, message: "\(what) must be a whole number")
        }
        return Int(number)
    }

    /// Skips one value of any kind, checking that it is JSON.
    mutating func skipValue(depth: Int = 0) throws(Failure) {
        guard depth < JSONParser.maximumDepth else {
            throw Failure(offset: index, message: "values nested deeper than \(JSONParser.maximumDepth) levels")
        }
        switch peek() {
        case UInt8(ascii: "{"):
            try object("an object") { scanner, _ throws(Failure) in try scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            try array("an array") { scanner throws(Failure) in try scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case let byte? where byte == UInt8(ascii: "-") || isDigit(byte):
            let start = index
            while index < bytes.count, isNumberByte(bytes[index]) { index += 1 }
            guard Double(String(decoding: bytes[start..<index], as: UTF8.self)) != nil else {
                throw Failure(offset: start, message: "not a number")
            }
        default:
            throw Failure(
                offset: index,
                message: index < bytes.count ? "expected a value" : "the text ends where a value was expected")
        }
    }

    /// Checks that nothing but whitespace follows the document.
    mutating func end() throws(Failure) {
        skipWhitespace()
        guard index == bytes.count else {
            throw Failure(offset: index, message: "unexpected text after the end of the document")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            throw Failure(offset: index, message: "expected a value")
        }
        index += expected.count
    }

    private mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(Failure) {
        guard peek() == byte else {
            throw Failure(
                offset: index,
                message: index < bytes.count ? "expected \(what())" : "the text ends where \(what()) was expected")
        }
        index += 1
    }

    /// After an element: true at the closing bracket, false at a comma.
    private mutating func endOf(_ closing: UInt8, in what: @autoclosure () -> String) throws(Failure) -> Bool {
        switch peek() {
        case closing:
            index += 1
            return true
        case UInt8(ascii: ","):
            index += 1
            return false
        default:
            throw Failure(
                offset: index,
                message: index < bytes.count
                    ? "expected ',' or '\(Character(Unicode.Scalar(closing)))' in \(what())"
                    : "the text ends inside \(what())")
        }
    }

    private func hex4(at position: Int) throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else {
            throw Failure(offset: position, message: "a \\u escape needs four hex digits")
        }
        var value: UInt32 = 0
        for byte in bytes[position..<(position + 4)] {
            guard let digit = UInt32(String(Unicode.Scalar(byte)), radix: 16) else {
                throw Failure(offset: position, message: "a \\u escape needs four hex digits")
            }
            value = value << 4 | digit
        }
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
        { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isNumberByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
}
