import Testing

@testable import CanonicalJSON

private func record(_ text: String) throws -> JSONRecord {
    try JSONRecord(try JSONParser.parse(Array(text.utf8)), at: .root)
}

@Test func pathsReadLikeTheDocument() {
    let path = JSONPath.root.field("excerpts").key("R01-002").field("codes").key("C3").field("spans").index(0).field(
        "start")
    #expect(path.description == #"excerpts["R01-002"].codes["C3"].spans[0].start"#)
    #expect(JSONPath.root.description == "(top level)")
}

@Test func missingFieldNamesTheField() throws {
    let error = #expect(throws: JSONShapeError.self) { try record(#"{"a": 1}"#).string("title") }
    #expect(error?.description == "(top level): missing required field \"title\"")
}

@Test func mistypedFieldNamesWhatWasExpectedAndFound() throws {
    let error = #expect(throws: JSONShapeError.self) { try record(#"{"finished": "yes"}"#).bool("finished") }
    #expect(error?.description == "finished: expected true or false, found a string")
}

@Test func fractionalNumberIsNotAWholeNumber() throws {
    let error = #expect(throws: JSONShapeError.self) { try record(#"{"revision": 2.5}"#).int("revision") }
    #expect(error?.description == "revision: expected a whole number, found 2.5")
}

@Test func unknownFieldsAreRefusedSoNoDataIsDroppedOnSave() throws {
    let error = #expect(throws: JSONShapeError.self) {
        try record(#"{"finsihed": true}"#).requireOnly(["finished", "codes"])
    }
    #expect(error?.description == "finsihed: unknown field \"finsihed\"; expected one of: codes, finished")
}
