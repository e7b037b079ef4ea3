import CanonicalJSON
import Foundation

/// Where each coder marked each code in each unit (an excerpt): the input of span-level agreement.
///
/// The JSON format (`thematic agree --spans --reliability-data FILE`):
/// `{"units": [{"id": "R01-001", "length": 412, "spans": {"asha": [{"code": "A1", "start": 0, "end": 120}], "ben":
/// []}}], "codes": ["A1", "A2"]}`. Offsets are Unicode scalar offsets, half-open. A coder absent from a unit's `spans`
/// did not code it; `[]` means coded, nothing marked. `codes` (optional) gives the code universe and its order; codes
/// used but not listed are added in order of first appearance.
public struct SpanReliabilityData: Sendable, Equatable {
    public struct Span: Sendable, Equatable, Hashable {
        public var code: String
        public var start: Int
        public var end: Int

        public init(code: String, start: Int, end: Int) {
            self.code = code
            self.start = start
            self.end = end
        }
    }

    public struct Unit: Sendable, Equatable {
        public var id: String
        public var length: Int
        /// Coder -> the spans they marked; a coder who did not code the unit is absent.
        public var spans: [String: [Span]]

        public init(id: String, length: Int, spans: [String: [Span]]) {
            self.id = id
            self.length = length
            self.spans = spans
        }
    }

    public var units: [Unit]
    public var codes: [String]
    /// Coders in order of first appearance.
    public var coders: [String]

    public init(units: [Unit], codes: [String], coders: [String]) {
        self.units = units
        self.codes = codes
        self.coders = coders
    }

    public static func read(path: String) throws(ReliabilityDataError) -> SpanReliabilityData {
        let contents = try ReliabilityDataBytes.read(path: path)
        return try json([UInt8](contents), path: path)
    }

    /// Reads the JSON format; errors name `path`, the line and column, and what was expected there. The bytes are
    /// read as they come (`JSONScanner`), not through a document tree: a file holds millions of spans.
    public static func json(_ bytes: [UInt8], path: String) throws(ReliabilityDataError) -> SpanReliabilityData {
        var scanner = JSONScanner(bytes)
        var reader = Reader()
        do throws(JSONScanner.Failure) {
            guard scanner.peek() == UInt8(ascii: "{") else {
                throw JSONScanner.Failure(
                    offset: scanner.nextOffset(),
                    message: "expected an object with \"units\" (and optionally \"codes\")")
            }
            let top = scanner.nextOffset()
            try scanner.object("the file's object") { scanner, key throws(JSONScanner.Failure) in
                switch key {
                case "units":
                    try scanner.array("\"units\" (an array of {\"id\", \"length\", \"spans\"} objects)") {
                        scanner throws(JSONScanner.Failure) in try reader.unit(&scanner)
                    }
                case "codes": try reader.listedCodes(&scanner)
                default: try scanner.skipValue()
                }
            }
            try scanner.end()
            guard reader.sawUnits else {
                throw JSONScanner.Failure(
                    offset: top, message: "expected \"units\": an array of {\"id\", \"length\", \"spans\"} objects")
            }
        } catch {
            let (line, column) = SourceText.location(ofOffset: error.offset, in: bytes)
            throw .invalidFile(path: path, location: "\(line):\(column)", message: error.message)
        }
        return SpanReliabilityData(units: reader.units, codes: reader.codes, coders: reader.coders)
    }

    /// What the scanner has read so far, unit by unit.
    private struct Reader {
        var units: [Unit] = []
        var codes: [String] = []
        var coders: [String] = []
        var sawUnits = false
        private var knownCodes = Set<String>()
        private var ids = Set<String>()

        mutating func listedCodes(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) {
            guard scanner.peek() == UInt8(ascii: "[") else {
                throw JSONScanner.Failure(
                    offset: scanner.nextOffset(), message: "\"codes\" must be an array of code ids")
            }
            var listedCodes: [String] = []
            try scanner.array("\"codes\"") { scanner throws(JSONScanner.Failure) in
                let offset = scanner.nextOffset()
                guard scanner.peek() == UInt8(ascii: "\"") else {
                    throw JSONScanner.Failure(offset: offset, message: "a code id must be a string")
                }
                let code = try scanner.string()
                if listedCodes.contains(code) {
                    throw JSONScanner.Failure(offset: offset, message: "code \"\(code)\" is listed twice in \"codes\"")
                }
                listedCodes.append(code)
            }
            // Listed codes come first, in their order, whether the list is before or after the units.
            codes = listedCodes + codes.filter { !listedCodes.contains($0) }
            knownCodes.formUnion(listedCodes)
        }

