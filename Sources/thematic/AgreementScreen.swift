import NcursesTerminal
import TerminalUI
import ThematicApp
import ThematicCore

/// Loads the study, computes the table for `selection` with the coders `coders` choose (a bad selection is reported
/// before the terminal is taken), and runs the agreement screen until the user quits. Which coders and why is said
/// on standard error, left on the terminal when the screen closes. Read only: no lock is taken, no file is written.
func openAgreementScreen(study path: String, selection: AgreementSelection, coders: CoderOptions) throws {
    let study = try openStudy(path)
    var selection = selection
    selection.coders = try coders.announced(in: study, path: path).coders
    let state: AgreementScreenState
    do {
        state = try AgreementScreenState(
            study: study, selection: selection, size: Size(rows: 0, columns: 0), person: knownPerson())
    } catch {
        throw CommandFailure("\(path): \(error)")
    }
    try withScreenTerminal { AgreementScreenDriver(state: state, terminal: $0).run() }
}
