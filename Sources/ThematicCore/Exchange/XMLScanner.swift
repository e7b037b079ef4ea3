/// A well-formedness error at a byte offset of the UTF-8 input; `XMLInput.place` turns the offset into a line and
/// column.
struct XMLSyntaxError: Error {
    var offset: Int
    var reason: String
}

/// Reads UTF-8 XML bytes into a tree of `RefiElement`s in one pass, with a stack of open elements instead of recursion.
///
/// Only what REFI-QDA and Word files need: elements, attributes, text, CDATA and comments. The XML declaration,
/// processing instructions and a DOCTYPE (with its internal subset) are skipped; declared entities are never
/// expanded, so only the five predefined entities and character references are decoded.
/// The input must already be valid UTF-8 (`XMLInput` checks it).
struct XMLScanner {
    /// Deeper nesting is refused. No real document comes near it, and releasing a tree, or walking it recursively
    /// as the codebook and Word readers do, takes stack space per level: 5,000 levels overflow a 512 KB thread stack.
    static let maximumDepth = 1_000

    /// An element whose end tag has not been read yet.
    private struct OpenElement {
        var element: RefiElement
        /// The qualified name as written (`qdc:Code`), for matching the end tag.
        var name: Range<Int>
        /// Its character data so far, entities decoded; made into a String once, at the end tag.
        var text: [UInt8] = []
    }

