import NcursesTerminal
import TerminalUI
import ThematicApp
import ThematicCore

/// Loads the study, computes the table for `selection` (a bad selection is reported before the terminal is taken),
/// and runs the agreement screen until the user quits. Read only: no lock is taken and no file is written.
func openAgreementScreen(study path: String, selection: AgreementSelection) throws {
    let study = try openStudy(path)
    let state: AgreementScreenState
    do {
        state = try AgreementScreenState(
            study: study, selection: selection, size: Size(rows: 0, columns: 0), person: knownPerson())
    } catch {
        throw CommandFailure("\(path): \(error)")
    }
    try withScreenTerminal { AgreementScreenDriver(state: state, terminal: $0).run() }
}
