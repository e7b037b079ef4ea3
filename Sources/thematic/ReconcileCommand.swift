import Agreement
import ArgumentParser
import ThematicCore

struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Reconcile the coders' disagreements into the consensus, with a record of who decided what.",
        discussion: """
            A disagreement is an excerpt two or more of the coders finished with different sets of codes (spans alone \
            do not make one). Without an action and without --lead this prints the progress and any stale \
            decisions (a coder changed their codes after the lead decided; the decision is kept until the lead \
            decides again).

            With --lead NAME and no action it opens the reconcile screen (it needs a terminal; press ? there for \
            the keys), starting at the first excerpt still to decide. Naming the lead is what opens the screen, so \
            here --lead is never taken from who you are.

            Actions (for scripts and the team meeting):
            --next: the next excerpt to decide, with each coder's codes and the definitions.
            --excerpt ID with --accept CODER, --union, --intersection or --codes A1,C3 (--codes - for "no code \
            applies"), and optionally --note TEXT: record the lead's decision (--lead defaults to who you are, `thematic whoami`).
            --report [--format markdown|csv]: every disagreement, for a team meeting.
            --training [--format table|markdown|csv]: each coder against the consensus, per code.

            Each decision is written to consensus.json before the command ends, so a session resumes where it stopped.
            """
    )

    @Argument(help: "The study folder.") var study: String
    @Option(help: "The lead making decisions (recorded with each); with --excerpt, default: who you are.") var lead: String?
    @Option(help: "Coders to compare, comma-separated (default: every coder who finished an excerpt).") var coders: String?
    @Flag(help: "Walk every excerpt two or more coders finished, not only the disagreements.") var allDoubleCoded = false
    @Flag(help: "Print the disagreements as a list for a team meeting.") var report = false
    @Flag(help: "Print each coder's agreement with the consensus, per code.") var training = false
    @Option(help: "Report format: markdown or csv (--report); table, markdown or csv (--training).") var format: String?
    @Flag(help: "Print the next excerpt to decide.") var next = false
    @Option(help: "The excerpt to decide.") var excerpt: String?
    @Option(help: "Accept this coder's codes.") var accept: String?
    @Flag(help: "Take every code any coder applied.") var union = false
    @Flag(help: "Take the codes every coder applied.") var intersection = false
    @Option(help: "The consensus codes, comma-separated (- for none).") var codes: String?
    @Option(help: "The lead's note on the decision.") var note: String?
    @Flag(help: "Replace a decision that is current (a stale one can always be decided again).") var replace = false

    private var chosenCoders: [String]? { coders.map { $0.split(separator: ",").map(String.init) } }
    private var scope: Reconciliation.Scope { allDoubleCoded ? .doubleCoded : .disagreements }

    func run() throws {
        let actions = [report, training, next, excerpt != nil].filter { $0 }.count
        guard actions <= 1 else { throw CommandFailure("give one of --report, --training, --next or --excerpt") }
        let choices = [accept != nil, union, intersection, codes != nil].filter { $0 }.count
        if excerpt != nil, choices != 1 {
            throw CommandFailure("--excerpt needs exactly one of --accept CODER, --union, --intersection or --codes A1,C3")
        }
        if excerpt == nil, choices > 0 || note != nil || replace {
            throw CommandFailure("--accept, --union, --intersection, --codes, --note and --replace go with --excerpt ID")
        }
        if format != nil && !report && !training { throw CommandFailure("--format goes with --report or --training") }
        if let excerpt { return try decide(excerpt) }
        if actions == 0, let lead { return try openReconcileScreen(try openSession(lead: lead)) }
        let loaded = try openStudy(study)
        if training { return try printTraining(loaded) }
        let reconciliation: Reconciliation
        do {
            reconciliation = try Reconciliation(study: loaded, coders: chosenCoders, scope: scope)
        } catch {
            throw CommandFailure("\(study): \(error.description)")
        }
        if report {
            guard let reportFormat = ReconciliationReport.Format(rawValue: format ?? "markdown") else {
                throw CommandFailure("unknown report format \"\(format ?? "")\"; expected markdown or csv")
            }
            print(ReconciliationReport.rendered(reconciliation, study: loaded, as: reportFormat), terminator: "")
        } else if next {
            guard let item = reconciliation.resumePoint else {
                print("Nothing left to decide. " + ReconciliationReport.progressLine(reconciliation))
                return
            }
            print(ReconciliationReport.progressLine(reconciliation))
            print("")
            print(ReconciliationReport.rendered(item, coders: reconciliation.coders, study: loaded), terminator: "")
            print("")
            print("Decide with: thematic reconcile \(study) --lead NAME --excerpt \(item.excerpt.id) (--accept CODER | --union | --intersection | --codes A1,C3) [--note TEXT]")
        } else {
            printSummary(reconciliation)
        }
    }

    private func decide(_ excerptID: String) throws {
        let lead = try person(given: lead, option: "--lead", purpose: "say who decides (it is recorded)")
        let choice: ReconciliationChoice
        if let accept {
            choice = .accept(coder: accept)
        } else if union {
            choice = .union
        } else if intersection {
            choice = .intersection
        } else {
            let ids = codes == "-" ? [] : (codes ?? "").split(separator: ",").map { String($0) }
            choice = .edited(Dictionary(ids.map { ($0, AppliedCode()) }, uniquingKeysWith: { first, _ in first }))
        }
        let session = try openSession(lead: lead)
        defer { session.close() }
        for warning in session.warnings { printError(warning.description(inStudy: study)) }
        do {
            let decision = try session.decide(excerptID, choice, note: note, replacing: replace)
            print("\(excerptID): \(ReconciliationReport.decisionText(decision)).")
            let reconciliation = session.reconciliation
            let upNext = reconciliation.nextToDecide(after: excerptID).map { "; next: \($0.excerpt.id)" } ?? ""
            print(ReconciliationReport.progressLine(reconciliation) + upNext)
        } catch let error as ReconciliationSession.AlreadyDecided {
            throw CommandFailure("\(study): \(error) (add --replace)")
        } catch {
            throw CommandFailure("\(study): \(error)")
        }
    }

    /// The lead's session: holds consensus.lock (a second lead is refused, naming the holder) until closed.
    private func openSession(lead: String) throws -> ReconciliationSession {
        do {
            return try ReconciliationSession(folder: StudyFolder(path: study), lead: lead, coders: chosenCoders, scope: scope)
        } catch {
            throw CommandFailure(error, onStudy: study, prefix: "\(study): ")
        }
    }

    private func printSummary(_ reconciliation: Reconciliation) {
        print(ReconciliationReport.progressLine(reconciliation))
        for item in reconciliation.staleItems {
            guard case .stale(let changes) = item.state else { continue }
            print("stale: \(item.excerpt.id): \(changes.map(\.description).joined(separator: "; "))")
        }
        if let item = reconciliation.resumePoint {
            print("Next: \(item.excerpt.id) (thematic reconcile \(study) --lead NAME opens the screen there; --next prints it)")
        } else {
            print("Nothing left to decide.")
        }
    }

    private func printTraining(_ loaded: Study) throws {
        guard let trainingFormat = TrainingCheck.Format(rawValue: format ?? "table") else {
            throw CommandFailure("unknown training format \"\(format ?? "")\"; expected table, markdown or csv")
        }
        guard !loaded.consensus.excerpts.isEmpty else {
            throw CommandFailure("\(study): the consensus has no decisions yet; reconcile some excerpts first")
        }
        let check: TrainingCheck
        do {
            check = try TrainingCheck(study: loaded, coders: chosenCoders)
        } catch {
            throw CommandFailure("\(study): \(error.description)")
        }
        for warning in check.warnings { printError("warning: \(warning)") }
        print(check.rendered(as: trainingFormat), terminator: "")
    }
}
