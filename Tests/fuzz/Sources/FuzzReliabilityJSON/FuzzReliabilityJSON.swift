import Agreement
import FuzzSupport

/// Reads the input as reliability data in JSON.
@_cdecl("FuzzReliabilityJSON_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = try? ReliabilityDataFile.json(bytes, path: "data.json")
    }
}
