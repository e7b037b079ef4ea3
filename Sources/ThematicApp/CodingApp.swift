import ThematicCore
import TerminalUI

/// Runs the coding screen: reads an event, updates the state, makes every decision durable through the coder's
/// session, then draws the frame. A frame never shows as saved what is not on disk.
public final class CodingApp {
    public private(set) var state: AppState
    public let session: CodingSession
    private let terminal: Terminal
    private let clock: () -> String

    /// Builds the state from the study and the session's coding (only this coder's: blind coding), sized to the terminal.
    public init(study: Study, session: CodingSession, terminal: Terminal, clock: @escaping () -> String = Timestamp.now) {
        self.state = AppState(study: study, coding: session.coding, size: terminal.size)
        self.session = session
        self.terminal = terminal
        self.clock = clock
    }

    /// Draws the current state.
    public func draw() {
        terminal.draw(CodingScreenView.render(state))
    }

    /// Handles one event and draws the result; false when the app should end (quit, Ctrl-C or a signal).
    @discardableResult
    public func handle(_ event: TerminalEvent) -> Bool {
        switch event {
        case .terminate:
            return false
        case .key(let key):
            var keepRunning = true
            for effect in state.handle(key, at: clock()) {
                switch effect {
                case .quit:
                    keepRunning = false
                case .record(let excerptID, let decision):
                    do {
                        try session.record(excerptID, decision)
                        state.writeSucceeded()
                    } catch {
                        state.writeFailed(excerptID, onDisk: session.coding.excerpts[excerptID], error: "\(error)")
                    }
                case .allowFinding(let reference, let why):
                    do {
                        state.findingDecided(try FindingsView.allow(reference, why: why, in: state))
                    } catch {
                        state.findingDecided("not recorded: \(error)")
                    }
                case .redactFinding(let reference, let why):
                    do {
                        let (review, report) = try FindingsView.redact(reference, why: why, in: state)
                        state.replaceReview(review)
                        state.findingDecided(report)
                    } catch {
                        state.findingDecided("not redacted: \(error)")
                    }
                }
            }
            if keepRunning { draw() }
            return keepRunning
        }
    }

    /// Draws the first frame, then handles events until the coder quits or a signal arrives.
    public func run() {
        ScreenLoop.run(on: terminal, draw: draw, handle: { handle($0) })
    }
}
