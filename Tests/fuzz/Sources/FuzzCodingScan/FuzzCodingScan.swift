import CanonicalJSON
import FuzzSupport

@testable import ThematicCore

/// Differential: whatever the fast scan makes of an input as a coder's snapshot, the general reading (parse, then
/// `CodingFormat.decode`) must make too, with no problem, the spans in the same order and the strings byte for byte;
/// and the scan must list exactly the code ids the records name.
@_cdecl("FuzzCodingScan_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        guard let scan = CodingSnapshotScan.read(bytes) else { return }
        let scanned = scan.coding
        var problems = FileProblems()
        guard let json = try? JSONParser.parse(bytes), let decoded = try? CodingFormat.decode(json, problems: &problems)
        else { fatalError("the scan read a snapshot that the general reading refuses") }
        guard scanned == decoded, problems.items.isEmpty,
            CodingFormat.prettyBytes(scanned) == CodingFormat.prettyBytes(decoded)
        else { fatalError("the scan and the general reading read the snapshot differently") }
        let named = Set(decoded.excerpts.values.flatMap(\.codes.keys))
        guard Set(scan.codeIDs) == named else { fatalError("the scan listed other code ids than the records name") }
    }
}
