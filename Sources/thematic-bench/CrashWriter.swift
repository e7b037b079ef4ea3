import ArgumentParser
import Glibc
import ThematicCore

/// The writer the durability test kills: records random decisions through a CodingSession and acknowledges each one
/// on standard output, as the journal line it wrote, only after `record` returned (the action is durable); it
/// compacts now and then so that kills also land inside snapshot replacement.
struct CrashWriter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-writer",
        abstract: "Code randomly and acknowledge every durable action (for the kill test); runs until killed or done."
    )

    @Argument(help: "The study folder.") var study: String
    @Option(help: "The coder to write as.") var coder = "writer"
    @Option(help: "How many actions to perform.") var actions = 1_000_000
    @Option(help: "Fold the journal into the snapshot every this many actions.") var compactEvery = 25
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        let folder = StudyFolder(path: study)
        let loaded = try StudyReader.load(folder, coders: [coder]).study
        let session = try CodingSession(folder: folder, coder: coder, codebook: loaded.codebook, corpus: loaded.corpus)
        let excerpts = loaded.corpus.excerptIDs
        let codes = loaded.codebook.applicableCodes.map(\.id)
        var random = SeededGenerator(seed: seed)
        for action in 1...actions {
            let excerpt = excerpts[Int.random(in: 0..<excerpts.count, using: &random)]
            var decision: ExcerptCoding?
            if !random.chance(0.1) {
                var applied: [String: AppliedCode] = [:]
                for _ in 0..<Int.random(in: 0...3, using: &random) {
                    applied[codes[Int.random(in: 0..<codes.count, using: &random)]] = AppliedCode()
                }
                decision = ExcerptCoding(
                    finished: random.chance(0.8), codes: applied, updated: Timestamp.now(),
                    codebookRevision: loaded.codebook.revision)
            }
            try session.record(excerpt, decision)
            let line = CodingJournal.encode(
                CodingJournal.Entry(sequence: session.coding.journalSequence, excerptID: excerpt, record: decision))
            _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if action % compactEvery == 0 { try session.compact() }
        }
        try session.close()
    }
}
