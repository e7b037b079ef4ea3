import ArgumentParser
import ThematicCore

extension ReconcileCommand {
    /// `thematic reconcile decide STUDY EXCERPT --union`: one decision, recorded with its lead.
    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the lead's decision on one excerpt.",
            discussion:
                "Give exactly one of --accept CODER, --union, --intersection or --codes A1,C3 (--codes - for \"no code applies\")."
        )
        @OptionGroup var queue: Queue
        @Argument(help: "The excerpt to decide.") var excerpt: String
        @Option(help: "Accept this coder's codes.") var accept: String?
        @Flag(help: "Take every code any coder applied.") var union = false
        @Flag(help: "Take the codes every coder applied.") var intersection = false
        @Option(help: "The consensus codes, comma-separated (- for none).") var codes: String?
        @Option(help: "The lead's note on the decision.") var note: String?
        @Flag(help: "Replace a decision that is current (a stale one can always be decided again).") var replace = false
        @Option(help: "The lead making the decision (recorded with it); default: who you are (`thematic whoami`).")
        var lead: String?

        func validate() throws {
            guard [accept != nil, union, intersection, codes != nil].filter({ $0 }).count == 1 else {
                throw ValidationError("give exactly one of --accept CODER, --union, --intersection or --codes A1,C3")
            }
        }

        private var choice: ReconciliationChoice {
            if let accept { return .accept(coder: accept) }
            if union { return .union }
            if intersection { return .intersection }
            let ids = codes == "-" ? [] : (codes ?? "").split(separator: ",").map { String($0) }
            return .edited(Dictionary(ids.map { ($0, AppliedCode()) }, uniquingKeysWith: { first, _ in first }))
        }

        func run() throws {
            let lead = try person(given: lead, option: "--lead", purpose: "say who decides (it is recorded)")
            let session = try queue.session(lead: lead)
            defer { session.close() }
            for warning in session.warnings { printError(warning.description(inStudy: queue.study)) }
            do {
                let decision = try session.decide(excerpt, choice, note: note, replacing: replace)
                print("\(excerpt): \(ReconciliationReport.decisionText(decision)).")
                let reconciliation = session.reconciliation
                let upNext = reconciliation.nextToDecide(after: excerpt).map { "; next: \($0.excerpt.id)" } ?? ""
                print(ReconciliationReport.progressLine(reconciliation) + upNext)
            } catch let error as ReconciliationSession.AlreadyDecided {
                throw CommandFailure("\(queue.study): \(error) (add --replace)")
            } catch {
                throw CommandFailure("\(queue.study): \(error)")
            }
        }
    }
}
