/// Escaping text for HTML and XML alike: the study report, the codebook document and the REFI-QDA export all write
/// their text through this one function.
enum MarkupText {
    /// `&`, `<`, `>` and both quotes as references; line breaks and tabs as character references (so an attribute
    /// value keeps them, and HTML shows them as before); the control characters XML 1.0 forbids dropped.
    static func escaped(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\n": escaped += "&#10;"
            case "\r": escaped += "&#13;"
            case "\t": escaped += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
