import TerminalUI
import ThematicCore

/// Runs any screen on a terminal: draws the first frame, then for each key asks the state what to do, has the
/// effects performed (and reported back to the state), and draws the result. Ctrl-C reaches the state as a key and
/// comes back as its quit effect; a signal (`.terminate`) ends the loop at once.
///
///     let driver = ScreenDriver(state, effects: CodingEffects(session: session), terminal: terminal)
///     driver.run()
public final class ScreenDriver<Program: ScreenProgram, Effects: ScreenEffects> where Effects.Program == Program {
    public private(set) var state: Program
    /// The screen's effect handler, with whatever it keeps (its session, the changes it applied).
    public private(set) var effects: Effects
    private let terminal: Terminal
    private let clock: () -> String

    /// Sizes `state` to the terminal, so a state computed before the terminal opened fits it.
    public init(_ state: Program, effects: Effects, terminal: Terminal, clock: @escaping () -> String = Timestamp.now) {
        self.state = state
        self.effects = effects
        self.terminal = terminal
        self.clock = clock
        self.state.resize(to: terminal.size)
    }

    /// Draws the current state.
    public func draw() {
        terminal.draw(state.render())
    }

    /// Handles one event and draws the result; false when the screen should end (quit, Ctrl-C or a signal).
    @discardableResult
    public func handle(_ event: TerminalEvent) -> Bool {
        guard case .key(let key) = event else { return false }
        let time = clock()
        for effect in state.handle(key, at: time) {
            guard effects.perform(effect, on: &state, at: time) else { return false }
        }
        draw()
        return true
    }

    /// Draws the first frame, then handles events until the screen ends.
    public func run() {
        draw()
        while true {
            guard let event = terminal.nextEvent(timeout: .seconds(1)) else { continue }
            if !handle(event) { return }
        }
    }
}
