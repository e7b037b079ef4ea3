import CanonicalJSON

extension CodingFormat {
    /// The snapshot's canonical bytes, exactly `CanonicalWriter.pretty(encode(coding))`, written straight from the
    /// records: every session that recorded anything writes its coder's snapshot when it closes, and a snapshot holds
    /// tens of thousands of records, so no JSON value is built for the file or for any record. The layout is the one
    /// `encode` and `encodeExcerpt` describe, members in key order; tests hold the two to the same bytes.
    public static func prettyBytes(_ coding: Coding) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256 + coding.excerpts.count * 192)
        output.append("{\n  \"coder\": ")
        CanonicalWriter.appendString(coding.coder, to: &output)
        output.append(",\n  \"excerpts\": ")
        if coding.excerpts.isEmpty {
            output.append("{}")
        } else {
            output.append("{\n    ")
            for (position, id) in CanonicalWriter.sortedKeys(Array(coding.excerpts.keys)).enumerated() {
                if position > 0 { output.append(",\n    ") }
                CanonicalWriter.appendString(id, to: &output)
                output.append(": ")
                appendPretty(coding.excerpts[id]!, to: &output)
            }
            output.append("\n  }")
        }
        output.append(",\n  \"journalSequence\": ")
        CanonicalWriter.appendInt(coding.journalSequence, to: &output)
        output.append(",\n  \"kind\": ")
        CanonicalWriter.appendString(FileKind.coding.rawValue, to: &output)
        output.append(",\n  \"schemaVersion\": ")
        CanonicalWriter.appendInt(FileKind.coding.currentVersion, to: &output)
        output.append("\n}\n")
        return output
    }

    /// One excerpt's record as a member of `excerpts` (four spaces deep): `encodeExcerpt`'s members in key order.
    private static func appendPretty(_ excerpt: ExcerptCoding, to output: inout [UInt8]) {
        output.append("{\n      \"codebookRevision\": ")
        CanonicalWriter.appendInt(excerpt.codebookRevision, to: &output)
        output.append(",\n      \"codes\": ")
        appendPretty(excerpt.codes, to: &output)
        output.append(excerpt.finished ? ",\n      \"finished\": true" : ",\n      \"finished\": false")
        if let memo = excerpt.memo {
            output.append(",\n      \"memo\": ")
            CanonicalWriter.appendString(memo, to: &output)
        }
        output.append(",\n      \"updated\": ")
        CanonicalWriter.appendString(excerpt.updated, to: &output)
        output.append("\n    }")
    }

    /// A record's `codes` (six spaces deep): `encodeCodes`'s members in key order.
    private static func appendPretty(_ codes: [String: AppliedCode], to output: inout [UInt8]) {
        guard !codes.isEmpty else {
            output.append("{}")
            return
        }
        output.append("{\n        ")
        if codes.count == 1, let (id, applied) = codes.first {
            appendPretty(id, applied, to: &output)
        } else {
            for (position, id) in CanonicalWriter.sortedKeys(Array(codes.keys)).enumerated() {
                if position > 0 { output.append(",\n        ") }
                appendPretty(id, codes[id]!, to: &output)
            }
        }
        output.append("\n      }")
    }

    /// One member of `codes` (eight spaces deep): a code with neither memo nor spans is `{}`.
    private static func appendPretty(_ id: String, _ applied: AppliedCode, to output: inout [UInt8]) {
        CanonicalWriter.appendString(id, to: &output)
        guard applied.memo != nil || !applied.spans.isEmpty else {
            output.append(": {}")
            return
        }
        output.append(": {")
        if let memo = applied.memo {
            output.append("\n          \"memo\": ")
            CanonicalWriter.appendString(memo, to: &output)
            if !applied.spans.isEmpty { output.append(",") }
        }
        if !applied.spans.isEmpty {
            output.append("\n          \"spans\": [")
            for (position, span) in applied.spans.sorted().enumerated() {
                if position > 0 { output.append(",") }
                output.append("\n            {\n              \"end\": ")
                CanonicalWriter.appendInt(span.end, to: &output)
                output.append(",\n              \"start\": ")
                CanonicalWriter.appendInt(span.start, to: &output)
                output.append("\n            }")
            }
            output.append("\n          ]")
        }
        output.append("\n        }")
    }
}

extension [UInt8] {
    /// Appends a fixed piece of the layout.
    fileprivate mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