        mutating func unit(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) {
            sawUnits = true
            let start = scanner.nextOffset()
            guard scanner.peek() == UInt8(ascii: "{") else {
                throw JSONScanner.Failure(
                    offset: start, message: "a unit must be an object {\"id\", \"length\", \"spans\"}")
            }
            var id: String?, idOffset = start
            var length: Int?, lengthOffset = start
            var byCoder: [(coder: String, offset: Int, spans: [(Span, Int)])] = []
            var sawSpans = false
            try scanner.object("a unit") { scanner, key throws(JSONScanner.Failure) in
                switch key {
                case "id":
                    idOffset = scanner.nextOffset()
                    guard scanner.peek() == UInt8(ascii: "\"") else {
                        throw JSONScanner.Failure(offset: idOffset, message: "a unit needs an \"id\" string")
                    }
                    id = try scanner.string()
                case "length":
                    lengthOffset = scanner.nextOffset()
                    length = try scanner.integer("the length of a unit")
                case "spans":
                    sawSpans = true
                    let offset = scanner.nextOffset()
                    guard scanner.peek() == UInt8(ascii: "{") else {
                        throw JSONScanner.Failure(
                            offset: offset, message: "\"spans\" must be an object (coder -> list of spans)")
                    }
                    try scanner.object("\"spans\"") { scanner, coder throws(JSONScanner.Failure) in
                        let listOffset = scanner.nextOffset()
                        guard scanner.peek() == UInt8(ascii: "[") else {
                            throw JSONScanner.Failure(
                                offset: listOffset, message: "coder \"\(coder)\": expected a list of spans")
                        }
                        var spans: [(Span, Int)] = []
                        try scanner.array("the spans of \"\(coder)\"") { scanner throws(JSONScanner.Failure) in
                            spans.append(try Self.span(&scanner))
                        }
                        byCoder.append((coder, listOffset, spans))
                    }
                default:
                    try scanner.skipValue()
                }
            }
            guard let id else { throw JSONScanner.Failure(offset: start, message: "a unit needs an \"id\" string") }
            guard ids.insert(id).inserted else {
                throw JSONScanner.Failure(offset: idOffset, message: "unit id \"\(id)\" appears twice")
            }
            guard let length else {
                throw JSONScanner.Failure(offset: start, message: "unit \"\(id)\" has no \"length\"")
            }
            guard length > 0 else {
                throw JSONScanner.Failure(
                    offset: lengthOffset, message: "the length of unit \"\(id)\" must be at least 1, found \(length)")
            }
            guard sawSpans else {
                throw JSONScanner.Failure(
                    offset: start, message: "unit \"\(id)\" needs \"spans\": an object (coder -> list of spans)")
            }
            var unit = Unit(id: id, length: length, spans: [:])
            for (coder, _, spans) in byCoder {
                if !coders.contains(coder) { coders.append(coder) }
                var checked: [Span] = []
                checked.reserveCapacity(spans.count)
                for (span, offset) in spans {
                    guard span.start >= 0, span.start < span.end, span.end <= length else {
                        throw JSONScanner.Failure(
                            offset: offset,
                            message:
                                "span [\(span.start), \(span.end)) of \"\(span.code)\" by \"\(coder)\" does not fit unit \"\(id)\" of length \(length) (0 <= start < end <= length)"
                        )
                    }
                    if knownCodes.insert(span.code).inserted { codes.append(span.code) }
                    checked.append(span)
                }
                unit.spans[coder] = checked
            }
            units.append(unit)
        }

        /// `{"code": "...", "start": N, "end": N}`, with its offset for messages.
        private static func span(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> (Span, Int) {
            let offset = scanner.nextOffset()
            let shape = "a span must be {\"code\": \"...\", \"start\": N, \"end\": N}"
            guard scanner.peek() == UInt8(ascii: "{") else { throw JSONScanner.Failure(offset: offset, message: shape) }
            var code: String?, start: Int?, end: Int?
            try scanner.object("a span") { scanner, key throws(JSONScanner.Failure) in
                switch key {
                case "code":
                    guard scanner.peek() == UInt8(ascii: "\"") else {
                        throw JSONScanner.Failure(offset: scanner.nextOffset(), message: shape)
                    }
                    code = try scanner.string()
                case "start": start = try scanner.integer("a span's start")
                case "end": end = try scanner.integer("a span's end")
                default: try scanner.skipValue()
                }
            }
            guard let code, let start, let end else { throw JSONScanner.Failure(offset: offset, message: shape) }
            return (Span(code: code, start: start, end: end), offset)
        }
    }
}
