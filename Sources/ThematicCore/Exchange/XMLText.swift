/// Writing XML by hand: escaping text and attribute values, and building an indented document.
struct XMLText {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    private var depth = 0

    mutating func open(_ name: String, _ attributes: [(String, String?)] = [], empty: Bool = false) {
        text += String(repeating: "  ", count: depth) + "<" + name
        for (key, value) in attributes {
            guard let value else { continue }
            text += " \(key)=\"\(MarkupText.escaped(value))\""
        }
        text += empty ? "/>\n" : ">\n"
        if !empty { depth += 1 }
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += String(repeating: "  ", count: depth) + "</\(name)>\n"
    }

    /// `<name>text</name>` on one line (line breaks in the text kept as character references).
    mutating func element(_ name: String, _ content: String) {
        text += String(repeating: "  ", count: depth) + "<\(name)>\(MarkupText.escaped(content))</\(name)>\n"
    }

    /// An XML comment; `--` cannot appear inside one, so the payload must not contain it.
    mutating func comment(_ content: String) {
        precondition(!content.contains("--"), "an XML comment cannot contain --")
        text += String(repeating: "  ", count: depth) + "<!-- \(content) -->\n"
    }
}
