import TerminalUI

/// The event loop every screen's driver runs.
enum ScreenLoop {
    /// Draws the first frame, then hands each event to `handle` until it returns false (quit, Ctrl-C or a signal).
    static func run(on terminal: Terminal, draw: () -> Void, handle: (TerminalEvent) -> Bool) {
        draw()
        while true {
            guard let event = terminal.nextEvent(timeout: .seconds(1)) else { continue }
            if !handle(event) { return }
        }
    }
}
