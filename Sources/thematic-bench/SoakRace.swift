import Foundation
import ThematicCore

/// Two writers racing on one study. Either may be refused (a lock held by the other); neither may lose what the
/// other acknowledged.
enum SoakRace: String, CaseIterable {
    /// A coder coding while the lead merges two codes.
    case coderMerge = "coder/merge"
    /// The lead recording decisions, one `reconcile decide` after another, while a merge runs.
    case decisionsMerge = "decisions/merge"
    /// A coder coding while a reviewer redacts a finding.
    case coderRedaction = "coder/redaction"
    /// The lead recording decisions while a reviewer redacts a finding in excerpt text (both need consensus.lock).
    case decisionsRedaction = "decisions/redaction"

    private static let coderActions = 60
    private static let decisions = 4

    /// The partner starts at a random instant within the first writer's run time.
    func run(
        on path: String, _ bench: SoakBench, using random: inout SeededGenerator, into outcome: inout SoakTrial.Outcome
    )
        throws
    {
        let partner: SoakWriter = self == .coderRedaction || self == .decisionsRedaction ? .redact : .merge
        let leadDecides = self == .decisionsMerge || self == .decisionsRedaction
        let seed = UInt64.random(in: 1...UInt64(1 << 53), using: &random)
        let compactEvery = Int.random(in: 3...40, using: &random)
        let coderArguments = { (study: String) in
            bench.coderArguments(study, actions: Self.coderActions, compactEvery: compactEvery, seed: seed)
        }
        let decisions = Array(bench.soak.undecided.prefix(Self.decisions))
        let runTime: Double
        if leadDecides {
            runTime =
                try bench.duration(of: "decision") { fresh in
                    (bench.thematic, SoakWriter.decide.arguments(fresh, bench.soak))
                } * Double(decisions.count)
        } else {
            runTime = try bench.duration(of: "race coder") { fresh in (bench.bench, coderArguments(fresh)) }
        }
        let delay = Double.random(in: 0...runTime, using: &random)

        let coder = leadDecides ? nil : try SoakProcess(bench.bench, coderArguments(path))
        let partnerRun = PartnerRun(bench.thematic, partner.arguments(path, bench.soak), after: delay)
        if let coder {
            if coder.wait() != 0 { outcome.refusals += 1 }
            let acknowledged = CodingJournal.read(coder.output, file: "stdout").entries
            outcome.promises.append(.codings(coder: SoakBench.coder, acknowledged: acknowledged, slack: 0))
        } else {
            for excerpt in decisions {
                let decided = try bench.thematic([
                    "reconcile", "decide", path, excerpt, "--union", "--lead", SoakWriter.lead,
                ])
                if decided.status == 0 {
                    outcome.promises.append(.decision(excerpt: excerpt))
                } else {
                    outcome.refusals += 1
                }
            }
        }
        let (status, output) = try partnerRun.finish()
        if status == 0 {
            outcome.promises.append(.command(partner, change: partner.promisedChange(output)))
        } else {
            outcome.refusals += 1
        }
    }
}

/// A `thematic` command started `after` seconds from now on a thread of its own, while the caller runs the other
/// side of the race.
private final class PartnerRun: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<(Int32?, [UInt8]), Error> = .success((nil, []))

    init(_ executable: String, _ arguments: [String], after delay: Double) {
        Thread {
            usleep(UInt32(delay * 1_000_000))
            self.result = Result { try SoakProcess.run(executable, arguments) }
            self.done.signal()
        }.start()
    }

    func finish() throws -> (Int32?, [UInt8]) {
        done.wait()
        return try result.get()
    }
}
