import Glibc
import ThematicCore

/// The progress line of a long command: one line on stderr, redrawn in place, cleared when the operation ends.
/// Shown only when stderr is a terminal, so scripts, CI and a stderr sent to a file see nothing of it.
enum TerminalProgress {
    /// Runs `body` with a reporter that draws on stderr when stderr is a terminal, and clears the line when it ends.
    static func run<Value, Failure: Error>(_ body: (any ProgressReporter) throws(Failure) -> Value) throws(Failure)
        -> Value
    {
        guard isatty(2) == 1 else { return try body(.silent) }
        let width = terminalWidth()
        // A line wider than the terminal would wrap, and the carriage return would then redraw only its last row.
        let progress = ThrottledProgress(
            delay: delay(), draw: { line in writeStandardError("\r" + String(line.prefix(width - 1)) + "\u{1B}[K") },
            clear: { writeStandardError("\r\u{1B}[K") })
        defer { progress.finish() }
        return try body(progress)
    }

    /// Seconds before the line appears: 0.75, or `THEMATIC_PROGRESS_AFTER` (0 shows every operation's progress).
    private static func delay() -> Double {
        getenv("THEMATIC_PROGRESS_AFTER").flatMap { Double(String(cString: $0)) }.map { max(0, $0) } ?? 0.75
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 1 else { return 80 }
        return Int(size.ws_col)
    }

    private static func writeStandardError(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
