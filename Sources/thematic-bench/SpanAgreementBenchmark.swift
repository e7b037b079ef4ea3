import Agreement
import ArgumentParser
import Foundation
import ThematicCore

/// Times span-level agreement on generated span data the size of a large study (by default 50,000 excerpts ×
/// 3 coders × 150 codes, about 1.5 million spans): `thematic agree --spans --reliability-data FILE --format json`
/// as a whole process, then the same work in this process step by step, to see where the time goes.
struct SpanAgreementBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "span-agreement",
        abstract: "Time thematic agree --spans on a generated span reliability-data file.",
        discussion: """
            Writes a generated case in the span reliability-data JSON format, then times the thematic executable built \
            beside this one (target: the whole process under 1 s), and in this process: reading the file, laying out \
            the continuum, computing every figure, writing the JSON. Run a release build: \
            swift build -c release && swift run -c release thematic-bench span-agreement
            """)

    @Option(help: "Units (excerpts) in the generated case.") var units = 50_000
    @Option(help: "Coders.") var coders = 3
    @Option(help: "Codes.") var codes = 150
    @Option(help: "Seed of the generated case.") var seed: UInt64 = 1
    @Option(help: "Timed runs of each step; the best and the median are reported.") var runs = 3
    @Option(help: "Where to write the generated case (default: a file in the temporary folder).")
    var file: String?

    static let target = 1.0

    func run() throws {
        let data = SpanReliabilityData.synthetic(units: units, coders: coders, codes: codes, seed: seed)
        let path = file ?? NSTemporaryDirectory() + "thematic-span-agreement-bench-\(units)x\(coders)x\(codes).json"
        let bytes = data.jsonBytes
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let spans = data.units.reduce(0) { $0 + $1.spans.values.reduce(0) { $0 + $1.count } }
        print("case: \(units) units x \(coders) coders x \(codes) codes, \(spans) spans, seed \(seed)")
        print("file: \(path) (\(String(format: "%.1f", Double(bytes.count) / 1e6)) MB)")

        let thematic = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("thematic").path
        guard FileManager.default.isExecutableFile(atPath: thematic) else {
            throw ValidationError(
                "no thematic executable beside this one (\(thematic)); build it with the same configuration first")
        }
        let whole = try Timing.repeated(runs) { try Self.agree(thematic, path) }
        print(
            "thematic agree --spans --format json (whole process): \(whole.description), target \(Timing.format(Self.target)) \(whole.best <= Self.target ? "ok" : "OVER")"
        )

        var read: SpanReliabilityData?
        var continuum: SpanContinuum?
        var report: SpanAgreementReport?
        let steps: [(name: String, body: () throws -> Void)] = [
            ("read the file", { read = try SpanReliabilityData.read(path: path) }),
            ("lay out the continuum", { continuum = try SpanContinuum(read!) }),
            ("compute every figure", { report = SpanAgreementReport(continuum!) }),
            ("write the JSON", { _ = report!.rendered(as: .json) }),
        ]
        for step in steps {
            print("  in process, \(step.name): \(try Timing.repeated(runs, step.body).description)")
        }
        if let report {
            print(
                "|uα \(AgreementReport.threeDecimals(report.agreement.binaryUAlpha)), uα \(AgreementReport.threeDecimals(report.agreement.uAlpha)), cuα \(AgreementReport.threeDecimals(report.agreement.cuAlpha))"
            )
        }
    }

    /// Runs `thematic agree --spans` on `path`, output discarded, and fails with what it said if it fails.
    private static func agree(_ thematic: String, _ path: String) throws {
        let result = try Subprocess.run(
            thematic, ["agree", "--spans", "--reliability-data", path, "--format", "json"])
        guard result.status == 0 else {
            throw ValidationError(
                "thematic agree --spans exited with status \(result.status): \(result.standardError)")
        }
    }
}
