import TerminalUI
import Testing
import ThematicTestSupport

@testable import ThematicApp

/// A screen small enough to watch the runtime on its own: `+` asks for one more tally to be written, `q` quits.
struct Tally: ScreenProgram {
    enum Context: String, KeyContextKind {
        case anywhere
        var lookup: [Context] { [self] }
    }
    enum Action { case add, quit }
    enum Effect { case write, quit }

    static let keys = KeyTable<Context, Action>([
        KeyBinding(["+"], .anywhere, .add, "write one more"),
        KeyBinding(["q"], .anywhere, .quit, "quit"),
    ])

    var size = Size(rows: 0, columns: 0)
    var written = 0

    mutating func handle(_ key: Key, at time: String) -> [Effect] {
        switch Self.keys.action(for: key, in: .anywhere) {
        case .add: [.write]
        case .quit: [.quit]
        case nil: []
        }
    }

    mutating func resize(to size: Size) { self.size = size }

    func render() -> Screen {
        var screen = Screen(size: size)
        _ = screen.write("written \(written)", row: 0, column: 0)
        return screen
    }
}

/// Writes each tally into a log with the time of the key that asked for it, then tells the state.
struct TallyEffects: ScreenEffects {
    var log: [String] = []

    mutating func perform(_ effect: Tally.Effect, on state: inout Tally, at time: String) -> Bool {
        switch effect {
        case .quit: return false
        case .write:
            log.append(time)
            state.written += 1
        }
        return true
    }
}

@Suite struct Runtime {
    func run(_ keys: [String]) -> (ScreenDriver<Tally, TallyEffects>, ScriptedTerminal) {
        let terminal = ScriptedTerminal(keys: keys)
        terminal.size = Size(rows: 3, columns: 20)
        let driver = ScreenDriver(Tally(), effects: TallyEffects(), terminal: terminal, clock: { Fixture.time })
        driver.run()
        return (driver, terminal)
    }

    @Test func theStateIsSizedToTheTerminalAndItsFirstFrameDrawnBeforeAnyKey() {
        let (driver, terminal) = run([])
        #expect(driver.state.size == Size(rows: 3, columns: 20))
        #expect(terminal.frames.count == 1)
    }

    @Test func everyEffectIsPerformedAndReportedBeforeTheFrameIsDrawn() {
        let (driver, terminal) = run(["+", "+"])
        #expect(driver.effects.log == [Fixture.time, Fixture.time])
        #expect(terminal.frames.map { $0.trimmedLines.first } == ["written 0", "written 1", "written 2"])
    }

    @Test func theQuitEffectEndsTheScreenWithoutAnotherFrame() {
        let (driver, terminal) = run(["+", "q", "+"])
        #expect(driver.state.written == 1)
        #expect(terminal.frames.count == 2)
    }
}
