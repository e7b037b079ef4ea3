import TerminalUI

/// An effect that can end its screen.
protocol QuitEffect {
    static var quit: Self { get }
}

/// A screen with a help overlay: the runtime answers for it the keys every screen answers alike.
protocol HelpedScreen: ScreenProgram where Effect: QuitEffect {
    var help: HelpScroll { get set }
    var size: Size { get }
}

extension HelpedScreen {
    /// Answers the keys every screen answers alike, before its own: Ctrl-C leaves whatever is open (nothing is
    /// lost: every change is on disk when it is made, one still being prepared was never written), a new size lays
    /// the screen out again, and while the help is shown it takes every key. Nil when the key is the
    /// screen's to handle.
    mutating func answerCommonKey(_ key: Key) -> [Effect]? {
        if key == .ctrl("c") { return [.quit] }
        if case .resize(let newSize) = key {
            help.resize(of: Self.keys, from: size, to: newSize)
            resize(to: newSize)
            return []
        }
        if help.isShown {
            help.handle(key, of: Self.keys, size: size)
            return []
        }
        return nil
    }

    /// Shows the help from the section of the keys that work in `context`, where `?` was pressed.
    mutating func showHelp(at context: BindingContext) {
        help.show(at: context, of: Self.keys, size: size)
    }
}
