import CNcursesw
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the terminal could not be opened, in words for the person at the keyboard.
public struct NcursesTerminalError: Error, CustomStringConvertible {
    public let description: String
}

/// The Terminal the app runs on: ncursesw on the real tty (or on /dev/null for tests, see `headless`).
///
/// Opening sets up a UTF-8 locale, raw mode (Ctrl-C arrives as a key), no echo, keypad keys, a 25 ms Esc delay,
/// colours when the terminal has them and NO_COLOR is unset or empty, and a hidden cursor. SIGTERM, SIGHUP and
/// SIGINT become `.terminate` events; `stop()` (also run at exit and on crash signals) gives the terminal back.
public final class NcursesTerminal: Terminal {
    private let screenHandle: OpaquePointer
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private let isHeadless: Bool
    private var stopped = false
    /// The frame last drawn; nil forces the next draw to send every cell (first frame, after a resize).
    private var previous: Screen?
    private var cursorVisible = false
    private var palette: CursesPalette

    /// Whether cells are drawn in colour (the terminal has colours and NO_COLOR is unset or empty).
    public var usesColor: Bool { palette.usesColor }

    /// Opens the terminal the process is attached to (/dev/tty), using TERM (xterm when unset).
    public static func open(environment: [String: String]) throws -> NcursesTerminal {
        guard let output = fopen("/dev/tty", "w"), let input = fopen("/dev/tty", "r") else {
            throw NcursesTerminalError(
                description: "thematic needs a terminal: /dev/tty cannot be opened (run it in a terminal, not a pipe)")
        }
        thematic_install_handlers()
        let name = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 } ?? "xterm"
        let terminal = try NcursesTerminal(
            terminalName: name, input: input, output: output, environment: environment, isHeadless: false)
        thematic_set_screen_active(1)
        return terminal
    }

    /// A terminal of `rows` x `columns` that draws into /dev/null, for tests: read back what ncurses holds with
    /// `lines()`. Works with TERM and LANG unset and no terminal attached; signals and the exit hook are left alone.
    public static func headless(rows: Int, columns: Int, environment: [String: String] = [:]) throws -> NcursesTerminal
    {
        guard let output = fopen("/dev/null", "w"), let input = fopen("/dev/null", "r") else {
            throw NcursesTerminalError(description: "/dev/null cannot be opened")
        }
        let terminal = try NcursesTerminal(
            terminalName: "xterm-256color", input: input, output: output, environment: environment, isHeadless: true)
        terminal.resize(to: Size(rows: rows, columns: columns))
        // The starting size is not a resize the app should hear about.
        flushinp()
        return terminal
    }

    private init(
        terminalName: String, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
        environment: [String: String], isHeadless: Bool
    ) throws {
        NcursesTerminal.useUTF8Locale()
        guard let handle = newterm(terminalName, output, input) ?? newterm("xterm", output, input) else {
            fclose(input)
            fclose(output)
            throw NcursesTerminalError(
                description: "the terminal type '\(terminalName)' is unknown to ncurses (is TERM set right?)")
        }
        screenHandle = handle
        self.input = input
        self.output = output
        self.isHeadless = isHeadless
        let window = thematic_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        palette = CursesPalette(usesColor: has_colors() && !noColor)
    }

    deinit { stop() }

    /// ncursesw drops every non-ASCII character unless LC_CTYPE is UTF-8; with LANG unset the "C" locale is not.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: thematic_codeset())
        if codeset != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    public var size: Size {
        set_term(screenHandle)
        let window = thematic_stdscr()
        return Size(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
    }

    /// Sets the size of a headless terminal, which then reports `.resize` like a real one whose window changed.
    public func resize(to size: Size) {
        set_term(screenHandle)
        resizeterm(Int32(max(1, size.rows)), Int32(max(1, size.columns)))
        previous = nil
    }

    public func draw(_ screen: Screen) {
        guard !stopped else { return }
        set_term(screenHandle)
        let window = thematic_stdscr()
        let rows = min(screen.size.rows, Int(getmaxy(window)))
        let columns = min(screen.size.columns, Int(getmaxx(window)))
        let last = previous.flatMap { $0.size == screen.size ? $0 : nil }
        if last == nil {
            werase(window)
            // ncurses repaints only what differs from what it believes the terminal shows. After a resize that
            // ends at the size it started from (signals that arrived while busy come as one), it believes the old
            // frame is intact, though the terminal cut it: so the first frame and any after a resize clear and
            // repaint every cell.
            clearok(window, true)
        }
        var characters: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0, 0)
        var cell = cchar_t()
        for row in 0..<rows {
            for column in 0..<columns {
                let new = screen[row, column]
                if new.isContinuation { continue }
                if let last, last[row, column] == new { continue }
                if Int(new.width) + column > columns { continue }
                withUnsafeMutableBytes(of: &characters) { raw in
                    let buffer = raw.bindMemory(to: wchar_t.self)
                    // The base, the marks and a terminating zero must fit whatever the cell holds.
                    let marks = new.marks.prefix(min(Cell.maximumMarks, buffer.count - 2))
                    buffer[0] = wchar_t(bitPattern: new.base.value)
                    for (index, mark) in marks.enumerated() { buffer[index + 1] = wchar_t(bitPattern: mark.value) }
                    buffer[marks.count + 1] = 0
                    let attributes = thematic_attributes(UInt32(new.style.attributes.rawValue))
                    let pair = palette.pair(for: new.style)
                    setcchar(&cell, buffer.baseAddress, attributes, pair, nil)
                }
                mvwadd_wch(window, Int32(row), Int32(column), &cell)
            }
        }
        showCursor(at: screen.cursor, rows: rows, columns: columns)
        wrefresh(window)
        previous = screen
    }

    private func showCursor(at position: Position?, rows: Int, columns: Int) {
        if let position, position.row >= 0, position.row < rows, position.column >= 0, position.column < columns {
            wmove(thematic_stdscr(), Int32(position.row), Int32(position.column))
            if !cursorVisible { curs_set(1) }
            cursorVisible = true
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
    }

    public func nextEvent(timeout: Duration) -> TerminalEvent? {
        guard !stopped else { return nil }
        set_term(screenHandle)
        let window = thematic_stdscr()
        let (seconds, attoseconds) = timeout.components
        var remaining = max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
        repeat {
            if let signal = takeSignal() { return signal }
            // Short waits, so a signal that arrives while idle is reported within 50 ms.
            let slice = min(remaining, 50)
            wtimeout(window, Int32(slice))
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if let signal = takeSignal() { return signal }
            if result == KEY_CODE_YES {
                if Int32(character) == KEY_RESIZE {
                    previous = nil
                    return .key(.resize(size))
                }
                if let key = NcursesTerminal.key(forKeyCode: Int32(character)) { return .key(key) }
            } else if result == OK, let key = NcursesTerminal.key(forCharacter: UInt32(character)) {
                return .key(key)
            }
            remaining -= slice
        } while remaining > 0
        return nil
    }

    private func takeSignal() -> TerminalEvent? {
        let signal = thematic_take_signal()
        return signal == 0 ? nil : .terminate(signal: signal)
    }

    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case (KEY_F0 + 1)...(KEY_F0 + 12): .function(Int(code - KEY_F0))
        default: nil
        }
    }

    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 27: return .escape
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 0..<32: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    /// Gives the terminal back: leaves curses mode and frees the screen. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        set_term(screenHandle)
        if !isHeadless { thematic_set_screen_active(0) }
        curs_set(1)
        endwin()
        delscreen(screenHandle)
        fclose(input)
        fclose(output)
    }

    /// The text ncurses holds on each row, read back cell by cell (a wide character once, as `Screen.lines` does).
    public func lines() -> [String] {
        set_term(screenHandle)
        let window = thematic_stdscr()
        let rows = Int(getmaxy(window))
        let columns = Int(getmaxx(window))
        return (0..<rows).map { row in
            var text = String.UnicodeScalarView()
            var column = 0
            while column < columns {
                let scalars = readCell(row: row, column: column).scalars
                text.append(contentsOf: scalars)
                column += max(1, Int(thematic_wcwidth(scalars.first?.value ?? 32)))
            }
            return String(text)
        }
    }

    /// The colour pair ncurses holds for a cell (0 is the terminal's default colours).
    public func colorPair(row: Int, column: Int) -> Int {
        set_term(screenHandle)
        return readCell(row: row, column: column).pair
    }

    private func readCell(row: Int, column: Int) -> (scalars: [Unicode.Scalar], pair: Int) {
        var cell = cchar_t()
        mvwin_wch(thematic_stdscr(), Int32(row), Int32(column), &cell)
        var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &characters, &attributes, &pair, nil)
        let scalars = characters.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return (scalars, Int(pair))
    }
}
