import TerminalUI

/// A screen's help overlay as state: hidden, or shown from a line of its `HelpDocument` on, perhaps with a search
/// being typed. It opens on the section of the keys that work where the user pressed `?`.
public struct HelpScroll: Equatable, Sendable {
    /// Nil when the help is hidden; otherwise its first shown line.
    public private(set) var offset: Int?
    /// The search being typed after `/`; nil when none is.
    public private(set) var query: String?
    /// The last search confirmed with Enter, which `n` and `N` look for again.
    public private(set) var search = ""
    /// What the last key could not do (a search that matched nothing); cleared by the next key.
    public private(set) var notice: String?

    public init() {}

    public var isShown: Bool { offset != nil }

    /// Shows the help of `table` on a screen of `size`, from the section of `context`'s keys.
    mutating func show<Context, Action>(at context: Context, of table: KeyTable<Context, Action>, size: Size) {
        let document = HelpLayout(table, size: size).document
        offset = document.sections.first { $0.title == context.rawValue }?.line ?? 0
        query = nil
        notice = nil
    }

    /// Keeps the section at the top in view when the screen changes from `old` to `new` size (the lines rewrap).
    mutating func resize<Context, Action>(of table: KeyTable<Context, Action>, from old: Size, to new: Size) {
        guard let offset else { return }
        let before = HelpLayout(table, size: old).document, after = HelpLayout(table, size: new).document
        let section = before.section(containing: offset).map { before.sections[$0].title }
        self.offset = after.sections.first { $0.title == section }?.line ?? 0
    }

    /// Answers `key` while the help of `table` is shown on a screen of `size`: j/k and the arrows scroll a line,
    /// Space and PgDn/PgUp a page, g/G go to the top or the end, a digit to its section, `/` types a search that
    /// `n`/`N` repeat, and q, Esc or ? close it. Any other key does nothing.
    mutating func handle<Context, Action>(_ key: Key, of table: KeyTable<Context, Action>, size: Size) {
        let layout = HelpLayout(table, size: size)
        let document = layout.document
        notice = nil
        if let typed = query {
            typeSearch(key, typed: typed, in: document)
            return
        }
        let from = offset ?? 0
        let last = max(0, document.lines.count - 1), page = max(1, layout.body.rows - 1)
        switch key {
        case .character("j"), .down: offset = min(from + 1, last)
        case .character("k"), .up: offset = max(0, from - 1)
        case .pageDown, .character(" "): offset = min(from + page, last)
        case .pageUp: offset = max(0, from - page)
        case .character("g"), .home: offset = 0
        case .character("G"), .end: offset = max(0, document.lines.count - layout.body.rows)
        case .character("/"): query = ""
        case .character("n"): find(search, in: document, from: from + 1, step: 1)
        case .character("N"): find(search, in: document, from: from - 1, step: -1)
        case .character("q"), .character("?"), .escape: offset = nil
        case .character(let digit):
            guard let number = digit.wholeNumberValue, document.sections.indices.contains(number - 1) else { break }
            offset = document.sections[number - 1].line
        default: break
        }
    }

    private mutating func typeSearch(_ key: Key, typed: String, in document: HelpDocument) {
        switch key {
        case .enter:
            query = nil
            guard !typed.isEmpty else { return }
            search = typed
            find(typed, in: document, from: offset ?? 0, step: 1)
        case .escape: query = nil
        case .backspace: query = String(typed.dropLast())
        case .character(let character): query = typed + String(character)
        default: break
        }
    }

    private mutating func find(_ text: String, in document: HelpDocument, from start: Int, step: Int) {
        guard !text.isEmpty else {
            notice = "/ types a search first"
            return
        }
        guard let line = document.line(matching: text, from: start, step: step) else {
            notice = "no key's words contain \"\(text)\""
            return
        }
        offset = line
    }

    /// The status line's answer to a key bound to nothing where it was pressed.
    static func unbound(_ key: Key) -> String {
        "\(key.notation) does nothing here; ? shows the keys"
    }
}
