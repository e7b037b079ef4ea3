extension String {
    /// The string without leading and trailing white space (the module does without Foundation).
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// The string padded with spaces to `count` characters.
    func padded(to count: Int) -> String {
        self.count >= count ? self : self + String(repeating: " ", count: count - self.count)
    }
}
