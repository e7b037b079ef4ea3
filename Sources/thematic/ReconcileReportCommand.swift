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
        @OptionGroup var spreadsheet: SpreadsheetOption

        func run() throws {
            try spreadsheet.check(delimited: format == .csv)
            let loaded = try openStudy(queue.study)
            spreadsheet.printed(
                ReconciliationReport.rendered(
                    try queue.reconciliation(of: loaded), study: loaded, as: format,
                    forSpreadsheet: spreadsheet.excel))
        }
    }
}

extension ReconciliationReport.Format: ExpressibleByArgument {}
