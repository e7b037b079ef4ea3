import CanonicalJSON
import FuzzSupport

@testable import ThematicCore

/// Reads the input as a study's `study.json`, as `StudyReader` does: parse, decode, locate every problem found.
@_cdecl("FuzzManifest_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        guard let json = try? JSONParser.parse(bytes) else { return }
        var problems = FileProblems()
        _ = try? ManifestFormat.decode(json, problems: &problems)
        _ = problems.located(in: "study.json", bytes: bytes)
    }
}
