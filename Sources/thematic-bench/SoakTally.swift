/// The soak's counts over all trials, and the trials that failed, by seed.
struct SoakTally {
    var trials = 0
    var kills = 0
    var races = 0
    var refusals = 0
    var losses = 0
    var torn = 0
    var broken = 0
    var unfinished = 0
    /// Per scenario: trials run and trials failed.
    var perScenario: [String: (trials: Int, failed: Int)] = [:]
    /// One line per failed trial, naming its seed.
    var failures: [String] = []

    var failed: Bool { !failures.isEmpty }

    /// Counts the trial in; whether it failed.
    mutating func add(_ outcome: SoakTrial.Outcome, seed: UInt64) -> Bool {
        let audit = outcome.audit
        trials += 1
        kills += outcome.kills
        if case .race = outcome.scenario { races += 1 }
        refusals += outcome.refusals
        losses += audit.lost.count
        torn += audit.torn.count
        broken += audit.broken.count
        unfinished += outcome.unfinished.count
        var problems: [String] = audit.lost.map { "lost: \($0)" }
        problems += audit.torn.map { "torn: \($0)" }
        problems += audit.broken.map { "broken: \($0)" }
        problems += outcome.unfinished.map { "unfinished: \($0)" }
        let name = outcome.scenario.name
        perScenario[name, default: (0, 0)].trials += 1
        guard !problems.isEmpty else { return false }
        perScenario[name, default: (0, 0)].failed += 1
        failures.append("seed \(seed) (\(name)): \(problems.joined(separator: "; "))")
        return true
    }

    /// The summary table, then each failed trial with the command that replays it.
    var report: String {
        var lines = ["scenario\ttrials\tfailed"]
        lines += perScenario.keys.sorted().map { "\($0)\t\(perScenario[$0]!.trials)\t\(perScenario[$0]!.failed)" }
        lines.append("")
        lines.append("trials\tkills\traces\trefusals\tlosses\ttorn\tbroken\tunfinished")
        lines.append("\(trials)\t\(kills)\t\(races)\t\(refusals)\t\(losses)\t\(torn)\t\(broken)\t\(unfinished)")
        for failure in failures { lines.append("FAILED \(failure)") }
        return lines.joined(separator: "\n")
    }
}
