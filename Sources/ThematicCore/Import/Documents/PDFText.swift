import Foundation

/// Reads the text layer of a PDF with poppler's `pdftotext -bbox-layout`: pages, blocks and lines in reading order
/// (poppler's own analysis, so columns read one after the other), with every word as printed: hyphens at line ends
/// are kept for `Hyphenation` to judge, unlike pdftotext's plain output, which joins "non-" + "mobile" blindly.
/// Poppler's blocks are not paragraphs (it often puts a paragraph's last line in a block of its own), so paragraph
/// breaks come from the lines' positions: a blank line goes where the distance from one line to the next is over a
/// third more than the page's usual line pitch, or where the text moves up the page (the next column).
///
/// Poppler runs as its own process rather than linked in: a PDF that crashes or hangs the parser cannot take the
/// import (or a coder's screen) down with it, and the `thematic` binary needs no PDF library to start. Blocks are
/// No blank line goes between pages: the layout's rules decide whether a paragraph runs on. No OCR: a page without a
/// text layer is reported, and a PDF without any is refused.
public enum PDFText {
    /// The Debian package that provides `pdftotext`.
    public static let package = "poppler-utils"

    /// Reads the PDF in `bytes`; `path` names it in messages.
    public static func read(_ bytes: [UInt8], path: String) throws(ImportProblem) -> SourceDocument {
        guard let tool = Subprocess.find("pdftotext") else {
            throw ImportProblem(
                file: path,
                reason:
                    "reading a PDF needs poppler's pdftotext, which is not installed (Debian and Ubuntu: apt-get install \(package); macOS: brew install poppler)"
            )
        }
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(
                tool, ["-bbox-layout", "-enc", "UTF-8", "-eol", "unix", "-", "-"], input: bytes)
        } catch {
            throw ImportProblem(file: path, reason: "cannot run pdftotext: \(error)")
        }
        let complaint = result.standardError.split(separator: "\n").first.map(String.init)
        switch result.status {
        case 0: break
        case 1 where result.standardError.contains("password"):
            throw ImportProblem(
                file: path,
                reason:
                    "the PDF is encrypted (it needs a password to open); save a copy without a password and import that"
            )
        case 3:
            throw ImportProblem(
                file: path,
                reason:
                    "the PDF's permissions forbid copying its text; save a copy without restrictions and import that")
        default:
            throw ImportProblem(
                file: path,
                reason:
                    "not a readable PDF (damaged, truncated or another kind of file)\(complaint.map { ": pdftotext says \"\($0)\"" } ?? "")"
            )
        }
        var document = parse(result.output)
        guard let pages = document.pageCount, pages > 0 else {
            throw ImportProblem(file: path, reason: "not a readable PDF: pdftotext found no pages in it")
        }
        if document.pagesWithoutText.count == pages {
            throw ImportProblem(
                file: path,
                reason:
                    "the PDF has no text layer (\(pages == 1 ? "its page is" : "all \(pages) pages are") images, as in a scanned document); Thematic reads the text layer only: run OCR on it first (for example ocrmypdf) and import the result"
            )
        }
        if document.title.map(isPlaceholderTitle) ?? false { document.title = nil }
        return document
    }

    /// The document in `pdftotext -bbox-layout` XHTML: its title, and a line per `<line>` with its page.
    static func parse(_ bytes: [UInt8]) -> SourceDocument {
        var lines: [SourceLine] = []
        var title: String?
        var page = 0
        var pagesWithoutText: [Int] = []
        var pageHasText = false
        // The line's words as printed, a space between, decoded once the line ends.
        var lineBytes: [UInt8] = []
        var lineWords = 0
        var lineTop = 0.0
        var lineBottom = 0.0
        var lineLeft = 0.0
        var lineRight = 0.0
        var pageLines: [PageLine] = []
        func endPage() {
            lines += PageLine.sourceLines(pageLines, page: page)
            pageLines.removeAll()
        }
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let nameStart = index + 1
            var nameEnd = nameStart
            while nameEnd < count, bytes[nameEnd] != UInt8(ascii: " "), bytes[nameEnd] != UInt8(ascii: ">") {
                nameEnd += 1
            }
            guard let close = bytes[nameEnd...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let name = bytes[nameStart..<nameEnd]
            if name.elementsEqual("word".utf8) {
                let textStart = close + 1
                let textEnd = bytes[textStart...].firstIndex(of: UInt8(ascii: "<")) ?? count
                if lineWords > 0 { lineBytes.append(UInt8(ascii: " ")) }
                lineBytes.append(contentsOf: bytes[textStart..<textEnd])
                lineWords += 1
                index = textEnd
                continue
            } else if name.elementsEqual("line".utf8) {
                lineTop = attribute("yMin", in: bytes[nameEnd..<close]) ?? 0
                lineBottom = attribute("yMax", in: bytes[nameEnd..<close]) ?? 0
                lineLeft = attribute("xMin", in: bytes[nameEnd..<close]) ?? 0
                lineRight = attribute("xMax", in: bytes[nameEnd..<close]) ?? 0
            } else if name.elementsEqual("/line".utf8) {
                if lineWords > 0 {
                    let line = PageLine(
                        text: decodeEntities(lineBytes[...]), top: lineTop, bottom: lineBottom, left: lineLeft,
                        right: lineRight)
                    if let previous = pageLines.last, let joined = previous.joined(with: line) {
                        pageLines[pageLines.count - 1] = joined
                    } else {
                        pageLines.append(line)
                    }
                    pageHasText = true
                }
                lineBytes.removeAll(keepingCapacity: true)
                lineWords = 0
            } else if name.elementsEqual("page".utf8) {
                endPage()
                if page > 0, !pageHasText { pagesWithoutText.append(page) }
                page += 1
                pageHasText = false
            } else if name.elementsEqual("title".utf8) {
                let textStart = close + 1
                let textEnd = bytes[textStart...].firstIndex(of: UInt8(ascii: "<")) ?? count
                title = decodeEntities(bytes[textStart..<textEnd]).trimmingSpaces()
                index = textEnd
                continue
            }
            index = close + 1
        }
        endPage()
        if page > 0, !pageHasText { pagesWithoutText.append(page) }
        return SourceDocument(
            lines: lines, title: title.flatMap { $0.isEmpty ? nil : $0 }, pagesWithoutText: pagesWithoutText,
            pageCount: page)
    }

    /// The number in `name="12.5"` inside a tag's attributes.
    private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> Double? {
        let key = Array(" \(name)=\"".utf8)
        guard let start = tag.indices.first(where: { tag[$0...].starts(with: key) }) else { return nil }
        let valueStart = start + key.count
        guard let end = tag[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return Double(String(decoding: tag[valueStart..<end], as: UTF8.self))
    }

    /// "untitled", "Microsoft Word - Child M final.docx", "Slide 1": metadata that is not the report's title.
    static func isPlaceholderTitle(_ title: String) -> Bool {
        let lower = title.lowercased()
        return lower == "untitled" || lower.hasPrefix("microsoft word") || lower.hasSuffix(".docx")
            || lower.hasSuffix(".doc")
            || lower.hasSuffix(".pdf") || lower.hasSuffix(".indd") || !title.contains(where: \.isLetter)
    }

    private static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        // Looked for in the bytes: String's `contains` with a string goes through Foundation, a large share of the
        // whole parse.
        guard bytes.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