    private let input: XMLBytes
    private var at = 0
    private var names = XMLNameTable()
    private var lines: XMLLineCounter
    /// Open elements, outermost first. Entries from `depth` on are finished ones kept so their text buffers are reused.
    private var open: [OpenElement] = []
    private var depth = 0
    private var root: RefiElement?
    private var comments: [String] = []
    /// The qualified attribute names of the tag being read, to refuse duplicates.
    private var attributeNames: [Range<Int>] = []
    /// The tag's attributes by local name, gathered before the dictionary is made at its final size.
    private var attributePairs: [(name: String, value: String)] = []
    /// Decoded bytes of an attribute value that needed decoding.
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        input = XMLBytes(bytes: bytes)
        lines = XMLLineCounter(bytes)
    }

    mutating func document() throws(XMLSyntaxError) -> (root: RefiElement, comments: [String]) {
        while at < input.count {
            if input[at] == UInt8(ascii: "<") { try markup() } else { try characters() }
        }
        if depth > 0 {
            let innermost = open[depth - 1]
            throw XMLSyntaxError(
                offset: at,
                reason:
                    "the document ends before <\(input.string(innermost.name))> (opened at line \(innermost.element.line)) is closed"
            )
        }
        guard let root else { throw XMLSyntaxError(offset: at, reason: "the document has no root element") }
        return (root, comments)
    }

    // MARK: Tags

    private mutating func markup() throws(XMLSyntaxError) {
        switch input.byte(at + 1) {
        case UInt8(ascii: "/"): try endTag()
        case UInt8(ascii: "?"): at = try input.find("?>", from: at + 2, what: "processing instruction") + 2
        case UInt8(ascii: "!"):
            if input.starts(with: "<!--", at: at) {
                try comment()
            } else if input.starts(with: "<![CDATA[", at: at) {
                try cdata()
            } else if input.starts(with: "<!DOCTYPE", at: at) {
                try doctype()
            } else {
                throw XMLSyntaxError(offset: at, reason: "'<!' begins neither a comment, a CDATA section nor a DOCTYPE")
            }
        default: try startTag()
        }
    }

    private mutating func startTag() throws(XMLSyntaxError) {
        let tagStart = at
        at += 1
        let name = try self.name(what: "an element name after '<'")
        if depth == 0, let root {
            throw XMLSyntaxError(
                offset: tagStart, reason: "a second root element <\(input.string(name))> after <\(root.name)>")
        }
        guard depth < Self.maximumDepth else {
            throw XMLSyntaxError(offset: tagStart, reason: "elements are nested more than \(Self.maximumDepth) deep")
        }
        let attributes = try self.attributes(of: name)
        let element = RefiElement(
            name: names.intern(input.localPart(name), in: input.bytes), attributes: attributes,
            line: lines.line(at: tagStart))
        if input[at] == UInt8(ascii: "/") {
            guard input.byte(at + 1) == UInt8(ascii: ">") else {
                throw XMLSyntaxError(offset: at, reason: "'/' in the tag <\(input.string(name))> not followed by '>'")
            }
            at += 2
            close(element)
        } else {
            at += 1
            push(element, name: name)
        }
    }

    /// Reads attributes up to, not past, the tag's closing `>` or `/>`. Namespace declarations are left out,
    /// as Foundation's XMLParser left them out when processing namespaces.
    private mutating func attributes(of element: Range<Int>) throws(XMLSyntaxError) -> [String: String] {
        attributeNames.removeAll(keepingCapacity: true)
        attributePairs.removeAll(keepingCapacity: true)
        while true {
            let spaced = skipWhitespace()
            switch input.byte(at) {
            case UInt8(ascii: ">"), UInt8(ascii: "/"):
                var attributes = [String: String](minimumCapacity: attributePairs.count)
                for (name, value) in attributePairs { attributes[name] = value }
                return attributes
            case nil:
                throw XMLSyntaxError(offset: at, reason: "the document ends inside the tag <\(input.string(element))>")
            default: break
            }
            guard spaced else {
                throw XMLSyntaxError(
                    offset: at, reason: "the attributes of <\(input.string(element))> are not separated by spaces")
            }
            let name = try self.name(what: "an attribute name", in: element)
            if attributeNames.contains(where: { input.same($0, name) }) {
                throw XMLSyntaxError(
                    offset: name.lowerBound,
                    reason: "the attribute \(input.string(name)) appears twice in <\(input.string(element))>")
            }
            attributeNames.append(name)
            skipWhitespace()
            guard input.byte(at) == UInt8(ascii: "=") else {
                throw XMLSyntaxError(
                    offset: at,
                    reason: "the attribute \(input.string(name)) in <\(input.string(element))> has no '=' and value")
            }
            at += 1
            skipWhitespace()
            let value = try attributeValue(of: name)
            if !input.isNamespaceDeclaration(name) {
                attributePairs.append((names.intern(input.localPart(name), in: input.bytes), value))
            }
        }
    }

    /// A quoted value, entities decoded, with tab, newline and carriage return each made a space (CR LF one space).
    private mutating func attributeValue(of name: Range<Int>) throws(XMLSyntaxError) -> String {
        guard let quote = input.byte(at), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw XMLSyntaxError(offset: at, reason: "the value of attribute \(input.string(name)) is not in quotes")
        }
        let start = at + 1
        at = start
        var plain = true
        while at < input.count, input[at] != quote {
            if input[at] == UInt8(ascii: "<") {
                throw XMLSyntaxError(offset: at, reason: "'<' in the value of attribute \(input.string(name))")
            }
            if input[at] == UInt8(ascii: "&") || input[at] < 0x20 { plain = false }
            at += 1
        }
        guard at < input.count else {
            throw XMLSyntaxError(
                offset: start - 1, reason: "the value of attribute \(input.string(name)) is never closed")
        }
        let end = at
        at += 1
        if plain { return input.string(start..<end) }
        scratch.removeAll(keepingCapacity: true)
        var position = start
        while position < end {
            switch input[position] {
            case UInt8(ascii: "&"):
                position = try input.reference(at: position, into: &scratch)
                continue
            case 0x0D where position + 1 < end && input[position + 1] == 0x0A: break
            case 0x09, 0x0A, 0x0D: scratch.append(0x20)
            case ..<0x20: throw input.controlCharacter(at: position)
            default: scratch.append(input[position])
            }
            position += 1
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    private mutating func endTag() throws(XMLSyntaxError) {
        let tagStart = at
        at += 2
        let name = try self.name(what: "an element name after '</'")
        skipWhitespace()
        guard input.byte(at) == UInt8(ascii: ">") else {
            throw XMLSyntaxError(offset: at, reason: "the end tag </\(input.string(name))> is not closed with '>'")
        }
        guard depth > 0 else {
            throw XMLSyntaxError(
                offset: tagStart, reason: "the end tag </\(input.string(name))> closes no open element")
        }
        guard input.same(open[depth - 1].name, name) else {
            let innermost = open[depth - 1]
            throw XMLSyntaxError(
                offset: tagStart,
                reason:
                    "the end tag </\(input.string(name))> does not match <\(input.string(innermost.name))> (opened at line \(innermost.element.line))"
            )
        }
        at += 1
        depth -= 1
        var element = open[depth].element
        if !open[depth].text.isEmpty {
            element.text = String(decoding: open[depth].text, as: UTF8.self)
            open[depth].text.removeAll(keepingCapacity: true)
        }
        close(element)
    }

    private mutating func push(_ element: RefiElement, name: Range<Int>) {
        if depth < open.count {
            open[depth].element = element
            open[depth].name = name
        } else {
            open.append(OpenElement(element: element, name: name))
        }
        depth += 1
    }

    /// Adds a finished element to its parent, or makes it the root.
    private mutating func close(_ element: RefiElement) {
        if depth == 0 { root = element } else { open[depth - 1].element.children.append(element) }
    }

    // MARK: Character data

    /// Text up to the next markup, reference or carriage return: kept in the open element, or refused outside the
    /// root unless it is whitespace.
    private mutating func characters() throws(XMLSyntaxError) {
        guard depth > 0 else { return try whitespaceOutsideRoot() }
        let start = at
        while at < input.count, !XMLScanner.endsPlainText(input[at]) { at += 1 }
        open[depth - 1].text.append(contentsOf: UnsafeBufferPointer(rebasing: input.bytes[start..<at]))
        guard at < input.count else { return }
        switch input[at] {
        case UInt8(ascii: "<"): return
        case UInt8(ascii: "&"): at = try input.reference(at: at, into: &open[depth - 1].text)
        case 0x0D:
            if input.byte(at + 1) != 0x0A { open[depth - 1].text.append(0x0A) }
            at += 1
        default: throw input.controlCharacter(at: at)
        }
    }

    /// Bytes that end a plain run of text: markup, references, carriage returns and the control characters XML forbids.
    private static func endsPlainText(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || (byte < 0x20 && byte != 0x09 && byte != 0x0A)
    }

    private mutating func whitespaceOutsideRoot() throws(XMLSyntaxError) {
        while at < input.count, input[at] != UInt8(ascii: "<") {
            guard XMLInput.isWhitespace(input[at]) else {
                throw XMLSyntaxError(
                    offset: at,
                    reason: root.map { "text after the root element <\($0.name)>" } ?? "text before the root element")
            }
            at += 1
        }
    }

    private mutating func cdata() throws(XMLSyntaxError) {
        guard depth > 0 else { throw XMLSyntaxError(offset: at, reason: "a CDATA section outside the root element") }
        let start = at + 9
        let end = try input.find("]]>", from: start, what: "CDATA section")
        try input.appendNormalisingLineEnds(start..<end, to: &open[depth - 1].text)
        at = end + 3
    }

    /// `<!-- ... -->`: its content, line ends normalised, is kept in document order.
    private mutating func comment() throws(XMLSyntaxError) {
        let start = at + 4
        let end = try input.find("-->", from: start, what: "comment")
        var content: [UInt8] = []
        try input.appendNormalisingLineEnds(start..<end, to: &content)
        comments.append(String(decoding: content, as: UTF8.self))
        at = end + 3
    }

    /// Skips `<!DOCTYPE ...>` and its internal subset `[...]`, whose declarations are not used.
    private mutating func doctype() throws(XMLSyntaxError) {
        let start = at
        guard depth == 0, root == nil else {
            throw XMLSyntaxError(offset: at, reason: "a DOCTYPE after the root element has begun")
        }
        at += 9
        var inSubset = false
        while at < input.count {
            switch input[at] {
            case let quote where quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"):
                at = try input.find(
                    quote == UInt8(ascii: "'") ? "'" : "\"", from: at + 1, what: "quoted string in the DOCTYPE")
            case UInt8(ascii: "<") where inSubset && input.starts(with: "<!--", at: at):
                at = try input.find("-->", from: at + 4, what: "comment") + 2
            case UInt8(ascii: "["): inSubset = true
            case UInt8(ascii: "]"): inSubset = false
            case UInt8(ascii: ">") where !inSubset:
                at += 1
                return
            default: break
            }
            at += 1
        }
        throw XMLSyntaxError(offset: start, reason: "the DOCTYPE is never closed")
    }

    // MARK: Names and whitespace

    /// A name: everything up to whitespace, markup characters or quotes. Throws if there is none.
    private mutating func name(what: String, in element: Range<Int>? = nil) throws(XMLSyntaxError) -> Range<Int> {
        let start = at
        while at < input.count, !XMLScanner.endsName(input[at]) { at += 1 }
        guard at > start else {
            let found = input.byte(at).map { "'\(Character(UnicodeScalar($0)))'" } ?? "the end of the document"
            throw XMLSyntaxError(
                offset: at,
                reason: "expected \(what)\(element.map { " in <\(input.string($0))>" } ?? ""), found \(found)")
        }
        return start..<at
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case ...0x20, UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "?"),
            UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            true
        default: false
        }
    }

    /// Skips whitespace; returns whether there was any.
    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = at
        while at < input.count, XMLInput.isWhitespace(input[at]) { at += 1 }
        return at > start
    }
}

