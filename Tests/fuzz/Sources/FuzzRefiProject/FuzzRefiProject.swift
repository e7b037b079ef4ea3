import FuzzSupport
import ThematicCore

/// Reads the input as a REFI-QDA project (`.qdpx`): zip bytes holding `project.qde` and its sources.
@_cdecl("FuzzRefiProject_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = try? RefiProjectFile.read(bytes, file: "project.qdpx")
    }
}
