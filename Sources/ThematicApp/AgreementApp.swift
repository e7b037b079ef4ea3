import Agreement
import TerminalUI

/// Runs the agreement screen on its own (`thematic agree STUDY --screen`): reads an event, updates the state,
/// answers its effects, then draws the frame. Read only: nothing it does writes a file.
public final class AgreementApp {
    public private(set) var state: AgreementScreenState
    private let terminal: Terminal

    /// Takes a state computed before the terminal opened (so a bad selection is reported as plain text) and sizes it
    /// to the terminal.
    public init(state: AgreementScreenState, terminal: Terminal) {
        self.state = state
        self.terminal = terminal
        self.state.resize(to: terminal.size)
    }

    public func draw() {
        terminal.draw(AgreementScreenView.render(state))
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
                case .quit: return false
                case .openExcerpt(let excerptID): state.showExcerpt(excerptID)
                case .computeSpanAgreement(let continuum): state.showSpanAgreement(SpanAgreement(continuum), of: continuum)
                }
            }
            draw()
            return true
        }
    }

    /// Draws the first frame, then handles events until the user quits or a signal arrives.
    public func run() {
        ScreenLoop.run(on: terminal, draw: draw, handle: { handle($0) })
    }
}
