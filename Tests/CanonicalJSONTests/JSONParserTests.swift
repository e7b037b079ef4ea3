import Testing

@testable import CanonicalJSON

private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
}

private func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

private func syntaxError(_ text: String) -> JSONSyntaxError? { syntaxError(Array(text.utf8)) }

@Test func parsesEscapesAndSurrogatePairs() throws {
    let value = try parse(#"["a\"b\\c\/d\n", "\u00e9\ud83d\ude00"]"#)
    #expect(value == .array([.string("a\"b\\c/d\n"), .string("é😀")]))
}

@Test func recordsTheOffsetOfEveryValue() throws {
    let value = try parse("{\n  \"k\": [1, \"two\"]\n}")
    guard case .object(let members) = value.kind, case .array(let elements) = members[0].value.kind else {
        Issue.record("expected an object holding an array")
        return
    }
    #expect(members[0].value.offset == 9)
    #expect(elements[1].offset == 13)
}

@Test func emptyFileIsReportedAsEmpty() {
    let error = syntaxError("")
    #expect(error?.message == "the file is empty; expected a JSON value")
    #expect(error?.line == 1 && error?.column == 1)
}

@Test func truncatedFileNamesTheUnclosedBracketAndWhereItEnds() {
    let error = syntaxError("{\n  \"a\": [1,\n  2")
    #expect(error?.line == 3)
    #expect(error?.column == 4)
    #expect(
        error?.message
            == "the file ends too early (truncated?): expected ',' or ']' to close the array opened at line 2, column 8"
    )
}

@Test func wrongSeparatorIsReportedAtItsLineAndColumn() {
    let error = syntaxError("{\n  \"a\": 1\n  \"b\": 2\n}")
    #expect(error?.line == 3 && error?.column == 3)
    #expect(error?.message == "expected ',' or '}' in the object opened at line 1, column 1, found '\"'")
}

@Test func invalidUTF8IsReportedAtTheOffendingByte() {
    let bytes: [UInt8] = Array("{\"a\": \"caf".utf8) + [0xE9] + Array("\"}".utf8)
    let error = syntaxError(bytes)
    #expect(error?.line == 1 && error?.column == 11)
    #expect(error?.message.hasPrefix("the file is not valid UTF-8 (byte 0xE9") == true)
}

@Test func duplicateKeysAreRefused() {
    #expect(syntaxError(#"{"x": 1, "y": 2, "x": 3}"#)?.message == "duplicate key \"x\" in one object")
    let many = "{" + (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + ", \"k3\": 0}"
    #expect(syntaxError(many)?.message == "duplicate key \"k3\" in one object")
}

@Test func gitConflictMarkersAreNamedWithTheirLines() {
    let text = "{\n<<<<<<< HEAD\n  \"a\": 1\n=======\n  \"a\": 2\n>>>>>>> origin/main\n}\n"
    let error = syntaxError(text)
    #expect(error?.line == 2)
    #expect(error?.message.hasPrefix("git merge conflict markers (lines 2, 4, 6)") == true)
}

@Test func textAfterTheValueIsRefused() {
    #expect(syntaxError("{} {}")?.message == "unexpected '{' after the end of the JSON value")
}

@Test func numbersFollowTheJSONGrammar() throws {
    #expect(try parse("[-0.5e2, 12, 0]") == .array([.number(-50), .int(12), .int(0)]))
    #expect(syntaxError("[012]")?.message == "numbers must not have leading zeros")
    #expect(syntaxError("[1.]")?.message == "a number needs digits after '.'")
    #expect(syntaxError("[NaN]") != nil)
}

@Test func rawControlCharactersInStringsAreRefused() {
    #expect(syntaxError("[\"a\nb\"]")?.message == "line break inside a string (missing closing '\"', or write \\n)")
}

@Test func aByteOrderMarkIsSkipped() throws {
    #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.int(1)]))
}

@Test func loneSurrogateEscapesAreRefused() {
    #expect(syntaxError(#"["\udc00"]"#)?.message == "\\u escape holds a lone low surrogate (not a character)")
}

@Test func nestingOfAHundredThousandLevelsIsRefusedWhereItPassesTheLimitWithoutExhaustingTheStack() {
    let error = syntaxError(String(repeating: "[", count: 100_000))
    #expect(error?.message == "nesting deeper than \(JSONParser.maximumDepth) levels")
    #expect(error?.line == 1 && error?.column == JSONParser.maximumDepth + 1)
}

@Test func nestingUpToTheLimitIsRead() throws {
    let depth = JSONParser.maximumDepth
    let text = String(repeating: "[", count: depth - 1) + "{}" + String(repeating: "]", count: depth - 1)
    #expect(throws: Never.self) { try parse(text) }
}

/// Strings and UTF-8 are scanned eight bytes at a time; whatever the position of a quote, an escape, a control
/// character or an invalid byte within those eight, the parser finds it at its own column.
@Test func stringsAreReadAlikeWhereverTheirStopsFallInAWord() throws {
    for length in 0..<20 {
        let plain = String(repeating: "a", count: length)
        #expect(try parse("\"\(plain)\"") == .string(plain))
        #expect(try parse("\"\(plain)\\n\(plain)é\"") == .string(plain + "\n" + plain + "é"))
        #expect(try parse("[\"\(plain)\",\"\(plain)\"]") == .array([.string(plain), .string(plain)]))
        let control = syntaxError("\"\(plain)\u{1}\(plain)\"")
        #expect(control?.column == length + 2)
        #expect(control?.message.contains("control character 0x01") == true)
        let invalid = syntaxError(Array("\"\(plain)".utf8) + [0xFF] + Array("\(plain)\"".utf8))
        #expect(invalid?.offset == length + 1)
        #expect(invalid?.column == length + 2)
    }
}
