import FuzzSupport
import ThematicCore

/// Reads the input as a REFI-QDA codebook (`.qdc`).
@_cdecl("FuzzRefiCodebook_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = try? RefiCodebook.read(bytes, file: "codebook.qdc", title: "Fuzzed codebook")
    }
}
