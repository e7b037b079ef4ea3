import FuzzSupport
import ThematicCore

/// Imports the input as a plain-text review, laid out and split into excerpts.
@_cdecl("FuzzTextImport_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = try? ImportFile.parse(bytes, file: "review.txt", format: .text)
    }
}
