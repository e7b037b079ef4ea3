import Foundation
import ThematicCore

/// One trial of the soak, chosen and run entirely from its seed, so that `thematic-bench soak --seed S --trials 1`
/// replays it.
struct SoakTrial {
    enum Scenario {
        /// Kill a `thematic` writer at a random instant, then run it again to completion.
        case kill(SoakWriter)
        /// Kill the crash writer at a random instant, then code again to completion.
        case killCoder
        case race(SoakRace)

        static let all: [Scenario] = SoakWriter.allCases.map(Scenario.kill) + [.killCoder] + SoakRace.allCases.map(race)

        var name: String {
            switch self {
            case .kill(let writer): "kill \(writer.rawValue)"
            case .killCoder: "kill coder"
            case .race(let race): "race \(race.rawValue)"
            }
        }
    }

    struct Outcome {
        var scenario: Scenario
        /// Processes that died by SIGKILL (a writer may finish before its kill comes).
        var kills = 0
        /// Commands that exited non-zero: refused by a lock, or because their work was already done.
        var refusals = 0
        /// Re-runs refused although their work is not on disk.
        var unfinished: [String] = []
        var promises: [SoakPromise] = []
        var audit = SoakAudit()
    }

    let seed: UInt64
    let scenario: Scenario
    private var random: SeededGenerator

    init(seed: UInt64) {
        self.seed = seed
        random = SeededGenerator(seed: seed)
        scenario = Scenario.all[Int.random(in: 0..<Scenario.all.count, using: &random)]
    }

    /// Runs the trial on a fresh copy of the study and audits it.
    mutating func run(_ bench: SoakBench) throws -> Outcome {
        let path = try bench.freshStudy("trial-\(seed)")
        var outcome = Outcome(scenario: scenario)
        switch scenario {
        case .kill(let writer): try kill(writer, on: path, bench, into: &outcome)
        case .killCoder: try killCoder(on: path, bench, into: &outcome)
        case .race(let race): try race.run(on: path, bench, using: &random, into: &outcome)
        }
        outcome.audit = try SoakAudit(path, promises: outcome.promises, soak: bench.soak, thematic: bench.thematic)
        return outcome
    }

    private mutating func kill(_ writer: SoakWriter, on path: String, _ bench: SoakBench, into outcome: inout Outcome)
        throws
    {
        let runTime = try bench.duration(of: writer.rawValue) { fresh in
            for setup in writer.setup(fresh, bench.soak) { _ = try bench.thematic(setup) }
            return (bench.thematic, writer.arguments(fresh, bench.soak))
        }
        for setup in writer.setup(path, bench.soak) {
            let status = try bench.thematic(setup).status
            guard status == 0 else {
                throw SoakStudy.Unusable(description: "setup `\(setup.joined(separator: " "))` failed")
            }
        }
        let arguments = writer.arguments(path, bench.soak)
        let child = try SoakProcess(bench.thematic, arguments)
        if child.kill(after: Double.random(in: 0...runTime, using: &random)) { outcome.kills += 1 }
        record(writer, status: child.wait(), output: child.output, into: &outcome)
        let again = try bench.thematic(arguments)
        record(writer, status: again.status, output: again.output, into: &outcome)
        if again.status != 0 {
            let study = StudyReader.read(StudyFolder(path: path)).study
            let register = try? IdentifierRegister.load(StudyFolder(path: path))
            if let study, let register, writer.isDone(in: study, register: register, bench.soak) { return }
            outcome.unfinished.append("`thematic \(arguments.joined(separator: " "))` refused, its work not on disk")
        }
    }

    /// A command that exited 0 promises its work; one that exited otherwise was refused. A killed one did neither.
    private func record(_ writer: SoakWriter, status: Int32?, output: [UInt8], into outcome: inout Outcome) {
        guard let status else { return }
        if status == 0 {
            outcome.promises.append(.command(writer, change: writer.promisedChange(output)))
        } else {
            outcome.refusals += 1
        }
    }

    private mutating func killCoder(on path: String, _ bench: SoakBench, into outcome: inout Outcome) throws {
        let actions = 100
        let runTime = try bench.duration(of: "coder") { fresh in
            (bench.bench, bench.coderArguments(fresh, actions: actions, compactEvery: 25, seed: 1))
        }
        let compactEvery = Int.random(in: 3...40, using: &random)
        let child = try SoakProcess(
            bench.bench, bench.coderArguments(path, actions: actions, compactEvery: compactEvery, seed: seed))
        if child.kill(after: Double.random(in: 0...runTime, using: &random)) { outcome.kills += 1 }
        let killed = CodingJournal.read(child.output, file: "stdout").entries
        let again = try SoakProcess.run(
            bench.bench, bench.coderArguments(path, actions: 10, compactEvery: compactEvery, seed: seed &+ 1))
        if again.status != 0 { outcome.refusals += 1 }
        let acknowledged = killed + CodingJournal.read(again.output, file: "stdout").entries
        outcome.promises.append(.codings(coder: SoakBench.coder, acknowledged: acknowledged, slack: 1))
    }
}
