import CanonicalJSON
import Dispatch
import Foundation

/// Where each coder marked each code in each unit (an excerpt): the input of span-level agreement.
///
/// The JSON format (`thematic agree --spans --reliability-data FILE`):
/// `{"units": [{"id": "R01-001", "length": 412, "spans": {"asha": [{"code": "A1", "start": 0, "end": 120}], "ben": []}}],
///   "codes": ["A1", "A2"]}`. Offsets are Unicode scalar offsets, half-open. A coder absent from a unit's `spans`
/// did not code it; `[]` means coded, nothing marked. `codes` (optional) gives the code universe and its order;
/// codes used but not listed are added in order of first appearance.
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
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw .invalidFile(path: path, location: "1:1", message: "cannot read the file (missing or unreadable)")
        }
        return try json([UInt8](contents), path: path)
    }

    /// Reads the JSON format; errors name `path`, the line and column, and what was expected there.
    public static func json(_ bytes: [UInt8], path: String) throws(ReliabilityDataError) -> SpanReliabilityData {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw .invalidFile(path: path, location: "\(error.line):\(error.column)", message: error.message)
        }
        let reader = Reader(bytes: bytes, path: path)
        guard case .object(let top) = root.kind else {
            throw reader.fail(root, "expected an object with \"units\" (and optionally \"codes\"), found \(root.typeDescription)")
        }
        guard let unitsValue = Reader.member(top, "units"), case .array(let unitValues) = unitsValue.kind else {
            throw reader.fail(Reader.member(top, "units") ?? root, "expected \"units\": an array of {\"id\", \"length\", \"spans\"} objects")
        }
        var codes: [String] = []
        if let codesValue = Reader.member(top, "codes") {
            guard case .array(let codeValues) = codesValue.kind else {
                throw reader.fail(codesValue, "\"codes\" must be an array of code ids, found \(codesValue.typeDescription)")
            }
            for value in codeValues {
                guard case .string(let code) = value.kind else { throw reader.fail(value, "a code id must be a string, found \(value.typeDescription)") }
                if codes.contains(code) { throw reader.fail(value, "code \"\(code)\" is listed twice in \"codes\"") }
                codes.append(code)
            }
        }
        // Units are read on every core (a file holds millions of spans), then put in order here.
        let chunkSize = max(1, (unitValues.count + 15) / 16)
        let chunks = stride(from: 0, to: unitValues.count, by: chunkSize).map { $0..<min(unitValues.count, $0 + chunkSize) }
        let decoded = ConcurrentSlots<Result<[Reader.DecodedUnit], ReliabilityDataError>?>(count: chunks.count, initial: nil)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
            do throws(ReliabilityDataError) {
                var units: [Reader.DecodedUnit] = []
                for index in chunks[chunk] { units.append(try reader.unit(unitValues[index])) }
                decoded.slots[chunk] = .success(units)
            } catch {
                decoded.slots[chunk] = .failure(error)
            }
        }
        var known = Set(codes)
        var coders: [String] = []
        var units: [Unit] = []
        units.reserveCapacity(unitValues.count)
        var seen = Set<String>()
        for chunk in chunks.indices {
            for decodedUnit in try decoded.slots[chunk]!.get() {
                guard seen.insert(decodedUnit.unit.id).inserted else {
                    throw reader.fail(decodedUnit.idValue, "unit id \"\(decodedUnit.unit.id)\" appears twice")
                }
                for coder in decodedUnit.coders where !coders.contains(coder) { coders.append(coder) }
                for code in decodedUnit.codes where known.insert(code).inserted { codes.append(code) }
                units.append(decodedUnit.unit)
            }
        }
        return SpanReliabilityData(units: units, codes: codes, coders: coders)
    }

    /// Reads one unit of the JSON format; errors are located in the file.
    private struct Reader: Sendable {
        let bytes: [UInt8]
        let path: String

        struct DecodedUnit: Sendable {
            var unit: Unit
            var idValue: JSONValue
            /// Coders and codes in order of first appearance in the unit.
            var coders: [String]
            var codes: [String]
        }

        func fail(_ value: JSONValue, _ message: String) -> ReliabilityDataError {
            let (line, column) = SourceText.location(ofOffset: value.offset, in: bytes)
            return .invalidFile(path: path, location: "\(line):\(column)", message: message)
        }

        static func member(_ members: [JSONMember], _ key: String) -> JSONValue? { members.first { $0.key == key }?.value }

        func integer(_ value: JSONValue, _ what: String) throws(ReliabilityDataError) -> Int {
            guard case .number(let number) = value.kind, number == number.rounded(), abs(number) < 1e15 else {
                throw fail(value, "\(what) must be a whole number, found \(value.typeDescription)")
            }
            return Int(number)
        }

        func unit(_ unitValue: JSONValue) throws(ReliabilityDataError) -> DecodedUnit {
            guard case .object(let members) = unitValue.kind else {
                throw fail(unitValue, "a unit must be an object {\"id\", \"length\", \"spans\"}, found \(unitValue.typeDescription)")
            }
            guard let idValue = Self.member(members, "id"), case .string(let id) = idValue.kind else {
                throw fail(Self.member(members, "id") ?? unitValue, "a unit needs an \"id\" string")
            }
            guard let lengthValue = Self.member(members, "length") else { throw fail(unitValue, "unit \"\(id)\" has no \"length\"") }
            let length = try integer(lengthValue, "the length of unit \"\(id)\"")
            guard length > 0 else { throw fail(lengthValue, "the length of unit \"\(id)\" must be at least 1, found \(length)") }
            guard let spansValue = Self.member(members, "spans"), case .object(let byCoder) = spansValue.kind else {
                throw fail(Self.member(members, "spans") ?? unitValue, "unit \"\(id)\" needs \"spans\": an object (coder -> list of spans)")
            }
            var decoded = DecodedUnit(unit: Unit(id: id, length: length, spans: [:]), idValue: idValue, coders: [], codes: [])
            for coding in byCoder {
                decoded.coders.append(coding.key)
                guard case .array(let spanValues) = coding.value.kind else {
                    throw fail(coding.value, "coder \"\(coding.key)\" on unit \"\(id)\": expected a list of spans, found \(coding.value.typeDescription)")
                }
                var spans: [Span] = []
                spans.reserveCapacity(spanValues.count)
                for spanValue in spanValues {
                    let span = try self.span(spanValue, coder: coding.key, unit: id, length: length)
                    if decoded.codes.last != span.code, !decoded.codes.contains(span.code) { decoded.codes.append(span.code) }
                    spans.append(span)
                }
                decoded.unit.spans[coding.key] = spans
            }
            return decoded
        }

        private func span(_ value: JSONValue, coder: String, unit: String, length: Int) throws(ReliabilityDataError) -> Span {
            // One pass over the three fields: a file holds millions of spans.
            var codeValue: JSONValue?, startValue: JSONValue?, endValue: JSONValue?
            if case .object(let fields) = value.kind {
                for field in fields {
                    switch field.key {
                    case "code": codeValue = field.value
                    case "start": startValue = field.value
                    case "end": endValue = field.value
                    default: break
                    }
                }
            }
            guard let codeValue, case .string(let code) = codeValue.kind, let startValue, let endValue else {
                throw fail(value, "a span must be {\"code\": \"...\", \"start\": N, \"end\": N}")
            }
            let start = try integer(startValue, "a span's start"), end = try integer(endValue, "a span's end")
            guard start >= 0, start < end, end <= length else {
                throw fail(value, "span [\(start), \(end)) of \"\(code)\" by \"\(coder)\" does not fit unit \"\(unit)\" of length \(length) (0 <= start < end <= length)")
            }
            return Span(code: code, start: start, end: end)
        }
    }
}
