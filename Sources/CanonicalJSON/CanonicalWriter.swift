/// Writes JSON deterministically, so that saving an unchanged study changes no byte and git diffs stay small.
///
/// The pretty layout is byte-for-byte what Python's
/// `json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"` produces, so anyone can regenerate or
/// check a study file with a one-line script: keys sorted by Unicode code point, two-space indentation, `": "`
/// between key and value, `[]` and `{}` for empty containers, a trailing newline, UTF-8 without escapes beyond
/// those JSON requires. The compact layout (`{"a":1}`, one line, no trailing newline) is used for journal lines.
public enum CanonicalWriter {
    public static func pretty(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        writePretty(value, indent: 0, into: &output)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    public static func compact(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        writeCompact(value, into: &output)
        return output
    }

    /// Appends `value` laid out as `pretty` lays it out `indent` spaces deep, without the trailing newline: for a
    /// writer that lays out a large file's outer levels itself, so it never builds the whole file as one value.
    public static func appendPretty(_ value: JSONValue, indent: Int, to output: inout [UInt8]) {
        writePretty(value, indent: indent, into: &output)
    }

    /// Appends `text` as a JSON string, escaped as both layouts escape it.
    public static func appendString(_ text: String, to output: inout [UInt8]) {
        writeString(text, into: &output)
    }

    /// Appends `number` as the writer writes `.int(number)`.
    public static func appendInt(_ number: Int, to output: inout [UInt8]) {
        // Beyond 2^53 a Double no longer holds every integer: written as the Double it became, as `format` does.
        guard number.magnitude < 9_007_199_254_740_992 else {
            output.append(contentsOf: format(Double(number)).utf8)
            return
        }
        // Digits written backwards into a small buffer: the snapshot has a few numbers per record, tens of thousands
        // of records, and a String per number would cost more than the rest of the record.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var position = buffer.count
            var remaining = number.magnitude
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            if number < 0 {
                position -= 1
                buffer[position] = UInt8(ascii: "-")
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// `keys` in the order the writer lays out an object's members: by UTF-8 bytes, which is code point order.
    public static func sortedKeys(_ keys: [String]) -> [String] {
        // Swift orders strings by their normalised code points: for the usual keys (ASCII, or already normalised)
        // that is the writer's order, and sorting by it is several times faster than comparing bytes one by one.
        // The result is checked in one pass, and sorted by bytes if any neighbours are out of that order.
        let sorted = keys.sorted()
        for index in sorted.indices.dropFirst() where !precedes(sorted[index - 1], sorted[index]) {
            return keys.sorted(by: precedes)
        }
        return sorted
    }

    private static func writePretty(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
        switch value.kind {
        case .array(let elements):
            if elements.isEmpty {
                output.append(contentsOf: [0x5B, 0x5D])
                return
            }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 2, into: &output)
                writePretty(element, indent: indent + 2, into: &output)
            }
            newline(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                output.append(contentsOf: [0x7B, 0x7D])
                return
            }
            output.append(UInt8(ascii: "{"))
            for (position, member) in sortedMembers(members).enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 2, into: &output)
                writeString(member.key, into: &output)
                output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                writePretty(member.value, indent: indent + 2, into: &output)
            }
            newline(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        default:
            writeScalar(value, into: &output)
        }
    }

    private static func writeCompact(_ value: JSONValue, into output: inout [UInt8]) {
        switch value.kind {
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeCompact(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (position, member) in sortedMembers(members).enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                writeCompact(member.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        default:
            writeScalar(value, into: &output)
        }
    }

    private static func newline(_ indent: Int, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// Members ordered by key as Python orders `str`: by code point, which is UTF-8 byte order.
    private static func sortedMembers(_ members: [JSONMember]) -> [JSONMember] {
        var isSorted = true
        for index in members.indices.dropFirst() where !precedes(members[index - 1].key, members[index].key) {
            isSorted = false
            break
        }
        if isSorted { return members }
        return members.sorted { precedes($0.key, $1.key) }
    }

    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    private static func writeScalar(_ value: JSONValue, into output: inout [UInt8]) {
        switch value.kind {
        case .null: output.append(contentsOf: Array("null".utf8))
        case .bool(let flag): output.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .number(let number): output.append(contentsOf: Array(format(number).utf8))
        case .string(let text): writeString(text, into: &output)
        case .array, .object: break
        }
    }

    /// Whole numbers print without a fraction; others in the shortest form that reads back to the same Double.
    public static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: output.append(contentsOf: [0x5C, 0x22])
                case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                default:
                    output.append(contentsOf: Array("\\u00".utf8))
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0xF)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
