import Foundation

/// Reads plain text or Markdown into lines for `ReportLayout`.
///
/// Plain text: every line as it is; a form feed (which `pdftotext` and some exports put between pages) starts a new
/// page, so a text with form feeds has pages. Markdown: `#` lines are headings of their level; everything else is
/// a line.
public enum TextDocument {
    public enum Markup: Sendable, Equatable {
        case plainText
        case markdown
    }

    public static func read(_ text: String, markup: Markup) -> SourceDocument {
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        let paged = pages.count > 1
        var lines: [SourceLine] = []
        for (index, page) in pages.enumerated() {
            let number = paged ? index + 1 : nil
            for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
                if markup == .markdown, let (level, heading) = markdownHeading(line) {
                    lines.append(SourceLine(heading, page: number, role: .heading(level: level)))
                } else {
                    lines.append(SourceLine(expandingTabs(line), page: number))
                }
            }
        }
        // The last page of a `pdftotext` text ends with a form feed: nothing follows it.
        while paged, let last = lines.last, last.text.allSatisfy(\.isWhitespace), last.page == pages.count {
            lines.removeLast()
        }
        return SourceDocument(lines: lines, pageCount: paged ? lines.last?.page : nil)
    }

    /// A tab between a contents entry and its page number stays a separator: it becomes a space like any other.
    private static func expandingTabs(_ line: Substring) -> String {
        line.contains("\t") ? line.replacingOccurrences(of: "\t", with: " ") : String(line)
    }

    private static func markdownHeading(_ line: Substring) -> (Int, String)? {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count <= 3 else { return nil }
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var heading = rest.trimmingCharacters(in: .whitespaces)
        while heading.hasSuffix("#") { heading.removeLast() }
        return (hashes, heading.trimmingCharacters(in: .whitespaces))
    }
}
