import CanonicalJSON
import FuzzSupport

@testable import ThematicCore

/// Reads the input as a study's `codings/coder.json`, as `StudyReader` does: parse, decode, locate every problem found.
/// A coding it reads is written back as a session writes it, which must be the canonical writer's bytes.
@_cdecl("FuzzCoding_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        guard let json = try? JSONParser.parse(bytes) else { return }
        var problems = FileProblems()
        let coding = try? CodingFormat.decode(json, problems: &problems)
        _ = problems.located(in: "codings/coder.json", bytes: bytes)
        if let coding {
            precondition(CodingFormat.prettyBytes(coding) == CanonicalWriter.pretty(CodingFormat.encode(coding)))
        }
    }
}
