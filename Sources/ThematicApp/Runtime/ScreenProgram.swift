import TerminalUI

/// A screen as the runtime runs it: plain data that takes one key at a time and answers with the effects the
/// driver must perform, and draws itself as a `Screen`. Nothing in it reads or writes a file: that is the effects'
/// job, and their results come back to the state as calls on it.
public protocol ScreenProgram {
    /// What the state asks for after a key: durable writes, reads, leaving.
    associatedtype Effect
    /// Where the screen's keys apply, and what they do (the key table's own types).
    associatedtype BindingContext: KeyContextKind
    associatedtype BindingAction: Hashable & Sendable

    /// The screen's one key table: its key handling, its help overlay and the README's key list read it.
    static var keys: KeyTable<BindingContext, BindingAction> { get }

    /// Handles one key (a new window size arrives as `.resize`) and returns the effects to perform, in order.
    /// `time` is the driver's clock when the key was read (ISO 8601), for a screen that stamps what a key decides.
    mutating func handle(_ key: Key, at time: String) -> [Effect]

    /// Lays the screen out again for a terminal of `size`.
    mutating func resize(to size: Size)

    /// The frame for the state as it is: a pure function, so tests read it back as text.
    func render() -> Screen
}

/// What a screen's effects do outside its state: each is performed, and its outcome reported back to the state,
/// before the next frame is drawn, so a frame never shows as done what is not on disk.
public protocol ScreenEffects {
    associatedtype Program: ScreenProgram

    /// Performs one effect the state asked for and reports the outcome to it; false when the effect ends the screen.
    /// `time` is the clock of the key that asked for it, and stamps what it writes.
    mutating func perform(_ effect: Program.Effect, on state: inout Program, at time: String) -> Bool
}
