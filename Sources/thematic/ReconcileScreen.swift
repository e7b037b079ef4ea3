import NcursesTerminal
import ThematicApp
import ThematicCore

/// Runs the reconcile screen on an open session until the lead quits, then releases the consensus lock and prints
/// where the queue stands. Every decision was written when it was made.
func openReconcileScreen(_ session: ReconciliationSession) throws {
    defer { session.close() }
    try withScreenTerminal(hint: "; without a terminal, use `thematic reconcile next` and `thematic reconcile decide`")
    {
        ReconcileScreenDriver(session: session, terminal: $0).run()
    }
    print(
        ReconciliationReport.progressLine(session.reconciliation)
            + "; saved in \(session.folder.path)/\(StudyFolder.consensusFile)")
}
