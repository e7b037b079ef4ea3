import ArgumentParser
import ThematicCore

struct ProjectImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qdpx-import",
        abstract:
            "Time importing a REFI-QDA project into a new study, as `thematic import STUDY project.qdpx` does it: the generated 60,000-excerpt study exported as a .qdpx (target: under 5 s)."
    )

    @Option(help: "Where to keep the generated study, its .qdpx and the new study.") var folder =
        "/tmp/thematic-bench-qdpx"
    @Option(help: "Timed imports; the best and the median are reported.") var runs = 3

    func run() throws {
        let source = try BenchStudy.generatedIfMissing(folder + "/generated")
        let project = folder + "/generated.qdpx"
        if !FileSystem.exists(project) {
            let (bytes, exporting) = try Timing.measure { try RefiProject.export(try StudyReader.load(source).study) }
            try AtomicFile.write(bytes, to: project)
            print("exported \(project) (\(bytes.count / 1_000_000) MB) in \(Timing.format(exporting))")
        }
        var totals: [Double] = []
        for run in 1...max(1, runs) {
            let target = StudyFolder(path: folder + "/imported")
            if FileSystem.exists(target.path) { try FileSystem.removeTree(target.path) }
            _ = try StudyCreator.create(at: target, title: "Imported", codebook: nil)
            let (phases, total) = try Timing.measure { try importProject(project, into: target) }
            totals.append(total)
            print("run \(run): \(phases); total \(Timing.format(total))")
        }
        totals.sort()
        print(
            "import of the project into a new study: best \(Timing.format(totals[0])), median \(Timing.format(totals[totals.count / 2])) of \(totals.count)"
        )
        let loaded = try StudyReader.load(StudyFolder(path: folder + "/imported")).study
        print(
            "the study loads: \(loaded.corpus.reviews.count) reviews, \(loaded.corpus.excerptCount) excerpts, \(loaded.coders.count) coders"
        )
    }

    /// The import's phases, as the command runs them.
    private func importProject(_ path: String, into target: StudyFolder) throws -> String {
        let (study, loading) = try Timing.measure { try StudyReader.load(target).study }
        let (file, reading) = try Timing.measure {
            try RefiProjectFile.read(try FileSystem.readBytes(path), file: path)
        }
        let ((project, plan), mapping) = try Timing.measure { () throws -> (RefiProjectImport, ImportPlan) in
            let project = try RefiProjectImport.plan(file, study: study)
            return (project, try CorpusImport.plan(study, contents: [.reviews(project.reviews)]))
        }
        let (findings, checking) = try Timing.measure {
            IdentifierCheck.findings(
                in: plan.reviews, vocabulary: plan.reviews, register: try IdentifierRegister.load(target))
        }
        let (outcome, writing) = try Timing.measure {
            try ProjectImport.apply(project, plan: plan, to: study, by: "bench", acceptChanges: false)
        }
        return
            "load \(Timing.format(loading)), read and parse \(Timing.format(reading)), map \(Timing.format(mapping)), "
            + "anonymisation check \(Timing.format(checking)) (\(findings.count) findings), write \(Timing.format(writing)) "
            + "(\(outcome.records.values.reduce(0, +)) records)"
    }
}
