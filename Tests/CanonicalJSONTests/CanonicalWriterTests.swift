import Testing

@testable import CanonicalJSON

/// Produced by Python: `json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n"`.
private let pythonCanonical = #"""
    {
      "Beta": {},
      "alpha": "tab\there \"quoted\" back\\slash \u001f ctl été 中文 😀",
      "empty": [],
      "zeta": [
        1,
        2.5,
        -3,
        {
          "a": true,
          "b": null
        }
      ],
      "é": 1e-07
    }

    """#

@Test func prettyOutputMatchesPythonsCanonicalDumpByteForByte() throws {
    let parsed = try JSONParser.parse(Array(pythonCanonical.utf8))
    #expect(CanonicalWriter.pretty(parsed) == Array(pythonCanonical.utf8))
}

@Test func keysAreSortedByCodePointNotByLocale() {
    let value = JSONValue.object([("中", .int(4)), ("é", .int(3)), ("a", .int(2)), ("B", .int(1))])
    #expect(String(decoding: CanonicalWriter.compact(value), as: UTF8.self) == #"{"B":1,"a":2,"é":3,"中":4}"#)
}

@Test func controlCharactersAreEscapedAsPythonDoes() {
    let value = JSONValue.string("a\u{1}b\u{8}c\u{c}d\re\u{7f}")
    #expect(String(decoding: CanonicalWriter.compact(value), as: UTF8.self) == #""a\u0001b\bc\fd\re\#u{7f}""#)
}

@Test func wholeNumbersPrintWithoutAFraction() {
    #expect(CanonicalWriter.format(42) == "42")
    #expect(CanonicalWriter.format(-7) == "-7")
    #expect(CanonicalWriter.format(0.5) == "0.5")
}

@Test func compactLayoutHasNoSpacesAndNoTrailingNewline() {
    let value = JSONValue.object([("seq", .int(3)), ("record", .null), ("list", .array([.bool(true), .string("x")]))])
    #expect(
        String(decoding: CanonicalWriter.compact(value), as: UTF8.self) == #"{"list":[true,"x"],"record":null,"seq":3}"#
    )
}

@Test func anIntegerIsAppendedAsItsValueIsWritten() {
    for number in [
        0, 7, -7, 10, 1_234_567, -9_007_199_254_740_991, 9_007_199_254_740_991, 9_007_199_254_740_992, .max, .min,
    ] {
        var appended: [UInt8] = []
        CanonicalWriter.appendInt(number, to: &appended)
        #expect(appended == CanonicalWriter.compact(.int(number)), "\(number)")
    }
}

/// Swift orders "e" + combining acute as "é", after "f"; by UTF-8 bytes, as the writer orders keys, it comes first.
@Test func keysSortInTheWritersOrderEvenWhereSwiftOrdersThemOtherwise() {
    let keys = ["f", "e\u{301}x", "é", "B", "a", "中"]
    #expect(CanonicalWriter.sortedKeys(keys) == ["B", "a", "e\u{301}x", "f", "é", "中"])
    let members = JSONValue.object(keys.map { ($0, .null) })
    let written = String(decoding: CanonicalWriter.compact(members), as: UTF8.self)
    #expect(written == "{" + CanonicalWriter.sortedKeys(keys).map { "\"\($0)\":null" }.joined(separator: ",") + "}")
}
