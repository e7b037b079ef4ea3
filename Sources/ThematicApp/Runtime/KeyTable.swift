import TerminalUI

/// Where in a screen a key binding applies (a pane, "anywhere", or a prompt being typed).
public protocol KeyContextKind: CaseIterable, Hashable, Sendable, RawRepresentable
where RawValue == String, AllCases == [Self] {
    /// The contexts looked up for a key pressed here, first match wins: usually the context itself, then "anywhere";
    /// a prompt only itself, so typed letters are text.
    var lookup: [Self] { get }
}

/// One row of a key table: the keys, where they work, what they do, and the words the help screen shows.
public struct KeyBinding<Context: KeyContextKind, Action: Hashable & Sendable>: Sendable {
    /// Key notations (see `Key`), all doing the same thing.
    public var keys: [String]
    public var context: Context
    public var action: Action
    public var description: String
    /// How the keys are shown when listing each one would be noise (the ten digits).
    public var label: String

    public init(_ keys: [String], _ context: Context, _ action: Action, _ description: String, label: String? = nil) {
        self.keys = keys
        self.context = context
        self.action = action
        self.description = description
        self.label = label ?? keys.joined(separator: " ")
    }
}

/// A screen's one table of key bindings. Its key handler, its help overlay and the README's key list all read it.
public struct KeyTable<Context: KeyContextKind, Action: Hashable & Sendable>: Sendable {
    public let bindings: [KeyBinding<Context, Action>]
    /// A closing remark for the help and the README (nil: none).
    public let footnote: String?

    public init(_ bindings: [KeyBinding<Context, Action>], footnote: String? = nil) {
        self.bindings = bindings
        self.footnote = footnote
    }

    /// The action `key` triggers in `context`, trying `context.lookup` in order.
    public func action(for key: Key, in context: Context) -> Action? {
        for place in context.lookup {
            for binding in bindings
            where binding.context == place && binding.keys.contains(where: { Key(notation: $0) == key }) {
                return binding.action
            }
        }
        return nil
    }

    /// Every key the table uses.
    public var boundKeys: Set<Key> { Set(bindings.flatMap { $0.keys.compactMap { Key(notation: $0) } }) }

    /// The key list as Markdown, for the README (between the screen's `<!-- keys…:begin -->` and `:end -->` markers).
    public var markdown: String {
        var text = ""
        for context in Context.allCases {
            let rows = bindings.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            text += "\n**\(context.rawValue)**\n\n| Keys | Action |\n|---|---|\n"
            for binding in rows {
                let keys = binding.label.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
                text += "| \(keys) | \(binding.description) |\n"
            }
        }
        if let footnote { text += "\n\(footnote)\n" }
        return text
    }

    /// Problems a table must not have: a key notation that does not parse, or one key bound twice in one context.
    public var problems: [String] {
        var problems: [String] = []
        for binding in bindings {
            for key in binding.keys where Key(notation: key) == nil { problems.append("\(key) does not parse") }
        }
        for context in Context.allCases {
            let keys = bindings.filter { $0.context == context }.flatMap(\.keys).compactMap { Key(notation: $0) }
            if Set(keys).count != keys.count { problems.append("a key is bound twice in \(context.rawValue)") }
        }
        return problems
    }
}

/// Every screen's key list as Markdown, by the screen's name (`thematic keys --screen NAME`; the README has each
/// between `<!-- keys:NAME:begin -->` and `<!-- keys:NAME:end -->`).
public enum ScreenKeys {
    public static let markdown: [(screen: String, markdown: String)] = [
        ("coding", CodingKeymap.table.markdown),
        ("codebook", CodebookKeymap.table.markdown),
        ("agreement", AgreementKeymap.table.markdown),
        ("reconcile", ReconcileKeymap.table.markdown),
    ]
}
