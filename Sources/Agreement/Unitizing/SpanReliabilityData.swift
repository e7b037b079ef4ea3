import CanonicalJSON
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
        func fail(_ value: JSONValue, _ message: String) -> ReliabilityDataError {
            let (line, column) = SourceText.location(ofOffset: value.offset, in: bytes)
            return .invalidFile(path: path, location: "\(line):\(column)", message: message)
        }
        func member(_ members: [JSONMember], _ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
        func integer(_ value: JSONValue, _ what: String) throws(ReliabilityDataError) -> Int {
            guard case .number(let number) = value.kind, number == number.rounded(), abs(number) < 1e15 else {
                throw fail(value, "\(what) must be a whole number, found \(value.typeDescription)")
            }
            return Int(number)
        }
        guard case .object(let top) = root.kind else {
            throw fail(root, "expected an object with \"units\" (and optionally \"codes\"), found \(root.typeDescription)")
        }
        guard let unitsValue = member(top, "units"), case .array(let unitValues) = unitsValue.kind else {
            throw fail(member(top, "units") ?? root, "expected \"units\": an array of {\"id\", \"length\", \"spans\"} objects")
        }
        var codes: [String] = []
        if let codesValue = member(top, "codes") {
            guard case .array(let codeValues) = codesValue.kind else {
                throw fail(codesValue, "\"codes\" must be an array of code ids, found \(codesValue.typeDescription)")
            }
            for value in codeValues {
                guard case .string(let code) = value.kind else { throw fail(value, "a code id must be a string, found \(value.typeDescription)") }
                if codes.contains(code) { throw fail(value, "code \"\(code)\" is listed twice in \"codes\"") }
                codes.append(code)
            }
        }
        var known = Set(codes)
        var coders: [String] = []
        var units: [Unit] = []
        var seen = Set<String>()
        for unitValue in unitValues {
            guard case .object(let members) = unitValue.kind else {
                throw fail(unitValue, "a unit must be an object {\"id\", \"length\", \"spans\"}, found \(unitValue.typeDescription)")
            }
            guard let idValue = member(members, "id"), case .string(let id) = idValue.kind else {
                throw fail(member(members, "id") ?? unitValue, "a unit needs an \"id\" string")
            }
            guard seen.insert(id).inserted else { throw fail(idValue, "unit id \"\(id)\" appears twice") }
            guard let lengthValue = member(members, "length") else { throw fail(unitValue, "unit \"\(id)\" has no \"length\"") }
            let length = try integer(lengthValue, "the length of unit \"\(id)\"")
            guard length > 0 else { throw fail(lengthValue, "the length of unit \"\(id)\" must be at least 1, found \(length)") }
            guard let spansValue = member(members, "spans"), case .object(let byCoder) = spansValue.kind else {
                throw fail(member(members, "spans") ?? unitValue, "unit \"\(id)\" needs \"spans\": an object (coder -> list of spans)")
            }
            var unit = Unit(id: id, length: length, spans: [:])
            for coding in byCoder {
                if !coders.contains(coding.key) { coders.append(coding.key) }
                guard case .array(let spanValues) = coding.value.kind else {
                    throw fail(coding.value, "coder \"\(coding.key)\" on unit \"\(id)\": expected a list of spans, found \(coding.value.typeDescription)")
                }
                var spans: [Span] = []
                for spanValue in spanValues {
                    guard case .object(let fields) = spanValue.kind, let codeValue = member(fields, "code"), case .string(let code) = codeValue.kind,
                          let startValue = member(fields, "start"), let endValue = member(fields, "end") else {
                        throw fail(spanValue, "a span must be {\"code\": \"...\", \"start\": N, \"end\": N}")
                    }
                    let start = try integer(startValue, "a span's start"), end = try integer(endValue, "a span's end")
                    guard start >= 0, start < end, end <= length else {
                        throw fail(spanValue, "span [\(start), \(end)) of \"\(code)\" by \"\(coding.key)\" does not fit unit \"\(id)\" of length \(length) (0 <= start < end <= length)")
                    }
                    if known.insert(code).inserted { codes.append(code) }
                    spans.append(Span(code: code, start: start, end: end))
                }
                unit.spans[coding.key] = spans
            }
            units.append(unit)
        }
        return SpanReliabilityData(units: units, codes: codes, coders: coders)
    }
}
