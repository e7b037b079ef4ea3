import Agreement
import Testing

@Suite struct ReliabilityDataFileTests {
    func jsonError(_ text: String) -> String? {
        do {
            _ = try ReliabilityDataFile.json(Array(text.utf8), path: "r.json")
            return nil
        } catch {
            return error.description
        }
    }

    func csvError(_ text: String) -> String? {
        do {
            _ = try ReliabilityDataFile.csv(text, path: "r.csv")
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: ReferenceCase.names)
    func jsonReaderReadsEveryReferenceCaseAsTheReferenceMeansIt(_ name: String) throws {
        let reference = try ReferenceCase(name)
        let file = try ReliabilityDataFile.read(path: ReferenceCase.fixtureURL("\(name).json").path)
        #expect(file.data == reference.data)
        #expect(file.unlistedCodes.isEmpty)
    }

    @Test func jsonAbsentKeyAndNullAreMissingAndEmptyListIsCodedWithNoCode() throws {
        let file = try ReliabilityDataFile.json(
            Array(
                #"{"units":[{"id":"u1","codes":{"A":[],"B":null}},{"id":"u2","codes":{"B":["x"]}}],"codes":["x"]}"#.utf8
            ),
            path: "r.json")
        #expect(file.data.coders == ["A", "B"])
        #expect(file.data.coding(unit: 0, coder: 0) == [])
        #expect(file.data.coding(unit: 0, coder: 1) == nil)
        #expect(file.data.coding(unit: 1, coder: 0) == nil)
        #expect(file.data.coding(unit: 1, coder: 1) == [0])
    }

    @Test func jsonCodesMissingFromTheListAreAddedAndNamed() throws {
        let file = try ReliabilityDataFile.json(
            Array(#"{"units":[{"id":"u1","codes":{"A":["y","x"]}}],"codes":["x"]}"#.utf8), path: "r.json")
        #expect(file.data.codes == ["x", "y"])
        #expect(file.unlistedCodes == ["y"])
    }

    @Test func jsonSyntaxErrorNamesFileLineAndColumn() {
        #expect(jsonError("{\"units\": [\n  {\"id\": \"u1\",, }]}")?.hasPrefix("r.json:2:15: ") == true)
    }

    @Test func jsonWrongTypeNamesWhereAndWhatWasExpected() {
        #expect(
            jsonError("{\"units\": [\n {\"id\": \"u1\", \"codes\": {\"A\": \"x\"}}]}")
                == #"r.json:2:30: coder "A" on unit "u1": expected a list of codes or null, found a string"#)
    }

    @Test func jsonDuplicateUnitIdIsRefused() {
        #expect(
            jsonError(#"{"units":[{"id":"u1","codes":{}},{"id":"u1","codes":{}}]}"#)
                == #"r.json:1:40: unit id "u1" appears twice"#)
    }

    @Test func csvReadsCodesMissingAndTheNoCodeMarker() throws {
        let file = try ReliabilityDataFile.csv("unit,A,B\nu1,x; y,-\nu2,,x\n", path: "r.csv")
        #expect(file.data.unitIDs == ["u1", "u2"])
        #expect(file.data.coders == ["A", "B"])
        #expect(file.data.codes == ["x", "y"])
        #expect(file.data.coding(unit: 0, coder: 0) == [0, 1])
        #expect(file.data.coding(unit: 0, coder: 1) == [])
        #expect(file.data.coding(unit: 1, coder: 0) == nil)
        #expect(file.data.coding(unit: 1, coder: 1) == [0])
    }

    @Test func csvKeepsTheCallersCodeOrder() throws {
        let file = try ReliabilityDataFile.csv("unit,A\nu1,y;x\n", path: "r.csv", codes: ["x", "y", "z"])
        #expect(file.data.codes == ["x", "y", "z"])
        #expect(file.unlistedCodes.isEmpty)
    }

    @Test func csvRowWithTheWrongNumberOfFieldsNamesTheRow() {
        #expect(
            csvError("unit,A,B\nu1,x,x\nu2,x\n") == "r.csv:row 3: expected 3 fields (a unit id and 2 coders), found 2")
    }

    @Test func csvEmptyCodeBetweenSeparatorsNamesRowAndColumn() {
        #expect(
            csvError("unit,A,B\nu1,x;;y,x\n")?.hasPrefix("r.csv:row 2, column 2: coder \"A\": expected code ids")
                == true)
    }

    @Test func csvDuplicateCoderColumnIsRefused() {
        #expect(csvError("unit,A,A\n") == #"r.csv:row 1, column 3: coder "A" has two columns"#)
    }

    @Test func unreadableFileIsReportedWithItsPath() {
        #expect(
            throws: ReliabilityDataError.invalidFile(
                path: "/nonexistent/r.json", location: "1:1", message: "cannot read the file (missing or unreadable)")
        ) {
            try ReliabilityDataFile.read(path: "/nonexistent/r.json")
        }
    }
}
