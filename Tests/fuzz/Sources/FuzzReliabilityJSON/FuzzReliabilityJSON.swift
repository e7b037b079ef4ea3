import FuzzSupport

@testable import Agreement

/// Reads the input as reliability data in JSON, and holds the direct scan to the general reading: whatever the scan
/// reads, in one pass or with its units in two halves, the general reading reads as the same data; and the two ways
/// of scanning give up on the same inputs.
@_cdecl("FuzzReliabilityJSON_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = try? ReliabilityDataFile.json(bytes, path: "data.json")
        let onePass = ReliabilityJSONScan.read(bytes, halvesFrom: .max)
        let halves = ReliabilityJSONScan.read(bytes, halvesFrom: 0)
        precondition((onePass == nil) == (halves == nil), "read in halves, a file one pass gives up on, or the reverse")
        guard let onePass, let halves else { return }
        guard let general = try? ReliabilityDataFile.jsonTree(bytes, path: "data.json") else {
            fatalError("scanned a file the general reading refuses")
        }
        precondition(
            onePass.data == general.data && onePass.unlistedCodes == general.unlistedCodes,
            "scanned different data")
        precondition(
            halves.data == general.data && halves.unlistedCodes == general.unlistedCodes,
            "scanned different data in halves")
    }
}
