import FuzzSupport
import ThematicCore

/// Replays the input as a coder's journal (`codings/<coder>.journal`).
@_cdecl("FuzzCodingJournal_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = CodingJournal.read(bytes, file: "codings/coder.journal")
    }
}
