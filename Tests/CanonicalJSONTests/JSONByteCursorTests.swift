import Testing

@testable import CanonicalJSON

/// Runs `read` on a cursor over `text` and returns what it read and where the cursor stopped.
private func reading<Result>(_ text: String, _ read: (inout JSONByteCursor) -> Result) -> (Result, stoppedAt: Int) {
    Array(text.utf8).withUnsafeBufferPointer { buffer in
        var cursor = JSONByteCursor(bytes: buffer)
        let result = read(&cursor)
        return (result, cursor.index)
    }
}

private func string(_ text: String) -> String? { reading(text) { $0.string() }.0 }

private func integer(_ text: String) -> Int? { reading(text) { $0.integer() }.0 }

@Test func takesAByteOrAWordAfterWhiteSpaceAndNothingElse() {
    #expect(reading(" \n\t\r{") { $0.take(UInt8(ascii: "{")) } == (true, 5))
    #expect(reading(" [") { $0.take(UInt8(ascii: "{")) } == (false, 1))
    #expect(reading("  null,") { $0.takeWord("null") } == (true, 6))
    #expect(reading("nul") { $0.takeWord("null") } == (false, 0))
}

@Test func isAtEndOnlyWhenWhiteSpaceIsAllThatIsLeft() {
    #expect(reading(" \n ") { $0.isAtEnd() }.0)
    #expect(!reading(" x") { $0.isAtEnd() }.0)
}

@Test func anASCIIStringIsTheRangeInsideItsQuotes() {
    let (range, stoppedAt) = reading(#" "units": 1"#) { $0.asciiString() }
    #expect(range == 2..<7)
    #expect(stoppedAt == 8)
}

@Test func anASCIIStringGivesUpOnAnEscapeAControlByteOrANonASCIIByte() {
    #expect(reading(#""a\"b""#) { $0.asciiString() }.0 == nil)
    #expect(reading("\"a\tb\"") { $0.asciiString() }.0 == nil)
    #expect(reading("\"caf\u{E9}\"") { $0.asciiString() }.0 == nil)
    #expect(reading("\"open") { $0.asciiString() }.0 == nil)
}

@Test func aStringWithoutEscapesIsItsBytes() {
    let (value, _) = reading("\"caf\u{E9}\"") { $0.stringValue() }
    guard case .plain(let range) = value else {
        Issue.record("expected the plain bytes")
        return
    }
    #expect(range == 1..<6)
    #expect(string("\"caf\u{E9}\"") == "caf\u{E9}")
}

@Test func aStringUndoesItsEscapesAsTheParserDoes() throws {
    let text = #""a\"b\\c\/d\b\f\n\r\t \u00e9\ud83d\ude00""#
    let decoded = try #require(string(text))
    #expect(decoded == "a\"b\\c/d\u{8}\u{C}\n\r\t \u{E9}\u{1F600}")
    #expect(try JSONParser.parse(Array(text.utf8)) == .string(decoded))
}

@Test func aStringGivesUpWhereTheParserRefusesIt() {
    for refused in [
        #""\x""#, #""\u12G4""#, #""\u123""#, #""\ud83d""#, #""\ud83dx""#, #""\ud83d\u0041""#, #""\ude00""#,
        "\"a\nb\"", #""a\"#, "\"open",
    ] {
        #expect(string(refused) == nil, "\(refused)")
        #expect((try? JSONParser.parse(Array(refused.utf8))) == nil, "\(refused)")
    }
}

@Test func anIntegerIsPlainDigitsWithAnOptionalMinus() {
    #expect(integer(" 42,") == 42)
    #expect(integer("-7") == -7)
    #expect(integer("0") == 0)
    #expect(integer("999999999999999") == 999_999_999_999_999)
}

@Test func anIntegerGivesUpOnALeadingZeroSixteenDigitsOrNoDigit() {
    #expect(integer("01") == nil)
    #expect(integer("1000000000000000") == nil)
    #expect(integer("-") == nil)
    #expect(integer("x") == nil)
}

@Test func anIntegerLeavesAFractionUnread() {
    #expect(reading("2.0") { $0.integer() } == (2, 1))
}

@Test func aRangeMatchesTheWordItSpells() {
    Array(#""codes""#.utf8).withUnsafeBufferPointer { buffer in
        let cursor = JSONByteCursor(bytes: buffer)
        #expect(cursor.matches(1..<6, "codes"))
        #expect(!cursor.matches(1..<6, "code"))
        #expect(!cursor.matches(1..<5, "codes"))
        #expect(cursor.text(1..<6) == "codes")
    }
}

@Test func distinctByteRangesAreNumberedInOrderOfFirstAppearance() {
    let text = Array("a b a c b a".utf8)
    text.withUnsafeBufferPointer { buffer in
        var table = DistinctByteRanges(bytes: buffer)
        let numbers = stride(from: 0, to: text.count, by: 2).map { table.number(of: $0..<$0 + 1) }
        #expect(numbers == [0, 1, 0, 2, 1, 0])
        #expect(table.ranges == [0..<1, 2..<3, 6..<7])
    }
}

@Test func distinctByteRangesKeepTheirNumbersAsTheTableGrows() {
    let words = (0..<1000).map { "w\($0)" }
    let text = Array((words + words).joined(separator: " ").utf8)
    text.withUnsafeBufferPointer { buffer in
        var table = DistinctByteRanges(bytes: buffer)
        var numbers: [Int] = []
        var start = 0
        for index in 0...text.count where index == text.count || text[index] == UInt8(ascii: " ") {
            numbers.append(table.number(of: start..<index))
            start = index + 1
        }
        #expect(numbers == Array(0..<1000) + Array(0..<1000))
    }
}
