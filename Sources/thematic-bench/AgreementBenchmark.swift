import Agreement
import ArgumentParser
import CanonicalJSON
import Foundation

/// Times the agreement statistics on a generated study the size of a large one (by default 50,000
/// excerpts × 3 coders × 150 codes, 5% missing), against the targets of issue 3.
struct AgreementBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Time reading + per-code statistics, the set-valued alphas, and the alpha bootstrap.",
        discussion: """
            Writes a generated case in the reference JSON format, then times: reading it and computing every \
            per-code statistic (target 0.25 s); the MASI and Jaccard alphas over code sets (target 2 s); \
            1,000 bootstrap replicates of alpha for every code (target 3 s). Run a release build: \
            swift run -c release thematic-bench agreement
            """)

    @Option(help: "Units (excerpts) in the generated case.") var units = 50_000
    @Option(help: "Coders.") var coders = 3
    @Option(help: "Codes.") var codes = 150
    @Option(help: "Share of (coder, unit) cells left unfinished.") var missing = 0.05
    @Option(help: "Bootstrap replicates per code.") var replicates = 1000
    @Option(help: "Seed of the generated case and the bootstrap.") var seed: UInt64 = 1
    @Option(help: "Timed runs of each step; the best and the median are reported.") var runs = 3
    @Option(help: "Where to write the generated case (default: a file in the temporary folder).")
    var file: String?

    func run() throws {
        let data = ReliabilityData.synthetic(
            units: units, coders: coders, codes: codes, missingShare: missing, seed: seed)
        let path = file ?? NSTemporaryDirectory() + "thematic-agreement-bench-\(units)x\(coders)x\(codes).json"
        let bytes = CanonicalWriter.compact(Self.referenceJSON(data))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        print("case: \(units) units x \(coders) coders x \(codes) codes, \(Int(missing * 100))% missing, seed \(seed)")
        let prevalence = BinaryAgreement.perCode(data).map {
            Double($0.agreement.applications) / Double(max(1, $0.agreement.unitsCoded * coders))
        }
        print(
            String(
                format: "code prevalence: %.1f%% to %.1f%% of codings", 100 * (prevalence.min() ?? 0),
                100 * (prevalence.max() ?? 0)))
        print("file: \(path) (\(String(format: "%.1f", Double(bytes.count) / 1e6)) MB)")

        var sets: SetValuedAgreement?
        var intervals: [(code: String, interval: BootstrapInterval)] = []
        let steps: [(name: String, target: Double, body: () throws -> Void)] = [
            (
                "read + per-code statistics", 0.25,
                {
                    let read = try ReliabilityDataFile.read(path: path).data
                    _ = BinaryAgreement.perCode(read)
                }
            ),
            ("set-valued alphas (MASI, Jaccard)", 2, { sets = SetValuedAgreement(data) }),
            (
                "bootstrap, units, \(replicates) x \(codes) codes", 3,
                {
                    intervals = AlphaBootstrap(procedure: .units, replicates: replicates, seed: seed).intervals(data)
                }
            ),
            (
                "bootstrap, KALPHA, \(replicates) x \(codes) codes", 3,
                {
                    _ = AlphaBootstrap(procedure: .kalpha, replicates: replicates, seed: seed).intervals(data)
                }
            ),
        ]
        for step in steps {
            var times: [Double] = []
            for _ in 0..<max(1, runs) {
                times.append(try Timing.measure(step.body).1)
            }
            times.sort()
            let best = times[0]
            let name = step.name.padding(toLength: 44, withPad: " ", startingAt: 0)
            print(
                name
                    + String(
                        format: "best %7.3f s  median %7.3f s  target %5.2f s  %@",
                        best, times[times.count / 2], step.target, best <= step.target ? "ok" : "OVER"))
        }
        if let sets {
            print(
                "distinct code sets: \(sets.distinctLabelSets) (\(sets.distinctLabelSetsPairable) in pairable units); alpha MASI \(sets.alphaMASI.value.map { String(format: "%.4f", $0) } ?? "n/a"), Jaccard \(sets.alphaJaccard.value.map { String(format: "%.4f", $0) } ?? "n/a")"
            )
        }
        let defined = intervals.filter { $0.interval.lower.value != nil }.count
        print("bootstrap intervals defined for \(defined) of \(intervals.count) codes")
    }

    /// The data in the reference cases' JSON format.
    static func referenceJSON(_ data: ReliabilityData) -> JSONValue {
        let units = data.unitIDs.indices.map { u -> JSONValue in
            let codings = data.coders.indices.map { coder -> (String, JSONValue) in
                let codes = data.coding(unit: u, coder: coder)
                return (data.coders[coder], codes.map { .array($0.map { .string(data.codes[$0]) }) } ?? .null)
            }
            return .object([("id", .string(data.unitIDs[u])), ("codes", .object(codings))])
        }
        return .object([("units", .array(units)), ("codes", .array(data.codes.map { .string($0) }))])
    }
}
