/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some, a tab or a carriage return) as a
/// formula, so an excerpt's text could open a link or run a command when a CSV file is opened in Excel or
/// LibreOffice (OWASP's "CSV injection"). In files meant for a spreadsheet such a cell starts with a single quote,
/// which makes it text; plain numbers like `-0.25` are left as they are, so they stay numbers. Files for R and
/// pandas keep every cell raw.
public enum SpreadsheetCell {
    /// `text` as a spreadsheet shows it as text: with a leading `'` when it would be read as a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            !isPlainNumber(text)
        else { return text }
        return "'" + text
    }

    /// A decimal number with an optional sign, fraction and exponent, such as `-0.25`, `+3` or `1e-05`.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = text.utf8[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        let mantissa = digits.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
        let parts = mantissa.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }), parts.allSatisfy(\.allDigits) else {
            return false
        }
        guard mantissa.count < digits.count else { return true }
        var exponent = digits.dropFirst(mantissa.count + 1)
        if let sign = exponent.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            exponent = exponent.dropFirst()
        }
        return !exponent.isEmpty && exponent.allDigits
    }
}

extension Collection<UInt8> {
    fileprivate var allDigits: Bool { allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
}
