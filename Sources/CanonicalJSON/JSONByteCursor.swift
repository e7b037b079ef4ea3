/// A place in JSON bytes and the byte-level steps of reading on from it, for the scanners that read a file's usual
/// shape straight from its bytes and leave everything else to `JSONParser`.
///
/// Each step returns nil or false to mean "give up": it never takes what the parser would refuse, and it refuses much
/// the parser takes (escapes in keys, fractions, long numbers), so a scanner built from these steps reads a file the
/// same way the parser does or not at all. Steps that read a token skip white space before it. `string` takes plain
/// bytes as they are, so the bytes must have been checked as UTF-8 first (`SourceText.firstInvalidUTF8Offset`), as
/// the parser checks them.
public struct JSONByteCursor {
    public let bytes: UnsafeBufferPointer<UInt8>
    public var index: Int
    /// The unescaped bytes of the string being read, for the rare string with escapes.
    @usableFromInline var scratch: [UInt8] = []

    public init(bytes: UnsafeBufferPointer<UInt8>, index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    /// A string's value: its bytes when it has no escapes, else its text with the escapes undone as the parser undoes
    /// them.
    public enum StringValue {
        case plain(Range<Int>)
        case escaped(String)
    }

    @inlinable
    public mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Skips white space; true when nothing else is left.
    @inlinable
    public mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return index == bytes.count
    }

    /// Skips white space, then takes `byte` if it comes next.
    @inlinable
    public mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Skips white space, then takes `word` (such as `null` or `true`) if it comes next.
    @inlinable
    public mutating func takeWord(_ word: StaticString) -> Bool {
        skipWhitespace()
        let found = word.withUTF8Buffer { expected in
            guard index + expected.count <= bytes.count else { return false }
            for offset in 0..<expected.count where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        if found { index += word.utf8CodeUnitCount }
        return found
    }

    /// A string of printable ASCII without escapes, as the range of its bytes inside the quotes; nil for anything
    /// else. Keys and names in the usual shape of a file are such strings.
    @inlinable
    public mutating func asciiString() -> Range<Int>? {
        guard let start = openPlainRun(asciiOnly: true), index < bytes.count, bytes[index] == UInt8(ascii: "\"")
        else { return nil }
        index += 1
        return start..<index - 1
    }

    /// Any string the parser takes; nil for a control character, a bad escape or a missing closing quote.
    @inlinable
    public mutating func stringValue() -> StringValue? {
        guard let start = openPlainRun(asciiOnly: false), index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index += 1
            return .plain(start..<index - 1)
        case UInt8(ascii: "\\"): return escapedString(plainFrom: start).map(StringValue.escaped)
        default: return nil
        }
    }

    /// Takes a string's opening quote and the plain bytes after it, and returns where they start. The run stops at
    /// a quote, a backslash, a control byte, the end, and also at a byte beyond ASCII when `asciiOnly`.
    @inlinable
    mutating func openPlainRun(asciiOnly: Bool) -> Int? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), !asciiOnly || byte < 0x80
            else { break }
            index += 1
        }
        return start
    }

    /// Any string the parser takes, as its text.
    @inlinable
    public mutating func string() -> String? {
        switch stringValue() {
        case .plain(let range): text(range)
        case .escaped(let text): text
        case nil: nil
        }
    }

    /// A whole number in plain digits with an optional minus: 15 digits at most (the parser reads a number as a
    /// Double, exact for whole numbers that short), no leading zero. A fraction or an exponent is left unread, so
    /// what follows is not the ',' or '}' a scanner takes next, and it gives up.
    @inlinable
    public mutating func integer() -> Int? {
        skipWhitespace()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            guard index - start < 15 else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start, bytes[start] != UInt8(ascii: "0") || index - start == 1 else { return nil }
        return negative ? -value : value
    }

    /// The text of a range of the bytes, such as an `asciiString` or a plain `stringValue`.
    @inlinable
    public func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Whether a range of the bytes spells `word`.
    @inlinable
    public func matches(_ range: Range<Int>, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { expected in
            guard range.count == expected.count else { return false }
            for offset in 0..<expected.count where bytes[range.lowerBound + offset] != expected[offset] { return false }
            return true
        }
    }

    /// The rest of a string whose plain run from `start` stopped at a backslash.
    @usableFromInline
    mutating func escapedString(plainFrom start: Int) -> String? {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                guard unescape() else { return nil }
                continue
            }
            guard byte >= 0x20 else { return nil }
            scratch.append(byte)
            index += 1
        }
        return nil
    }

    /// One escape at `index` (its backslash), appended to `scratch` as UTF-8; false for one the parser refuses.
    mutating func unescape() -> Bool {
        guard index + 1 < bytes.count else { return false }
        let code = bytes[index + 1]
        index += 2
        switch code {
        case UInt8(ascii: "u"):
            guard var scalar = hex4() else { return false }
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { return false }
                index += 2
                guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return false }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            // A lone surrogate is no scalar, so it gives up here as the parser refuses it.
            guard let unicode = Unicode.Scalar(scalar) else { return false }
            UTF8.encode(unicode) { scratch.append($0) }
        default:
            guard let byte = Self.unescaped(code) else { return false }
            scratch.append(byte)
        }
        return true
    }

    /// The byte a one-letter escape such as `\n` stands for, by the letter after the backslash; nil for `u` (four
    /// hexadecimal digits follow) and for a letter JSON has no escape for.
    static func unescaped(_ code: UInt8) -> UInt8? {
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): code
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count, let value = Self.hex4(in: bytes, at: index) else { return nil }
        index += 4
        return value
    }

    /// The four hexadecimal digits at `offset` (which has four bytes after it) as a number; nil if one is not a digit.
    static func hex4(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32? {
        var value: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
