/// One element of a REFI-QDA document, by its local name (namespace prefixes and variants are ignored).
struct RefiElement {
    var name: String
    var attributes: [String: String]
    var children: [RefiElement] = []
    var text = ""
    /// The line of the file where the element starts (1-based; 0 when not read from a file), for error messages.
    var line = 0

    func child(_ name: String) -> RefiElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [RefiElement] { children.filter { $0.name == name } }
    /// An attribute by name, ignoring case (tools differ: `isCodable`, `iscodable`).
    func attribute(_ key: String) -> String? {
        attributes[key] ?? attributes.first { $0.key.lowercased() == key.lowercased() }?.value
    }
}

/// A REFI-QDA file that cannot be read, with where and why.
public struct RefiError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// Reads an XML document into `RefiElement`s, keeping its comments (see `XMLScanner` for what is read).
enum RefiXMLReader {
    static func read(_ bytes: [UInt8], file: String) throws(RefiError) -> (root: RefiElement, comments: [String]) {
        let input = XMLInput(bytes)
        guard input.utf8.contains(where: { !XMLInput.isWhitespace($0) }) else {
            throw RefiError(file: file, message: "the file is empty")
        }
        do throws(XMLSyntaxError) {
            if let problem = input.problem { throw problem }
            return try input.utf8.withUnsafeBufferPointer { buffer throws(XMLSyntaxError) in
                if let invalid = XMLInput.firstInvalidUTF8(buffer) {
                    throw XMLSyntaxError(
                        offset: invalid,
                        reason: "the bytes here are not valid UTF-8 (only UTF-8 and UTF-16 files are read)")
                }
                var scanner = XMLScanner(buffer)
                return try scanner.document()
            }
        } catch {
            let (line, column) = XMLInput.place(of: error.offset, in: input.utf8)
            throw RefiError(
                file: file,
                message:
                    "not well-formed XML (at line \(line), column \(column): \(error.reason)); is the file complete?")
        }
    }
}

/// The document as UTF-8 without a byte order mark: UTF-16 (marked by its BOM) is transcoded first.
struct XMLInput {
    private(set) var utf8: [UInt8]
    /// Set when UTF-16 could not be transcoded: the offset is where transcoding stopped.
    private(set) var problem: XMLSyntaxError?

    init(_ bytes: [UInt8]) {
        utf8 = bytes
        if bytes.starts(with: [0xFF, 0xFE]) {
            transcodeUTF16(bytes.dropFirst(2), bigEndian: false)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            transcodeUTF16(bytes.dropFirst(2), bigEndian: true)
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            utf8.removeFirst(3)
        }
    }

    private mutating func transcodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var position = bytes.startIndex
        while position + 1 < bytes.endIndex {
            let (first, second) = (UInt16(bytes[position]), UInt16(bytes[position + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            position += 2
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(units.count)
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) {
            utf8.append($0)
        }
        self.utf8 = utf8
        if failed || bytes.count % 2 == 1 {
            problem = XMLSyntaxError(
                offset: utf8.count, reason: "the file begins with a UTF-16 byte order mark but is not valid UTF-16")
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil; eight ASCII bytes at a time.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var position = 0
        while position < bytes.count {
            if position + 8 <= bytes.count,
                UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                position += 8
                continue
            }
            let lead = bytes[position]
            guard lead >= 0x80 else {
                position += 1
                continue
            }
            guard let (length, second) = sequence(startingWith: lead), position + length <= bytes.count,
                second.contains(bytes[position + 1]),
                (position + 2..<position + length).allSatisfy({ bytes[$0] & 0xC0 == 0x80 })
            else { return position }
            position += length
        }
        return nil
    }

    /// A multi-byte sequence's length and the range its second byte must fall in (no overlong forms, no surrogates).
    private static func sequence(startingWith lead: UInt8) -> (length: Int, second: ClosedRange<UInt8>)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xE1...0xEF: (3, 0x80...0xBF)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: nil
        }
    }

    /// The 1-based line and column (in characters) of a byte offset; line breaks are LF, CR LF or a lone CR.
    static func place(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for position in 0..<min(offset, bytes.count) {
            let byte = bytes[position]
            if byte == 0x0A || (byte == 0x0D && (position + 1 == bytes.count || bytes[position + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
        }
        return (line, column)
    }
}
