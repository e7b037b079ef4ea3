import ThematicCore

/// An import of files into a new study, as `thematic import` runs it, timed phase by phase: reading and splitting the
/// files, planning, the anonymisation check, writing.
struct TimedImport {
    var reading: Double
    var planning: Double
    var checking: Double
    var writing: Double
    /// Wall-clock seconds from loading the new study to the last file written.
    var total: Double
    /// Processor seconds of this process, and of the helper programs it ran (pdftotext).
    var processorTime: Double
    var helperProcessorTime: Double
    var contents: [ImportContent]
    var plan: ImportPlan
    var findings: Int

    var excerpts: Int { plan.reviews.reduce(0) { $0 + $1.excerpts.count } }

    /// "read and split 1.2 s, plan 80 ms, anonymisation check 2.1 s (12 findings), write 900 ms".
    var phases: String {
        "read and split \(Timing.format(reading)), plan \(Timing.format(planning)), anonymisation check \(Timing.format(checking)) (\(findings) findings), write \(Timing.format(writing))"
    }

    /// Imports `paths` into a new study created in `study`; `whileReading` runs around the reading phase alone.
    static func run(
        _ paths: [String], study: String, title: String, options: SplitOptions = SplitOptions(),
        whileReading: (() -> (contents: [ImportContent], problems: [ImportProblem])) -> (
            contents: [ImportContent], problems: [ImportProblem]
        ) = { $0() }
    ) throws -> TimedImport {
        let created = try StudyCreator.create(at: StudyFolder(path: study), title: title, codebook: nil)
        let cpuBefore = ProcessorTime.ofThisProcess()
        let helpersBefore = ProcessorTime.ofChildren()
        let (result, total) = try Timing.measure { () throws -> TimedImport in
            let (loaded, _) = try StudyReader.load(created.folder)
            let ((contents, problems), reading) = Timing.measure {
                whileReading { ImportFile.readAll(paths, options: options) }
            }
            guard problems.isEmpty else { throw ImportRefused(problems: problems) }
            let (plan, planning) = try Timing.measure { try CorpusImport.plan(loaded, contents: contents) }
            let (findings, checking) = try Timing.measure {
                IdentifierCheck.findings(
                    in: plan.reviews, vocabulary: plan.reviews, register: try IdentifierRegister.load(loaded.folder))
            }
            let (_, writing) = try Timing.measure { try CorpusImport.apply(plan, to: loaded, acceptChanges: false) }
            return TimedImport(
                reading: reading, planning: planning, checking: checking, writing: writing, total: 0, processorTime: 0,
                helperProcessorTime: 0, contents: contents, plan: plan, findings: findings.count)
        }
        var timed = result
        timed.total = total
        timed.processorTime = ProcessorTime.ofThisProcess() - cpuBefore
        timed.helperProcessorTime = ProcessorTime.ofChildren() - helpersBefore
        return timed
    }
}
