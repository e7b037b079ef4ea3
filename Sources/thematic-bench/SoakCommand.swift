import ArgumentParser
import Foundation
import ThematicCore

/// Kills and races the real writers on copies of the demo study, and checks after every trial that nothing
/// acknowledged was lost and no file was torn.
struct SoakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Kill writers at random instants and race them against each other; fail on any lost or torn write.",
        discussion: """
            Each trial copies the demo study and either kills one writer (a codebook merge, split, retire or undo, \
            a reconcile decision, an identifier redaction or allowance, an assignment, an import, re-import or \
            REFI-QDA project import, or a coder's journal) with SIGKILL at a random instant of its run and runs it \
            again to completion, or races two writers (a coder or a lead's decisions against a merge or a \
            redaction). Afterwards every file must load, `thematic check` must pass, every JSON file must be \
            canonical, and every action a writer acknowledged must be on disk. Trial N uses seed S+N; a failed trial \
            names its seed, and `--seed SEED --trials 1` replays it.
            """
    )

    @Option(help: "How many trials.") var trials = 100
    @Option(help: "The first trial's seed (default: drawn and printed).") var seed: UInt64?
    @Option(help: "The thematic executable (default: the one beside this executable).") var thematic: String?
    @Flag(help: "Print a line for every trial.") var verbose = false

    func run() throws {
        let bench = try Self.executablePath()
        let thematic = thematic ?? FileSystem.parent(of: bench) + "/thematic"
        guard FileManager.default.isExecutableFile(atPath: thematic) else {
            throw ValidationError("no thematic executable at \(thematic); build it, or give --thematic PATH")
        }
        let first = seed ?? UInt64.random(in: 1...UInt64(1 << 40))
        let scratch = try Self.scratchFolder()
        let shared = try SoakBench(thematic: thematic, bench: bench, scratch: scratch)
        print("soak: \(trials) trial\(trials == 1 ? "" : "s") from seed \(first) on \(scratch)")
        var tally = SoakTally()
        for number in 0..<trials {
            let trialSeed = first &+ UInt64(number)
            var trial = SoakTrial(seed: trialSeed)
            let outcome = try trial.run(shared)
            let failed = tally.add(outcome, seed: trialSeed)
            if verbose || failed {
                print("trial \(number + 1), seed \(trialSeed): \(outcome.scenario.name)\(failed ? ": FAILED" : "")")
            }
            // A failed trial's study is kept for a look; the others would only fill the disk.
            if !failed { try FileManager.default.removeItem(atPath: "\(scratch)/trial-\(trialSeed)") }
        }
        print(tally.report)
        if tally.failed {
            print("replay a trial with: thematic-bench soak --seed SEED --trials 1 (its study is kept in \(scratch))")
            throw ExitCode.failure
        }
        try FileManager.default.removeItem(atPath: scratch)
    }

    /// This executable: the crash writer is one of its subcommands, and `thematic` is built beside it.
    private static func executablePath() throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }

    private static func scratchFolder() throws -> String {
        let temporary = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        var template = Array((temporary + "thematic-soak-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ValidationError("cannot make a scratch folder") }
        return String(cString: made)
    }
}
