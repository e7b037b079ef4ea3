import Agreement
import FuzzSupport

/// Reads the input as reliability data in CSV, as `ReliabilityDataFile.read` does a `.csv` file.
@_cdecl("FuzzReliabilityCSV_main")
func fuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    runFuzzer(argc, argv) { bytes in
        _ = try? ReliabilityDataFile.csv(text(bytes), path: "data.csv")
    }
}
