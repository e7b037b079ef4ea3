import FuzzSupport
import ThematicCore

/// Imports the input as a CSV of excerpts.
@_cdecl("FuzzCSVImport_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = try? ImportFile.parse(bytes, file: "excerpts.csv", format: .csv)
    }
}
