/// Turns a file's bytes into text fit to split: UTF-8 (a byte order mark is dropped), not binary, not empty,
/// with every line break as "\n".
public enum ImportedText {
    public static func decode(_ bytes: [UInt8], file: String) throws(ImportProblem) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw ImportProblem(
                file: file, line: 1, reason: "the file is UTF-16 text; save it as UTF-8 and import it again")
        }
        if let zero = body.firstIndex(of: 0) {
            throw ImportProblem(
                file: file, line: lineNumber(of: zero, in: body),
                reason:
                    "the file holds NUL bytes, so it is binary; a PDF or Word report must be named .pdf or .docx (or given --format pdf or docx), other files saved as plain text (UTF-8)"
            )
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            var line = 1
            for chunk in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if String(validating: chunk, as: UTF8.self) == nil { break }
                line += 1
            }
            throw ImportProblem(
                file: file, line: line,
                reason: "not valid UTF-8 text (saved as Windows-1252 or Latin-1?); save it as UTF-8 and import it again"
            )
        }
        guard body.contains(where: { !(0x09...0x0D).contains($0) && $0 != 0x20 }) else {
            throw ImportProblem(file: file, reason: "the file is empty: there is no text to import")
        }
        guard body.contains(0x0D) else { return text }
        var lines: [UInt8] = []
        lines.reserveCapacity(body.count)
        for (index, byte) in zip(body.indices, body) {
            if byte != 0x0D {
                lines.append(byte)
            } else if index + 1 == body.endIndex || body[index + 1] != 0x0A {
                lines.append(0x0A)
            }
        }
        return String(decoding: lines, as: UTF8.self)
    }

    private static func lineNumber(of index: Int, in bytes: ArraySlice<UInt8>) -> Int {
        1 + bytes[..<index].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
