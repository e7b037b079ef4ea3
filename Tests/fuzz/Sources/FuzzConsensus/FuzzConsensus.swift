import CanonicalJSON
import FuzzSupport

@testable import ThematicCore

/// Reads the input as a study's `consensus.json`, as `StudyReader` does: parse, decode, locate every problem found.
@_cdecl("FuzzConsensus_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        guard let json = try? JSONParser.parse(bytes) else { return }
        var problems = FileProblems()
        _ = try? ConsensusFormat.decode(json, problems: &problems)
        _ = problems.located(in: "consensus.json", bytes: bytes)
    }
}
