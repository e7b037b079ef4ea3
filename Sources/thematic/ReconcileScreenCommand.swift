import ArgumentParser
import ThematicCore

extension ReconcileCommand {
    /// `thematic reconcile screen STUDY [--lead NAME]`: the reconcile screen.
    struct Screen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Open the reconcile screen at the first excerpt still to decide (it needs a terminal; press ? there for the keys)."
        )
        @OptionGroup var queue: Queue
        @Option(help: "The lead making the decisions (recorded with each); default: who you are (`thematic whoami`).")
        var lead: String?

        func run() throws {
            let lead = try person(given: lead, option: "--lead", purpose: "say who decides (it is recorded)")
            try openReconcileScreen(try queue.session(lead: lead))
        }
    }
}
