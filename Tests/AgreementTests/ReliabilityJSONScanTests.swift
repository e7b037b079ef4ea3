import CanonicalJSON
import Testing

@testable import Agreement

/// The direct reading of plain reliability-data JSON gives exactly what the general reading gives, and leaves every
/// other file to it.
@Suite struct ReliabilityJSONScanTests {
    static let plainFiles = [
        #"{"units":[{"id":"u1","codes":{"A":[],"B":null}},{"id":"u2","codes":{"B":["x"]}}],"codes":["x"]}"#,
        #"{"codes":["y","x"],"units":[{"codes":{"B":["x","z"],"A":["z"]},"id":"u1"}]}"#,
        #"{"units":[{"id":"u1","codes":{"A":["q","p"],"B":["p"]}},{"id":"u2","codes":{}}],"codes":[]}"#,
        #"{"units":[]}"#,
        #"{"units":[{"id":"u1","codes":{"A":["x","x"]}}]}"#,
        " \n{ \"units\" : [ { \"id\" : \"u1\" , \"codes\" : { \"A\" : [ \"x\" ] , \"B\" : [ ] } } ] ,\t\"codes\" : [ \"x\" ] }\r\n",
    ]

    @Test(arguments: plainFiles)
    func aPlainFileReadsAsTheGeneralReadingReadsIt(_ text: String) throws {
        let bytes = Array(text.utf8)
        let scanned = try #require(ReliabilityJSONScan.read(bytes))
        let general = try ReliabilityDataFile.jsonTree(bytes, path: "r.json")
        #expect(scanned.data == general.data)
        #expect(scanned.unlistedCodes == general.unlistedCodes)
    }

    @Test func generatedDataWithTheCodesListedAfterTheUnitsReadsAsTheGeneralReadingReadsIt() throws {
        let data = ReliabilityData.synthetic(units: 400, coders: 3, codes: 40, missingShare: 0.1, seed: 7)
        let units = Self.referenceJSON(data, listing: Array(data.codes.reversed().dropLast(3)))
        for bytes in [CanonicalWriter.compact(units), CanonicalWriter.pretty(units)] {
            let scanned = try #require(ReliabilityJSONScan.read(bytes))
            let general = try ReliabilityDataFile.jsonTree(bytes, path: "r.json")
            #expect(scanned.data == general.data)
            #expect(scanned.unlistedCodes == general.unlistedCodes)
            #expect(scanned.unlistedCodes.count == 3)
        }
    }

    @Test(arguments: plainFiles)
    func aPlainFileReadInHalvesReadsAsTheGeneralReadingReadsIt(_ text: String) throws {
        let bytes = Array(text.utf8)
        let scanned = try #require(ReliabilityJSONScan.read(bytes, halvesFrom: 0))
        let general = try ReliabilityDataFile.jsonTree(bytes, path: "r.json")
        #expect(scanned.data == general.data)
        #expect(scanned.unlistedCodes == general.unlistedCodes)
    }

    /// Halves whose second names a coder and a code the first never does, and a unit id that looks like the start of
    /// a unit where the second half would begin (the units are then read in one pass).
    @Test func unitsReadInHalvesAreJoinedAsOnePassReadsThem() throws {
        let data = ReliabilityData.synthetic(units: 60, coders: 3, codes: 12, missingShare: 0.1, seed: 3)
        let generated = CanonicalWriter.compact(Self.referenceJSON(data, listing: Array(data.codes.prefix(4))))
        let files = [
            generated,
            Array(
                #"{"units":[{"id":"u1","codes":{"A":["x"]}},{"id":"u2","codes":{"A":["x"],"B":["y"]}},{"id":"u3","codes":{"C":["z"],"B":[]}}]}"#
                    .utf8),
            Array(#"{"units":[{"id":"u0","codes":{"A":["x"]}},{"codes":{"B":[]},"id":"},{"}]}"#.utf8),
        ]
        for bytes in files {
            let general = try ReliabilityDataFile.jsonTree(bytes, path: "r.json")
            for halvesFrom in [0, Int.max] {
                let scanned = try #require(ReliabilityJSONScan.read(bytes, halvesFrom: halvesFrom))
                #expect(scanned.data == general.data)
                #expect(scanned.unlistedCodes == general.unlistedCodes)
            }
        }
    }

    @Test func aUnitIDRepeatedInTheOtherHalfIsLeftToTheGeneralReading() {
        let text =
            #"{"units":[{"id":"u1","codes":{}},{"id":"u2","codes":{}},{"id":"u3","codes":{}},{"id":"u1","codes":{}}]}"#
        #expect(ReliabilityJSONScan.read(Array(text.utf8), halvesFrom: 0) == nil)
    }

    static let filesLeftToTheGeneralReading = [
        #"{"units":[{"id":"u\u0031","codes":{}}]}"#,
        #"{"units":[{"id":"é","codes":{}}]}"#,
        #"{"units":[{"id":"u1","codes":{}, "note": 1}]}"#,
        #"{"units":[], "version": 2}"#,
        #"{"units":[{"id":"u1","codes":{"A":[],"A":["x"]}}]}"#,
        #"{"units":[{"id":"u1","codes":{}},{"id":"u1","codes":{}}]}"#,
        #"{"units":[],"codes":["x","x"]}"#,
        #"{"units":[{"id":"u1","codes":{"A":[1]}}]}"#,
        #"{"units":[{"id":"u1"}]}"#,
        #"{"units":[{"id":"u1","codes":{}}]"#,
        #"{"units":[]} x"#,
        "\u{FEFF}{\"units\":[]}",
        "",
    ]

    @Test(arguments: filesLeftToTheGeneralReading)
    func anythingButThePlainShapeIsLeftToTheGeneralReading(_ text: String) {
        #expect(ReliabilityJSONScan.read(Array(text.utf8)) == nil)
        #expect(ReliabilityJSONScan.read(Array(text.utf8), halvesFrom: 0) == nil)
    }

    /// The data in the reference JSON format with the code list after the units; the second coder's key is left out
    /// of every seventh unit.
    static func referenceJSON(_ data: ReliabilityData, listing codes: [String]) -> JSONValue {
        let units = data.unitIDs.indices.map { u -> JSONValue in
            let codings = data.coders.indices.compactMap { coder -> (String, JSONValue)? in
                if u % 7 == 0 && coder == 1 { return nil }
                let codes = data.coding(unit: u, coder: coder)
                return (data.coders[coder], codes.map { .array($0.map { .string(data.codes[$0]) }) } ?? .null)
            }
            return .object([("id", .string(data.unitIDs[u])), ("codes", .object(codings))])
        }
        return .object([("units", .array(units)), ("codes", .array(codes.map { .string($0) }))])
    }
}
