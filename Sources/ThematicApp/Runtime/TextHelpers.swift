import TerminalUI

extension String {
    /// The string without leading and trailing white space (the module does without Foundation).
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The string padded with spaces to `width` terminal columns (a wide character takes two).
    func padded(to width: Int) -> String { DisplayWidth.padRight(self, toWidth: width) }

    /// The string wrapped to `width` columns, every line after the first indented by `indent` columns (at most
    /// half the width, so the words keep room).
    func wrapped(toWidth width: Int, hangingIndent indent: Int) -> [String] {
        let width = max(1, width)
        let pieces = TextWrap.wrap(self, width: width)
        guard let first = pieces.first else { return [""] }
        let rest = String(unicodeScalars.dropFirst(first.range.upperBound)).trimmed
        guard !rest.isEmpty else { return [first.text] }
        let indent = min(max(0, indent), width / 2)
        let margin = String(repeating: " ", count: indent)
        return [first.text] + TextWrap.wrap(rest, width: max(1, width - indent)).map { margin + $0.text }
    }
}
