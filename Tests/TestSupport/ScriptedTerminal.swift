import TerminalUI

/// A terminal that hands over scripted keys, then a SIGTERM, and keeps every frame it was asked to draw.
public final class ScriptedTerminal: Terminal {
    public var size: Size
    /// The keys not read yet.
    public private(set) var events: [TerminalEvent]
    public private(set) var frames: [Screen] = []
    private let onDraw: (Screen) -> Void

    /// `keys` in notation (`"j"`, `"<Enter>"`); `onDraw` sees each frame as it is drawn.
    public init(keys: [String], size: Size = Size(rows: 24, columns: 80), onDraw: @escaping (Screen) -> Void = { _ in })
    {
        events = keys.map { notation in
            guard let key = Key(notation: notation) else { fatalError("no key \(notation)") }
            return .key(key)
        }
        self.size = size
        self.onDraw = onDraw
    }

    public func draw(_ screen: Screen) {
        frames.append(screen)
        onDraw(screen)
    }

    public func nextEvent(timeout: Duration) -> TerminalEvent? {
        events.isEmpty ? .terminate(signal: 15) : events.removeFirst()
    }
    public func stop() {}

    /// The last frame's text, rows joined by newlines.
    public var lastFrame: String { frames.last?.lines.joined(separator: "\n") ?? "" }
}
