import Agreement
import TerminalUI
import ThematicCore

/// Performs the reconcile screen's effects: the lead's decisions through the session, and the agreement table.
public struct ReconcileEffects: ScreenEffects {
    public let session: ReconciliationSession

    public func perform(_ effect: ReconcileEffect, on state: inout ReconcileState, at time: String) -> Bool {
        switch effect {
        case .quit:
            return false
        case .openAgreement:
            do {
                let selection = AgreementSelection(coders: session.reconciliation.coders)
                state.showAgreement(
                    try AgreementScreenState(
                        study: session.study, selection: selection, size: state.size, person: session.lead))
            } catch {
                state.message = "no agreement table: \(error.description)"
            }
        case .computeSpanAgreement(let continuum):
            state.showSpanAgreement(SpanAgreement(continuum), of: continuum)
        case .decide(let pending, let note):
            do {
                let decision = try session.decide(
                    pending.excerptID, pending.choice, note: note, replacing: pending.replacing, at: time)
                state.recorded(decision, for: pending.excerptID, queue: session.reconciliation)
            } catch {
                state.refused(pending.excerptID, because: "\(error)")
            }
        }
        return true
    }
}

/// The reconcile screen on the runtime: each decision is recorded through the lead's session (on disk before
/// `decide` returns) before the next frame, so a frame never shows as decided what is not on disk.
public typealias ReconcileScreenDriver = ScreenDriver<ReconcileState, ReconcileEffects>

extension ScreenDriver where Program == ReconcileState, Effects == ReconcileEffects {
    /// Opens the reconcile screen on the session's study and queue; the cursor starts where the lead stopped last
    /// time, and the status line says how many warnings reading the study gave.
    public convenience init(
        session: ReconciliationSession, terminal: Terminal, clock: @escaping () -> String = Timestamp.now
    ) {
        var state = ReconcileState(
            study: session.study, reconciliation: session.reconciliation, lead: session.lead, size: terminal.size)
        if !session.warnings.isEmpty, state.message == nil {
            state.message =
                "\(session.warnings.count) warning\(session.warnings.count == 1 ? "" : "s") reading the study (see `thematic check`)"
        }
        self.init(state, effects: ReconcileEffects(session: session), terminal: terminal, clock: clock)
    }
}

extension ReconcileEffect: QuitEffect {}

extension ReconcileState: HelpedScreen {
    public static var keys: KeyTable<ReconcileContext, ReconcileAction> { ReconcileKeymap.table }
    public mutating func handle(_ key: Key, at time: String) -> [ReconcileEffect] { handle(key) }

    public func render() -> Screen { ReconcileView.render(self) }
}
