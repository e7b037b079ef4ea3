import Agreement
import Testing

@Suite struct SyntheticSpanReliabilityDataTests {
    let data = SpanReliabilityData.synthetic(units: 300, coders: 3, codes: 20, seed: 5)

    @Test func theSameSeedGivesTheSameData() {
        #expect(SpanReliabilityData.synthetic(units: 300, coders: 3, codes: 20, seed: 5) == data)
        #expect(SpanReliabilityData.synthetic(units: 300, coders: 3, codes: 20, seed: 6) != data)
    }

    @Test func everySpanFitsItsExcerptOfRealisticLength() {
        for unit in data.units {
            #expect((200...2_500).contains(unit.length))
            #expect(
                unit.spans.values.joined().allSatisfy { 0 <= $0.start && $0.start < $0.end && $0.end <= unit.length })
        }
    }

    @Test func eachCoderMarksAboutTenSpansAnExcerpt() {
        let spans = data.units.reduce(0) { $0 + $1.spans.values.reduce(0) { $0 + $1.count } }
        let perCoderAndExcerpt = Double(spans) / Double(data.units.count * data.coders.count)
        #expect((8...12).contains(perCoderAndExcerpt))
    }

    @Test func theWrittenJSONReadsBackAsTheSameData() throws {
        #expect(try SpanReliabilityData.json(data.jsonBytes, path: "generated.json") == data)
    }
}
