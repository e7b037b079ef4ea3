import Agreement
import ThematicCore
import TerminalUI

/// Runs the reconcile screen: reads an event, updates the state, records each decision through the lead's session
/// (on disk before `decide` returns), then draws the frame. A frame never shows as decided what is not on disk.
public final class ReconcileApp {
    public private(set) var state: ReconcileState
    public let session: ReconciliationSession
    private let terminal: Terminal
    private let clock: () -> String

    /// Builds the state from the session's study and queue, sized to the terminal; the cursor starts where the lead
    /// stopped last time.
    public init(session: ReconciliationSession, terminal: Terminal, clock: @escaping () -> String = Timestamp.now) {
        state = ReconcileState(study: session.study, reconciliation: session.reconciliation, lead: session.lead, size: terminal.size)
        if !session.warnings.isEmpty, state.message == nil {
            state.message = "\(session.warnings.count) warning\(session.warnings.count == 1 ? "" : "s") reading the study (see `thematic check`)"
        }
        self.session = session
        self.terminal = terminal
        self.clock = clock
    }

    public func draw() {
        terminal.draw(ReconcileView.render(state))
    }

    /// Handles one event and draws the result; false when the app should end (quit, Ctrl-C or a signal).
    @discardableResult
    public func handle(_ event: TerminalEvent) -> Bool {
        switch event {
        case .terminate:
            return false
        case .key(let key):
            for effect in state.handle(key) {
                switch effect {
                case .quit:
                    return false
                case .openAgreement:
                    do {
                        let selection = AgreementSelection(coders: session.reconciliation.coders)
                        state.showAgreement(try AgreementScreenState(study: session.study, selection: selection, size: state.size, person: session.lead))
                    } catch {
                        state.message = "no agreement table: \(error.description)"
                    }
                case .computeSpanAgreement(let continuum):
                    state.showSpanAgreement(SpanAgreement(continuum), of: continuum)
                case .decide(let pending, let note):
                    do {
                        let decision = try session.decide(pending.excerptID, pending.choice, note: note, replacing: pending.replacing, at: clock())
                        state.recorded(decision, for: pending.excerptID, queue: session.reconciliation)
                    } catch {
                        state.refused(pending.excerptID, because: "\(error)")
                    }
                }
            }
            draw()
            return true
        }
    }

    /// Draws the first frame, then handles events until the lead quits or a signal arrives.
    public func run() {
        ScreenLoop.run(on: terminal, draw: draw, handle: { handle($0) })
    }
}
