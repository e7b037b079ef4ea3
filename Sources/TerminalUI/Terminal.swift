/// Something that happened at the terminal.
public enum TerminalEvent: Hashable, Sendable {
    /// A key press, or `.resize` when the window changed size.
    case key(Key)
    /// SIGTERM, SIGHUP or SIGINT arrived: save what needs saving, then call `stop()` and exit.
    case terminate(signal: Int32)
}

/// A place a Screen can be shown and keys read from: ncurses in the app, a scripted fake in tests.
public protocol Terminal: AnyObject {
    /// The current size in rows and columns.
    var size: Size { get }
    /// Shows `screen`, sending only what changed since the last frame.
    func draw(_ screen: Screen)
    /// Waits up to `timeout` for the next event; nil when nothing happened in that time.
    func nextEvent(timeout: Duration) -> TerminalEvent?
    /// Gives the terminal back to the shell as it was. Safe to call more than once.
    func stop()
}