/// The document's bytes, and what can be read at a given offset without moving through the document.
struct XMLBytes {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    subscript(position: Int) -> UInt8 { bytes[position] }

    /// The byte at `position`, or nil past the end.
    func byte(_ position: Int) -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && bytes[a].elementsEqual(bytes[b])
    }

    func starts(with prefix: StaticString, at position: Int) -> Bool {
        let prefix = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        return position + prefix.count <= bytes.count && bytes[position..<position + prefix.count].elementsEqual(prefix)
    }

    /// Where `terminator` next begins at or after `start`; throws if the document ends first.
    func find(_ terminator: StaticString, from start: Int, what: String) throws(XMLSyntaxError) -> Int {
        let first = terminator.utf8Start.pointee
        var position = start
        while position < bytes.count {
            if bytes[position] == first, starts(with: terminator, at: position) { return position }
            position += 1
        }
        throw XMLSyntaxError(offset: start, reason: "the \(what) is never closed with '\(terminator)'")
    }

    /// The part of a qualified name after its prefix: `qdc:Code` → `Code`.
    func localPart(_ name: Range<Int>) -> Range<Int> {
        guard let colon = bytes[name].lastIndex(of: UInt8(ascii: ":")) else { return name }
        return colon + 1..<name.upperBound
    }

    /// `xmlns` or `xmlns:prefix`.
    func isNamespaceDeclaration(_ name: Range<Int>) -> Bool {
        starts(with: "xmlns", at: name.lowerBound)
            && (name.count == 5 || bytes[name.lowerBound + 5] == UInt8(ascii: ":"))
    }

    /// Appends `range` with each CR LF and lone CR made LF; refuses the control characters XML forbids.
    func appendNormalisingLineEnds(_ range: Range<Int>, to text: inout [UInt8]) throws(XMLSyntaxError) {
        text.reserveCapacity(text.count + range.count)
        for position in range {
            let byte = bytes[position]
            if byte >= 0x20 || byte == 0x09 || byte == 0x0A {
                text.append(byte)
            } else if byte == 0x0D {
                if position + 1 == range.upperBound || bytes[position + 1] != 0x0A { text.append(0x0A) }
            } else {
                throw controlCharacter(at: position)
            }
        }
    }

    func controlCharacter(at position: Int) -> XMLSyntaxError {
        XMLSyntaxError(
            offset: position,
            reason:
                "the control character U+\(String(bytes[position], radix: 16, uppercase: true)) is not allowed in XML")
    }

    // MARK: References

    /// Decodes the reference starting with `&` at `position` into `text`; returns the offset after its `;`.
    func reference(at position: Int, into text: inout [UInt8]) throws(XMLSyntaxError) -> Int {
        let start = position + 1
        var end = start
        while end < bytes.count, end - start <= 32, !XMLBytes.endsReference(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start else {
            throw XMLSyntaxError(
                offset: position, reason: "an '&' that begins no entity or character reference (write &amp; for '&')")
        }
        if bytes[start] == UInt8(ascii: "#") {
            UTF8.encode(try characterReference(start + 1..<end, at: position)) { text.append($0) }
        } else if let character = XMLBytes.predefinedEntities[string(start..<end)] {
            text.append(character)
        } else {
            throw XMLSyntaxError(
                offset: position,
                reason:
                    "the entity &\(string(start..<end)); is not defined (only &amp; &lt; &gt; &quot; &apos; and character references are read)"
            )
        }
        return end + 1
    }

    private static func endsReference(_ byte: UInt8) -> Bool {
        switch byte {
        case ...0x20, UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            true
        default: false
        }
    }

    private static let predefinedEntities: [String: UInt8] = [
        "amp": UInt8(ascii: "&"), "lt": UInt8(ascii: "<"), "gt": UInt8(ascii: ">"), "quot": UInt8(ascii: "\""),
        "apos": UInt8(ascii: "'"),
    ]

    /// The digits of `&#N;` or `&#xH;` as a character XML allows.
    private func characterReference(_ digits: Range<Int>, at position: Int) throws(XMLSyntaxError) -> Unicode.Scalar {
        let hex = digits.first.map { bytes[$0] == UInt8(ascii: "x") } ?? false
        guard let value = UInt32(string(hex ? digits.dropFirst() : digits), radix: hex ? 16 : 10),
            let scalar = Unicode.Scalar(value),
            XMLBytes.isCharacter(scalar)
        else {
            throw XMLSyntaxError(offset: position, reason: "&#\(string(digits)); is not a character XML allows")
        }
        return scalar
    }

    private static func isCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

/// Element and attribute names seen so far, so that each distinct name becomes a String once and is shared.
struct XMLNameTable {
    private struct Entry {
        var hash: UInt64
        var bytes: [UInt8]
        var name: String
    }

    /// Open addressing: indexes into `entries`, -1 when empty; the count is a power of two, at most half full.
    private var slots = [Int](repeating: -1, count: 64)
    private var entries: [Entry] = []

    mutating func intern(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let name = bytes[range]
        let hash = Self.hash(name)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = entries[slots[slot]]
            if entry.hash == hash, entry.bytes.elementsEqual(name) { return entry.name }
            slot = (slot + 1) & mask
        }
        let entry = Entry(hash: hash, bytes: Array(name), name: String(decoding: name, as: UTF8.self))
        slots[slot] = entries.count
        entries.append(entry)
        if entries.count * 2 > slots.count { grow() }
        return entry.name
    }

    private mutating func grow() {
        slots = [Int](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = index
        }
    }

    /// FNV-1a: names are short, so a simple byte hash is enough.
    private static func hash(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

/// Line numbers of offsets visited in increasing order, counting each line break once (LF, CR LF, or a lone CR).
struct XMLLineCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var counted = 0
    private var line = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func line(at offset: Int) -> Int {
        while counted < offset {
            if counted + 8 <= offset,
                !Self.mayHoldLineBreak(UnsafeRawPointer(bytes.baseAddress! + counted).loadUnaligned(as: UInt64.self))
            {
                counted += 8
                continue
            }
            let byte = bytes[counted]
            if byte == 0x0A || (byte == 0x0D && (counted + 1 == bytes.count || bytes[counted + 1] != 0x0A)) {
                line += 1
            }
            counted += 1
        }
        return line
    }

    /// Whether any of eight bytes is below 0x0E, so could be LF or CR (one subtraction instead of eight comparisons).
    private static func mayHoldLineBreak(_ word: UInt64) -> Bool {
        (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 != 0
    }
}
