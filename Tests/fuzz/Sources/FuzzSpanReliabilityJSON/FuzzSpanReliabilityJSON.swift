import Agreement
import FuzzSupport

/// Reads the input as span (unitizing) reliability data in JSON.
@_cdecl("FuzzSpanReliabilityJSON_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = try? SpanReliabilityData.json(bytes, path: "spans.json")
    }
}
