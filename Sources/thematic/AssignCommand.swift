import ArgumentParser
import ThematicCore

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign excerpts to a coder: a seeded sample, whole reviews, or everything.",
        discussion: """
            Assignments are kept in assignments.json; `thematic status` shows each one's progress. Excerpts already \
            assigned to the coder are left out. A sample is reproducible: the same seed on the same study draws the \
            same excerpts, so giving two new coders the same --seed double-codes one sample. Without --seed a seed is \
            chosen, printed and recorded.
            """
    )

    @Argument(help: "The study folder.") var study: String
    @Option(help: "The coder to assign to (they need not have started yet).") var coder: String
    @Option(help: "A random sample of this share of the excerpts, e.g. 20%.") var sample: String?
    @Option(help: "Every excerpt of these reviews, comma-separated.") var reviews: String?
    @Flag(help: "Every excerpt of the study.") var all = false
    @Option(help: "Seed of the sample (a whole number up to 2^53).") var seed: Int?
    @Option(help: "Sample the same share of every review: review.") var stratify: String?
    @Option(
        help: "Who makes the assignment (recorded with it); default: who you are, when that is set (`thematic whoami`)."
    ) var by: String?

    func run() throws {
        let method = try chosenMethod()
        do {
            let assignment = try AssignmentStore.assign(
                in: StudyFolder(path: study), coder: coder, method: method, by: by ?? knownPerson())
            print(
                "Assigned \(assignment.excerpts.count) excerpt\(assignment.excerpts.count == 1 ? "" : "s") to \(coder): \(assignment.methodDescription)."
            )
            if case .sample(_, let seed, _) = method, self.seed == nil {
                print("Run again with --seed \(seed) on another coder to give them the same sample.")
            }
        } catch {
            throw CommandFailure(error, onStudy: study)
        }
    }

    private func chosenMethod() throws -> Assignment.Method {
        let given = [sample != nil, reviews != nil, all].filter { $0 }.count
        guard given == 1 else { throw CommandFailure("give exactly one of --sample PERCENT, --reviews R1,R2 or --all") }
        if stratify != nil && sample == nil { throw CommandFailure("--stratify goes with --sample") }
        if seed != nil && sample == nil { throw CommandFailure("--seed goes with --sample") }
        if let stratify, stratify != "review" {
            throw CommandFailure("--stratify takes \"review\" (the only stratum), not \"\(stratify)\"")
        }
        if let reviews { return .reviews(reviews.split(separator: ",").map(String.init)) }
        guard let sample else { return .all }
        let number = sample.hasSuffix("%") ? String(sample.dropLast()) : sample
        guard let percent = Double(number), percent > 0, percent <= 100 else {
            throw CommandFailure(
                "--sample takes a share of the excerpts between 0% and 100%, e.g. 20%; not \"\(sample)\"")
        }
        if let seed, !(0...9_007_199_254_740_991).contains(seed) {
            throw CommandFailure("--seed takes a whole number from 0 to 2^53 - 1 (it is stored in JSON)")
        }
        return .sample(percent: percent, seed: seed ?? Int.random(in: 1...999_999), stratifiedByReview: stratify != nil)
    }
}
