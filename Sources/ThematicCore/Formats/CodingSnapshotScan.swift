import CanonicalJSON

/// A coder's snapshot read straight from its bytes into a `Coding`, without a JSON tree or a path per record: every
/// load of a study and every coding session reads each coder's snapshot, tens of thousands of records and megabytes
/// each, and the general reading (`JSONParser`, then `CodingFormat.decode`) spends most of its time building and
/// taking apart the tree.
///
/// It reads only what `CodingFormat.decode` accepts, in plain form: every field known and present once at most, of
/// its type, whole numbers as plain digits (15 at most), keys of printable ASCII without escapes, no byte order mark.
/// On anything else (an unknown, missing or duplicate field, a duplicate id, a mistyped value, a number such as 1.0,
/// a syntax error, invalid UTF-8) it gives up and returns nil, and the general reading takes over, so every error
/// keeps its message and its place. When it returns a coding, the general reading returns the same one.
enum CodingSnapshotScan {
    /// A snapshot as the scan read it.
    struct Scanned {
        var coding: Coding
        /// Every code id the records name, each at least once: a reader checks each distinct code once rather than
        /// once per record.
        var codeIDs: [String]
    }

    static func read(_ bytes: [UInt8]) -> Scanned? {
        // The parser refuses a file for one invalid byte anywhere, even inside a string this scan would not look at.
        guard SourceText.firstInvalidUTF8Offset(in: bytes) == nil else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            guard let coding = scanner.snapshot() else { return nil }
            return Scanned(coding: coding, codeIDs: scanner.codeIDs.ids + scanner.escapedCodeIDs)
        }
    }
}

