import ArgumentParser
import ThematicCore

extension ReconcileCommand {
    /// `thematic reconcile next STUDY`: the next excerpt to decide, for a script or a lead without a terminal screen.
    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the next excerpt to decide, with each coder's codes and the definitions.")
        @OptionGroup var queue: Queue

        func run() throws {
            let loaded = try openStudy(queue.study)
            let reconciliation = try queue.reconciliation(of: loaded)
            guard let item = reconciliation.resumePoint else {
                print("Nothing left to decide. " + ReconciliationReport.progressLine(reconciliation))
                return
            }
            print(ReconciliationReport.progressLine(reconciliation))
            print("")
            print(ReconciliationReport.rendered(item, coders: reconciliation.coders, study: loaded), terminator: "")
            print("")
            print(
                "Decide with: thematic reconcile decide \(queue.study) \(item.excerpt.id) (--accept CODER | --union | --intersection | --codes A1,C3) [--note TEXT] [--lead NAME]"
            )
        }
    }
}
