import CanonicalJSON

extension SpanReliabilityData {
    /// Realistic generated span data, for benchmarks and randomized tests: excerpts of 200 to 2,500 characters, each
    /// with 6 to 14 passages worth a code (codes follow a Zipf law, so a few are common and most rare), 20 to 300
    /// characters long. Each coder marks most passages (85%) with boundaries a few characters off, now and then with
    /// another code (5%), and sometimes adds a span of their own (one excerpt in four). About ten spans per coder
    /// and excerpt. The same arguments always give the same data.
    public static func synthetic(units: Int, coders: Int, codes: Int, seed: UInt64 = 1) -> SpanReliabilityData {
        var rng = SplitMix64(seed: seed)
        let codeIDs = (0..<codes).map { "c\($0 + 1)" }
        let coderIDs = (0..<coders).map { "coder\($0 + 1)" }
        let weights = (0..<codes).map { 1 / Double($0 + 1) }
        let total = weights.reduce(0, +)
        var cumulative = weights.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1 / total) }
        cumulative[codes - 1] = 1
        func code(_ rng: inout SplitMix64) -> String {
            let u = rng.nextUnit()
            return codeIDs[cumulative.firstIndex { u < $0 } ?? codes - 1]
        }
        func passage(in length: Int, _ rng: inout SplitMix64) -> Span {
            let size = min(length, Int.random(in: 20...300, using: &rng))
            let start = Int.random(in: 0...(length - size), using: &rng)
            return Span(code: code(&rng), start: start, end: start + size)
        }
        var result: [Unit] = []
        result.reserveCapacity(units)
        for index in 0..<units {
            let length = Int.random(in: 200...2_500, using: &rng)
            let passages = (0..<Int.random(in: 6...14, using: &rng)).map { _ in passage(in: length, &rng) }
            var unit = Unit(id: "u\(index + 1)", length: length, spans: [:])
            for coder in coderIDs {
                var spans: [Span] = []
                for truth in passages where rng.nextUnit() < 0.85 {
                    let start = min(max(0, truth.start + Int.random(in: -12...12, using: &rng)), truth.end - 1)
                    let end = max(start + 1, min(length, truth.end + Int.random(in: -12...12, using: &rng)))
                    spans.append(Span(code: rng.nextUnit() < 0.05 ? code(&rng) : truth.code, start: start, end: end))
                }
                if rng.nextUnit() < 0.25 { spans.append(passage(in: length, &rng)) }
                unit.spans[coder] = spans
            }
            result.append(unit)
        }
        return SpanReliabilityData(units: result, codes: codeIDs, coders: coderIDs)
    }

    /// The data in the span reliability-data JSON format that `json(_:path:)` reads, compact, coders in `coders` order.
    public var jsonBytes: [UInt8] {
        var quotedCodes: [String: String] = [:]
        for code in codes { quotedCodes[code] = Self.quoted(code) }
        var text = "{\"codes\":[" + codes.map { quotedCodes[$0]! }.joined(separator: ",") + "],\"units\":["
        for (index, unit) in units.enumerated() {
            if index > 0 { text += "," }
            text += "{\"id\":\(Self.quoted(unit.id)),\"length\":\(unit.length),\"spans\":{"
            text += coders.compactMap { coder in
                unit.spans[coder].map { spans in
                    Self.quoted(coder) + ":["
                        + spans.map {
                            "{\"code\":\(quotedCodes[$0.code] ?? Self.quoted($0.code)),\"start\":\($0.start),\"end\":\($0.end)}"
                        }
                        .joined(separator: ",") + "]"
                }
            }.joined(separator: ",")
            text += "}}"
        }
        text += "]}"
        return Array(text.utf8)
    }

    private static func quoted(_ text: String) -> String {
        String(decoding: CanonicalWriter.compact(.string(text)), as: UTF8.self)
    }
}
