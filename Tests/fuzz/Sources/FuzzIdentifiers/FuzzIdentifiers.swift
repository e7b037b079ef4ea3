import CanonicalJSON
import FuzzSupport

@testable import ThematicCore

/// Reads the input as a study's identifier register, as `IdentifierRegister.load` does.
@_cdecl("FuzzIdentifiers_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        guard let json = try? JSONParser.parse(bytes) else { return }
        _ = try? IdentifierRegister.decode(json)
    }
}
