/// A minimal PDF writer for generated benchmark documents: A4 pages of ASCII text lines in the standard Helvetica
/// fonts (no embedding, WinAnsiEncoding), uncompressed content streams, and an exact cross-reference table, so
/// poppler reads the file as it reads a real report, without "Syntax Error" complaints.
///
///     var pdf = BenchPDF(title: "Child R1001")
///     pdf.addPage([.init(text: "1. Introduction", x: 57, y: 770, size: 11, bold: true)])
///     let bytes = pdf.bytes()
struct BenchPDF {
    /// One line of text, its baseline starting at (`x`, `y`) in points from the page's bottom-left corner.
    struct Line {
        var text: String
        var x: Double
        var y: Double
        var size: Double = 11
        var bold = false
    }

    static let pageWidth = 595
    static let pageHeight = 842

    /// The document's Title in its information dictionary, which pdftotext reports.
    var title: String
    private var pages: [[Line]] = []

    init(title: String) {
        self.title = title
    }

    mutating func addPage(_ lines: [Line]) {
        pages.append(lines)
    }

    /// The whole file. Objects: 1 catalog, 2 page tree, 3 Helvetica, 4 Helvetica-Bold, 5 information, then a page
    /// and its content stream for each page.
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pages.count * 5_000)
        var offsets: [Int] = []
        func append(_ text: String) { out.append(contentsOf: text.utf8) }
        func object(_ body: String) {
            offsets.append(out.count)
            append("\(offsets.count) 0 obj\n\(body)\nendobj\n")
        }
        // A binary comment line after the header tells tools the file is binary, as real writers do.
        append("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n")
        let kids = pages.indices.map { "\(6 + 2 * $0) 0 R" }.joined(separator: " ")
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        object("<< /Title (\(Self.escaped(title))) /Producer (thematic-bench) >>")
        for (index, lines) in pages.enumerated() {
            let contents = 7 + 2 * index
            object(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.pageWidth) \(Self.pageHeight)] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(contents) 0 R >>"
            )
            let stream = lines.map { line in
                "BT /\(line.bold ? "F2" : "F1") \(Self.number(line.size)) Tf \(Self.number(line.x)) \(Self.number(line.y)) Td (\(Self.escaped(line.text))) Tj ET\n"
            }.joined()
            // The length counts the stream's bytes, the end-of-line before `endstream` excluded; the text is ASCII.
            object("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        let xref = out.count
        // Every entry is exactly 20 bytes: ten-digit offset, space, five-digit generation, space, type, space, newline.
        append("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n")
        for offset in offsets { append(Self.padded(offset, 10) + " 00000 n \n") }
        append("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(xref)\n%%EOF\n")
        return out
    }

    /// A PDF literal string's content: backslash and parentheses escaped; the text must be ASCII.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\\" || character == "(" || character == ")" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Points with at most two decimals, never in exponent notation.
    private static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = "\(hundredths / 100)"
        let fraction = abs(hundredths % 100)
        return fraction == 0 ? whole : whole + "." + padded(fraction, 2)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = "\(value)"
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
