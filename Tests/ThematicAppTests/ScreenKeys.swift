import TerminalUI

@testable import ThematicApp

/// Keys for any screen in a test: on its state, as pure data, or through a driver, as the terminal would send them.
extension ScreenProgram {
    /// Presses keys given in notation, one after another, and returns every effect they asked for.
    @discardableResult
    mutating func press(_ notations: String...) -> [Effect] {
        notations.flatMap { notation -> [Effect] in
            guard let key = Key(notation: notation) else { fatalError("no key \(notation)") }
            return handle(key, at: Fixture.time)
        }
    }

    /// Types text into whatever prompt is open.
    mutating func type(_ text: String) {
        for character in text { _ = handle(.character(character), at: Fixture.time) }
    }

    var screenText: String { render().lines.joined(separator: "\n") }
}

extension ScreenDriver {
    /// Presses keys given in notation, each performed and drawn; returns whether the screen is still open.
    @discardableResult
    func press(_ notations: String...) -> Bool {
        var open = true
        for notation in notations {
            guard let key = Key(notation: notation) else { fatalError("no key \(notation)") }
            open = handle(.key(key)) && open
        }
        return open
    }

    /// Types text into whatever prompt is open, a key at a time.
    func type(_ text: String) {
        for character in text { handle(.key(.character(character))) }
    }

    var screenText: String { state.screenText }
}
