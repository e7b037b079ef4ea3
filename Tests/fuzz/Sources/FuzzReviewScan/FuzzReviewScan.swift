import CanonicalJSON
import FuzzSupport

@testable import ThematicCore

/// Reads the input as a review file both ways: whatever `ReviewScan` reads, the general reading (parse, then decode)
/// must read without a problem and as the same review, byte for byte once written.
@_cdecl("FuzzReviewScan_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        guard let scanned = ReviewScan.read(bytes) else { return }
        guard let json = try? JSONParser.parse(bytes) else { fatalError("scanned a file the parser refuses") }
        var problems = FileProblems()
        guard let general = try? ReviewFormat.decode(json, problems: &problems) else {
            fatalError("scanned a file the decoder refuses")
        }
        precondition(problems.items.isEmpty, "scanned a file the decoder finds problems in")
        precondition(
            scanned == general
                && CanonicalWriter.pretty(ReviewFormat.encode(scanned))
                    == CanonicalWriter.pretty(ReviewFormat.encode(general)),
            "scanned a different review")
    }
}
