/// A key the application reacts to, as data, so key tables, tests and the help screen can name keys.
///
/// Keys have a string notation used by key tables and tests: a single character (`"j"`, `"?"`, `"é"`),
/// `"C-n"` for ctrl+letter, and names in angle brackets: `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`,
/// `<Home>`, `<End>`, `<Enter>`, `<Tab>`, `<S-Tab>`, `<BS>`, `<Del>`, `<Esc>`, `<Space>`, `<lt>` (for `<`) and
/// `<F1>` ... `<F12>`. Names are case-insensitive.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl held with a letter, stored lower-case (`.ctrl("c")` is Ctrl-C, which arrives as a key in raw mode).
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, escape
    /// F1 to F12.
    case function(Int)
    /// The terminal changed size; the app lays out again for the new size.
    case resize(Size)

    private static let namedKeys: [(name: String, key: Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
        ("Enter", .enter), ("Tab", .tab), ("S-Tab", .backTab), ("BS", .backspace), ("Del", .delete),
        ("Esc", .escape), ("Space", .character(" ")), ("lt", .character("<")),
    ]

    /// Parses key notation; nil when `notation` names no key.
    public init?(notation: String) {
        if notation.count == 1, let character = notation.first {
            self = .character(character)
            return
        }
        var body = Substring(notation)
        if body.hasPrefix("<") && body.hasSuffix(">") && body.count > 2 {
            body = body.dropFirst().dropLast()
        }
        if body.count == 3, body.lowercased().hasPrefix("c-"), let letter = body.last?.lowercased().first,
            letter.isASCII, letter.isLetter
        {
            self = .ctrl(letter)
            return
        }
        let name = body.lowercased()
        if let named = Key.namedKeys.first(where: { $0.name.lowercased() == name }) {
            self = named.key
            return
        }
        if name.hasPrefix("f"), let number = Int(name.dropFirst()), (1...12).contains(number) {
            self = .function(number)
            return
        }
        return nil
    }

    /// The key in notation, as the help screen shows it; `Key(notation: key.notation) == key` for every key but
    /// `resize`, which is an event rather than something a user types.
    public var notation: String {
        switch self {
        case .character(" "): return "<Space>"
        case .character("<"): return "<lt>"
        case .character(let character): return String(character)
        case .ctrl(let letter): return "C-\(letter)"
        case .function(let number): return "<F\(number)>"
        case .resize: return "<Resize>"
        default:
            let name = Key.namedKeys.first(where: { $0.key == self })?.name ?? "?"
            return "<\(name)>"
        }
    }
}
