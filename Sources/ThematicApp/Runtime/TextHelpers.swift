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
}
