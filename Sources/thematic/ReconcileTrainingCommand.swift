import ArgumentParser
import ThematicCore

extension ReconcileCommand {
    /// `thematic reconcile training STUDY`: each coder against the consensus.
    struct Training: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each coder's agreement with the consensus, per code.")
        @OptionGroup var comparison: Comparison
        @Option(help: "The table's format.") var format: TrainingCheck.Format = .table
        @OptionGroup var spreadsheet: SpreadsheetOption

        func run() throws {
            try spreadsheet.check(delimited: format == .csv)
            let loaded = try openStudy(comparison.study)
            guard !loaded.consensus.excerpts.isEmpty else {
                throw CommandFailure(
                    "\(comparison.study): the consensus has no decisions yet; reconcile some excerpts first")
            }
            let coders = try comparison.chosenCoders(in: loaded)
            let check: TrainingCheck
            do {
                check = try TrainingCheck(study: loaded, coders: coders)
            } catch {
                throw CommandFailure("\(comparison.study): \(error.description)")
            }
            for warning in check.warnings { printError("warning: \(warning)") }
            spreadsheet.printed(check.rendered(as: format, forSpreadsheet: spreadsheet.excel))
        }
    }
}

extension TrainingCheck.Format: ExpressibleByArgument {}