/// The scan's place in the bytes. Each reading function skips white space first and returns nil where the general
/// reading might see something other than the plain case.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// The unescaped bytes of the string being read, for the rare string with escapes.
    var scratch: [UInt8] = []
    var codeIDs: CodeIDTable
    /// Code ids written with escapes, which the table does not hold.
    var escapedCodeIDs: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        codeIDs = CodeIDTable(bytes: bytes)
    }

    mutating func snapshot() -> Coding? {
        var coder: String?
        var journalSequence: Int?
        var excerpts: [String: ExcerptCoding]?
        var sawKind = false
        var sawVersion = false
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key() else { return nil }
            if matches(key, "coder") && coder == nil {
                coder = string()
                if coder == nil { return nil }
            } else if matches(key, "excerpts") && excerpts == nil {
                excerpts = excerptMap()
                if excerpts == nil { return nil }
            } else if matches(key, "journalSequence") && journalSequence == nil {
                journalSequence = integer()
                if journalSequence == nil { return nil }
            } else if matches(key, "kind") && !sawKind {
                guard string() == FileKind.coding.rawValue else { return nil }
                sawKind = true
            } else if matches(key, "schemaVersion") && !sawVersion {
                guard let version = integer(), (1...FileKind.coding.currentVersion).contains(version) else {
                    return nil
                }
                sawVersion = true
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        skipWhitespace()
        guard index == bytes.count, sawKind, sawVersion, let coder, let journalSequence, let excerpts else {
            return nil
        }
        return Coding(coder: coder, journalSequence: journalSequence, excerpts: excerpts)
    }

    /// Excerpt id -> record. A duplicate id (as Swift compares strings, as the parser does) gives up.
    mutating func excerptMap() -> [String: ExcerptCoding]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var excerpts: [String: ExcerptCoding] = [:]
        // A canonical record takes 130 bytes or more; the estimate keeps the table from growing step by step.
        excerpts.reserveCapacity(bytes.count / 128)
        if take(UInt8(ascii: "}")) { return excerpts }
        repeat {
            guard let id = string(), take(UInt8(ascii: ":")), let record = excerpt(),
                excerpts.updateValue(record, forKey: id) == nil
            else { return nil }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? excerpts : nil
    }

    mutating func excerpt() -> ExcerptCoding? {
        var finished: Bool?
        var codes: [String: AppliedCode]?
        var memo: String?
        var updated: String?
        var revision: Int?
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key() else { return nil }
            if matches(key, "codebookRevision") && revision == nil {
                revision = integer()
                if revision == nil { return nil }
            } else if matches(key, "codes") && codes == nil {
                codes = codeMap()
                if codes == nil { return nil }
            } else if matches(key, "finished") && finished == nil {
                finished = bool()
                if finished == nil { return nil }
            } else if matches(key, "memo") && memo == nil {
                memo = string()
                if memo == nil { return nil }
            } else if matches(key, "updated") && updated == nil {
                updated = string()
                if updated == nil { return nil }
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let finished, let codes, let updated, let revision else { return nil }
        return ExcerptCoding(finished: finished, codes: codes, memo: memo, updated: updated, codebookRevision: revision)
    }

    /// Code id -> how it is applied.
    mutating func codeMap() -> [String: AppliedCode]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var codes: [String: AppliedCode] = [:]
        if take(UInt8(ascii: "}")) { return codes }
        repeat {
            guard let id = codeID(), take(UInt8(ascii: ":")), let applied = appliedCode(),
                codes.updateValue(applied, forKey: id) == nil
            else { return nil }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? codes : nil
    }

    mutating func appliedCode() -> AppliedCode? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var applied = AppliedCode()
        if take(UInt8(ascii: "}")) { return applied }
        var sawSpans = false
        var sawMemo = false
        repeat {
            guard let key = key() else { return nil }
            if matches(key, "spans") && !sawSpans {
                guard let spans = spanList() else { return nil }
                applied.spans = spans
                sawSpans = true
            } else if matches(key, "memo") && !sawMemo {
                applied.memo = string()
                if applied.memo == nil { return nil }
                sawMemo = true
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? applied : nil
    }

    /// Spans in the order the file lists them, as the general reading keeps them.
    mutating func spanList() -> [TextSpan]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var spans: [TextSpan] = []
        if take(UInt8(ascii: "]")) { return spans }
        repeat {
            guard let span = span() else { return nil }
            spans.append(span)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? spans : nil
    }

    mutating func span() -> TextSpan? {
        var start: Int?
        var end: Int?
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key() else { return nil }
            if matches(key, "start") && start == nil {
                start = integer()
                if start == nil { return nil }
            } else if matches(key, "end") && end == nil {
                end = integer()
                if end == nil { return nil }
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let start, let end else { return nil }
        return TextSpan(start: start, end: end)
    }

    /// A member's key and its colon: printable ASCII without escapes, as a byte range.
    mutating func key() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let end = index
                index += 1
                return take(UInt8(ascii: ":")) ? start..<end : nil
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    func matches(_ key: Range<Int>, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { expected in
            guard key.count == expected.count else { return false }
            for offset in 0..<expected.count where bytes[key.lowerBound + offset] != expected[offset] { return false }
            return true
        }
    }

    /// A string value as its bytes when it has no escapes, else with its escapes undone as the parser undoes them.
    enum StringValue {
        case plain(Range<Int>)
        case escaped(String)
    }

    /// A string value; nil for a control character or a bad escape.
    mutating func stringValue() -> StringValue? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return .plain(start..<index - 1)
            }
            if byte == UInt8(ascii: "\\") { return escapedString(plainFrom: start).map(StringValue.escaped) }
            guard byte >= 0x20 else { return nil }
            index += 1
        }
        return nil
    }

    mutating func string() -> String? {
        switch stringValue() {
        case .plain(let range): String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .escaped(let text): text
        case nil: nil
        }
    }

    /// A code id: a snapshot names the same few codes thousands of times, so each distinct one is made once.
    mutating func codeID() -> String? {
        switch stringValue() {
        case .plain(let range): return codeIDs.id(range)
        case .escaped(let text):
            escapedCodeIDs.append(text)
            return text
        case nil: return nil
        }
    }

    /// The rest of a string whose plain run from `start` stopped at a backslash.
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

    /// One escape at `index`, appended to `scratch`.
    mutating func unescape() -> Bool {
        guard index + 1 < bytes.count else { return false }
        let code = bytes[index + 1]
        index += 2
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
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { return false }
                index += 2
                guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return false }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { return false }
            scratch.append(contentsOf: String(unicode).utf8)
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

    /// A whole number in plain digits: 15 at most (exact as the parser's Double), no leading zero. A fraction or an
    /// exponent is left unread, so what follows is not the ',' or '}' the caller takes, and the scan gives up.
    mutating func integer() -> Int? {
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

    mutating func bool() -> Bool? {
        if word("true") { return true }
        if word("false") { return false }
        return nil
    }

    mutating func word(_ word: StaticString) -> Bool {
        skipWhitespace()
        let found = word.withUTF8Buffer { expected in
            guard index + expected.count <= bytes.count else { return false }
            for offset in 0..<expected.count where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        if found { index += word.utf8CodeUnitCount }
        return found
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

/// Code ids by their bytes, each made into a `String` once (open addressing, FNV-1a, as `ReliabilityJSONScan` finds
/// its code names).
private struct CodeIDTable {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Each distinct id, in order of first appearance, and where it first appears.
    private(set) var ids: [String] = []
    private var places: [Range<Int>] = []
    private var slots = [Int32](repeating: -1, count: 256)

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func id(_ range: Range<Int>) -> String {
        if 2 * (ids.count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = hash(range) & mask
        while true {
            let found = Int(slots[slot])
            if found < 0 {
                slots[slot] = Int32(ids.count)
                ids.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
                places.append(range)
                return ids[ids.count - 1]
            }
            if same(places[found], range) { return ids[found] }
            slot = (slot + 1) & mask
        }
    }

    private func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for offset in 0..<a.count where bytes[a.lowerBound + offset] != bytes[b.lowerBound + offset] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, place) in places.enumerated() {
            var slot = hash(place) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    private func hash(_ range: Range<Int>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in range { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
