import ArgumentParser
import ThematicCore

extension ReconcileCommand {
    /// `thematic reconcile report STUDY`: the disagreements for a team meeting.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Print every disagreement for a team meeting: the excerpt, each coder's codes, the decision so far and the definitions."
        )
        @OptionGroup var queue: Queue
        @Option(help: "The report's format.") var format: ReconciliationReport.Format = .markdown

        func run() throws {
            let loaded = try openStudy(queue.study)
            print(
                ReconciliationReport.rendered(try queue.reconciliation(of: loaded), study: loaded, as: format),
                terminator: "")
        }
    }
}

extension ReconciliationReport.Format: ExpressibleByArgument {}
