import CanonicalJSON
import FuzzSupport

/// Parses the input as JSON and, when it parses, writes it back canonically.
@_cdecl("FuzzJSON_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        guard let json = try? JSONParser.parse(bytes) else { return }
        _ = CanonicalWriter.pretty(json)
        _ = CanonicalWriter.compact(json)
    }
}
