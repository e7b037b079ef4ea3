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

    /// The snapshot, or nil; also nil as soon as `accepts` refuses a record, which it is given in the file's order
    /// (by excerpt id) just after it was read.
    static func read(
        _ bytes: [UInt8], accepting accepts: (_ excerptID: String, ExcerptCoding) -> Bool = { _, _ in true }
    ) -> Scanned? {
        // The parser refuses a file for one invalid byte anywhere, even inside a string this scan would not look at.
        guard SourceText.firstInvalidUTF8Offset(in: bytes) == nil else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            guard let coding = scanner.snapshot(accepting: accepts) else { return nil }
            return Scanned(coding: coding, codeIDs: scanner.codeIDs + scanner.escapedCodeIDs)
        }
    }
}

/// The scan's place in the bytes. Each reading function returns nil where the general reading might see something
/// other than the plain case.
private struct Scanner {
    var cursor: JSONByteCursor
    /// Each distinct code id written without escapes, by its number in `codeIDRanges`.
    var codeIDs: [String] = []
    var codeIDRanges: DistinctByteRanges
    /// Code ids written with escapes, which the table does not hold.
    var escapedCodeIDs: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        cursor = JSONByteCursor(bytes: bytes)
        codeIDRanges = DistinctByteRanges(bytes: bytes)
    }

    mutating func snapshot(accepting accepts: (String, ExcerptCoding) -> Bool) -> Coding? {
        var coder: String?
        var journalSequence: Int?
        var excerpts: [String: ExcerptCoding]?
        var sawKind = false
        var sawVersion = false
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key() else { return nil }
            if cursor.matches(key, "coder") && coder == nil {
                coder = cursor.string()
                if coder == nil { return nil }
            } else if cursor.matches(key, "excerpts") && excerpts == nil {
                excerpts = excerptMap(accepting: accepts)
                if excerpts == nil { return nil }
            } else if cursor.matches(key, "journalSequence") && journalSequence == nil {
                journalSequence = cursor.integer()
                if journalSequence == nil { return nil }
            } else if cursor.matches(key, "kind") && !sawKind {
                guard cursor.string() == FileKind.coding.rawValue else { return nil }
                sawKind = true
            } else if cursor.matches(key, "schemaVersion") && !sawVersion {
                guard let version = cursor.integer(), (1...FileKind.coding.currentVersion).contains(version) else {
                    return nil
                }
                sawVersion = true
            } else {
                return nil
            }
        } while cursor.take(UInt8(ascii: ","))
        guard cursor.take(UInt8(ascii: "}")) else { return nil }
        guard cursor.isAtEnd(), sawKind, sawVersion, let coder, let journalSequence, let excerpts else {
            return nil
        }
        return Coding(coder: coder, journalSequence: journalSequence, excerpts: excerpts)
    }

    /// Excerpt id -> record. A duplicate id (as Swift compares strings, as the parser does) gives up, and so does a
    /// record `accepts` refuses.
    mutating func excerptMap(accepting accepts: (String, ExcerptCoding) -> Bool) -> [String: ExcerptCoding]? {
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        var excerpts: [String: ExcerptCoding] = [:]
        // Sized once, so that the table does not grow step by step as it fills.
        excerpts.reserveCapacity(Self.recordLines(in: cursor.bytes))
        if cursor.take(UInt8(ascii: "}")) { return excerpts }
        repeat {
            guard let id = cursor.string(), cursor.take(UInt8(ascii: ":")), let record = excerpt(),
                accepts(id, record), excerpts.updateValue(record, forKey: id) == nil
            else { return nil }
        } while cursor.take(UInt8(ascii: ","))
        return cursor.take(UInt8(ascii: "}")) ? excerpts : nil
    }

    /// The records a snapshot of the usual layout holds: one line each that starts, four spaces deep, with the
    /// excerpt's id. The table the records are read into is the biggest thing a snapshot becomes, so it is sized by
    /// this count rather than by the file's size: a guess by size (a record takes 130 bytes or more) doubled the table
    /// of a 600,000-excerpt coder, whose records average some 180 bytes, to twice the buckets it needed. A file of
    /// another layout gets a wrong count, which only makes its table grow as it fills.
    static func recordLines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let (newline, space, quote) = (UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "\""))
        var count = 0
        var index = 0
        while index + 5 < bytes.count {
            if bytes[index] == newline && bytes[index + 5] == quote && bytes[index + 1] == space
                && bytes[index + 2] == space && bytes[index + 3] == space && bytes[index + 4] == space
            {
                count += 1
            }
            index += 1
        }
        return count
    }

    mutating func excerpt() -> ExcerptCoding? {
        var finished: Bool?
        var codes: [String: AppliedCode]?
        var memo: String?
        var updated: String?
        var revision: Int?
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key() else { return nil }
            if cursor.matches(key, "codebookRevision") && revision == nil {
                revision = cursor.integer()
                if revision == nil { return nil }
            } else if cursor.matches(key, "codes") && codes == nil {
                codes = codeMap()
                if codes == nil { return nil }
            } else if cursor.matches(key, "finished") && finished == nil {
                finished = bool()
                if finished == nil { return nil }
            } else if cursor.matches(key, "memo") && memo == nil {
                memo = cursor.string()
                if memo == nil { return nil }
            } else if cursor.matches(key, "updated") && updated == nil {
                updated = cursor.string()
                if updated == nil { return nil }
            } else {
                return nil
            }
        } while cursor.take(UInt8(ascii: ","))
        guard cursor.take(UInt8(ascii: "}")), let finished, let codes, let updated, let revision else { return nil }
        return ExcerptCoding(finished: finished, codes: codes, memo: memo, updated: updated, codebookRevision: revision)
    }

    /// Code id -> how it is applied.
    mutating func codeMap() -> [String: AppliedCode]? {
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        var codes: [String: AppliedCode] = [:]
        if cursor.take(UInt8(ascii: "}")) { return codes }
        repeat {
            guard let id = codeID(), cursor.take(UInt8(ascii: ":")), let applied = appliedCode(),
                codes.updateValue(applied, forKey: id) == nil
            else { return nil }
        } while cursor.take(UInt8(ascii: ","))
        return cursor.take(UInt8(ascii: "}")) ? codes : nil
    }

    mutating func appliedCode() -> AppliedCode? {
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        var applied = AppliedCode()
        if cursor.take(UInt8(ascii: "}")) { return applied }
        var sawSpans = false
        var sawMemo = false
        repeat {
            guard let key = key() else { return nil }
            if cursor.matches(key, "spans") && !sawSpans {
                guard let spans = spanList() else { return nil }
                applied.spans = spans
                sawSpans = true
            } else if cursor.matches(key, "memo") && !sawMemo {
                applied.memo = cursor.string()
                if applied.memo == nil { return nil }
                sawMemo = true
            } else {
                return nil
            }
        } while cursor.take(UInt8(ascii: ","))
        return cursor.take(UInt8(ascii: "}")) ? applied : nil
    }

    /// Spans in the order the file lists them, as the general reading keeps them.
    mutating func spanList() -> [TextSpan]? {
        guard cursor.take(UInt8(ascii: "[")) else { return nil }
        var spans: [TextSpan] = []
        if cursor.take(UInt8(ascii: "]")) { return spans }
        repeat {
            guard let span = span() else { return nil }
            spans.append(span)
        } while cursor.take(UInt8(ascii: ","))
        return cursor.take(UInt8(ascii: "]")) ? spans : nil
    }

    mutating func span() -> TextSpan? {
        var start: Int?
        var end: Int?
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key() else { return nil }
            if cursor.matches(key, "start") && start == nil {
                start = cursor.integer()
                if start == nil { return nil }
            } else if cursor.matches(key, "end") && end == nil {
                end = cursor.integer()
                if end == nil { return nil }
            } else {
                return nil
            }
        } while cursor.take(UInt8(ascii: ","))
        guard cursor.take(UInt8(ascii: "}")), let start, let end else { return nil }
        return TextSpan(start: start, end: end)
    }

    /// A member's key and its colon: printable ASCII without escapes, as a byte range.
    mutating func key() -> Range<Int>? {
        guard let key = cursor.asciiString(), cursor.take(UInt8(ascii: ":")) else { return nil }
        return key
    }

    /// A code id: a snapshot names the same few codes thousands of times, so each distinct one is made once.
    mutating func codeID() -> String? {
        switch cursor.stringValue() {
        case .plain(let range):
            let number = codeIDRanges.number(of: range)
            if number == codeIDs.count { codeIDs.append(cursor.text(range)) }
            return codeIDs[number]
        case .escaped(let text):
            escapedCodeIDs.append(text)
            return text
        case nil: return nil
        }
    }

    mutating func bool() -> Bool? {
        if cursor.takeWord("true") { return true }
        if cursor.takeWord("false") { return false }
        return nil
    }
}
