import Foundation

/// Reads the text layer of a PDF with poppler's `pdftotext -bbox-layout`: pages, blocks and lines in reading order
/// (poppler's own analysis, so columns read one after the other), with every word as printed: hyphens at line ends
/// are kept for `Hyphenation` to judge, unlike pdftotext's plain output, which joins "non-" + "mobile" blindly.
///
/// Poppler runs as its own process rather than linked in: a PDF that crashes or hangs the parser cannot take the
/// import (or a coder's screen) down with it, and the `thematic` binary needs no PDF library to start. Blocks are
/// paragraphs: a blank line goes between two blocks of a page, none between pages, where the layout's rules decide
/// whether a paragraph runs on. No OCR: a page without a text layer is reported, and a PDF without any is refused.
public enum PDFText {
    /// The Debian package that provides `pdftotext`.
    public static let package = "poppler-utils"

    /// Reads the PDF in `bytes`; `path` names it in messages.
    public static func read(_ bytes: [UInt8], path: String) throws(ImportProblem) -> SourceDocument {
        guard let tool = Subprocess.find("pdftotext") else {
            throw ImportProblem(file: path, reason: "reading a PDF needs poppler's pdftotext, which is not installed (Debian and Ubuntu: apt-get install \(package); macOS: brew install poppler)")
        }
        let result: Subprocess.Result
        do { result = try Subprocess.run(tool, ["-bbox-layout", "-enc", "UTF-8", "-eol", "unix", "-", "-"], input: bytes) } catch {
            throw ImportProblem(file: path, reason: "cannot run pdftotext: \(error)")
        }
        let complaint = result.standardError.split(separator: "\n").first.map(String.init)
        switch result.status {
        case 0: break
        case 1 where result.standardError.contains("password"):
            throw ImportProblem(file: path, reason: "the PDF is encrypted (it needs a password to open); save a copy without a password and import that")
        case 3:
            throw ImportProblem(file: path, reason: "the PDF's permissions forbid copying its text; save a copy without restrictions and import that")
        default:
            throw ImportProblem(file: path, reason: "not a readable PDF (damaged, truncated or another kind of file)\(complaint.map { ": pdftotext says \"\($0)\"" } ?? "")")
        }
        var document = parse(result.output)
        guard let pages = document.pageCount, pages > 0 else {
            throw ImportProblem(file: path, reason: "not a readable PDF: pdftotext found no pages in it")
        }
        if document.pagesWithoutText.count == pages {
            throw ImportProblem(file: path, reason: "the PDF has no text layer (\(pages == 1 ? "its page is" : "all \(pages) pages are") images, as in a scanned document); Thematic reads the text layer only: run OCR on it first (for example ocrmypdf) and import the result")
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
        var blocksOnPage = 0
        var words: [String] = []
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            let nameStart = index + 1
            var nameEnd = nameStart
            while nameEnd < count, bytes[nameEnd] != UInt8(ascii: " "), bytes[nameEnd] != UInt8(ascii: ">") { nameEnd += 1 }
            guard let close = bytes[nameEnd...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let name = bytes[nameStart..<nameEnd]
            if name.elementsEqual("word".utf8) {
                let textStart = close + 1
                let textEnd = bytes[textStart...].firstIndex(of: UInt8(ascii: "<")) ?? count
                words.append(decodeEntities(bytes[textStart..<textEnd]))
                index = textEnd
                continue
            } else if name.elementsEqual("/line".utf8) {
                if !words.isEmpty {
                    lines.append(SourceLine(words.joined(separator: " "), page: page))
                    pageHasText = true
                }
                words.removeAll(keepingCapacity: true)
            } else if name.elementsEqual("block".utf8) {
                if blocksOnPage > 0 { lines.append(SourceLine("", page: page)) }
                blocksOnPage += 1
            } else if name.elementsEqual("page".utf8) {
                if page > 0, !pageHasText { pagesWithoutText.append(page) }
                page += 1
                pageHasText = false
                blocksOnPage = 0
            } else if name.elementsEqual("title".utf8) {
                let textStart = close + 1
                let textEnd = bytes[textStart...].firstIndex(of: UInt8(ascii: "<")) ?? count
                title = decodeEntities(bytes[textStart..<textEnd]).trimmingSpaces()
                index = textEnd
                continue
            }
            index = close + 1
        }
        if page > 0, !pageHasText { pagesWithoutText.append(page) }
        return SourceDocument(lines: lines, title: title.flatMap { $0.isEmpty ? nil : $0 }, pagesWithoutText: pagesWithoutText, pageCount: page)
    }

    /// "untitled", "Microsoft Word - Child M final.docx", "Slide 1": metadata that is not the report's title.
    static func isPlaceholderTitle(_ title: String) -> Bool {
        let lower = title.lowercased()
        return lower == "untitled" || lower.hasPrefix("microsoft word") || lower.hasSuffix(".docx") || lower.hasSuffix(".doc")
            || lower.hasSuffix(".pdf") || lower.hasSuffix(".indd") || !title.contains(where: \.isLetter)
    }

    private static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
