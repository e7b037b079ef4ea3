/// Writes retrieved excerpts for reading (terminal text, Markdown) or for analysis (CSV, TSV).
public enum RetrievalWriter {
    /// How coded passages are marked in terminal text: brackets by default, or terminal attributes on a screen.
    public struct Marks: Sendable, Equatable {
        public var open: String
        public var close: String

        public init(open: String, close: String) {
            self.open = open
            self.close = close
        }

        public static let brackets = Marks(open: "[[", close: "]]")
        /// Reverse video, for a terminal.
        public static let reverseVideo = Marks(open: "\u{1B}[7m", close: "\u{1B}[27m")
    }

    /// Plain text: a heading line per excerpt (excerpt, review, section, page when known), its matching codes, then the
    /// text with the coded passages marked.
    public static func text(
        _ found: [RetrievedExcerpt], query: ExcerptQuery, study: Study, source: CodingSource,
        marks: Marks = .brackets
    ) -> String {
        var lines = [
            "\(found.count) excerpt\(found.count == 1 ? "" : "s") \(query.criteria) (source: \(source.description(in: study)))"
        ]
        for item in found {
            lines.append("")
            lines.append(
                "\(item.excerpt.id)  \(item.review.id) \(item.review.title)  ·  \(item.excerpt.sectionAndPage(separator: "  ·  "))"
            )
            lines.append("codes: " + codeList(item, study))
            if let link = item.review.source { lines.append("review source: \(link)") }
            lines.append(item.pieces.map { $0.coded ? marks.open + $0.text + marks.close : $0.text }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown: a heading per excerpt (with its page when known), its codes, and the text as a quotation with the
    /// coded passages in bold.
    public static func markdown(_ found: [RetrievedExcerpt], query: ExcerptQuery, study: Study, source: CodingSource)
        -> String
    {
        var lines = [
            "# " + MarkdownText.escape("Excerpts " + query.criteria), "",
            "- study: " + MarkdownText.escape(study.manifest.title),
            "- source: " + MarkdownText.escape(source.description(in: study)),
            "- excerpts found: \(found.count)",
        ]
        for item in found {
            lines.append("")
            lines.append(
                "## "
                    + MarkdownText.escape(
                        "\(item.excerpt.id): \(item.review.title) (\(item.review.id)), \(item.excerpt.sectionAndPage(separator: ", "))"
                    ))
            lines.append("")
            lines.append("Codes: " + MarkdownText.escape(codeList(item, study)))
            if let link = item.review.source {
                lines.append("")
                lines.append("Review source: <\(link.replacingAll(">", with: "%3E"))>")
            }
            lines.append("")
            lines.append(
                "> "
                    + item.pieces.map {
                        $0.coded ? "**" + MarkdownText.escape($0.text) + "**" : MarkdownText.escape($0.text)
                    }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per excerpt: ids, review, section, page, matching codes, the coded passages and the whole text.
    ///
    /// The page column is always there, empty when the source has no pages, so scripts read every study alike.
    public static func delimited(
        _ found: [RetrievedExcerpt], dialect: DelimitedText.Dialect, byteOrderMark: Bool = false,
        neutralisingFormulas: Bool = false
    ) -> [UInt8] {
        var out = DelimitedText(dialect, byteOrderMark: byteOrderMark, neutralisingFormulas: neutralisingFormulas)
        out.line([
            "excerpt", "review", "review_title", "section", "page", "codes", "other_codes", "coded_text", "text",
            "review_source",
        ])
        for item in found {
            out.line([
                item.excerpt.id, item.review.id, item.review.title, item.excerpt.section, item.excerpt.pageField,
                item.matchedCodes.joined(separator: ";"), item.otherCodes.joined(separator: ";"),
                item.codedText, item.excerpt.text, item.review.source ?? "",
            ])
        }
        return out.bytes
    }

    /// "A3 Name (characters 285-470); A1 Name (whole excerpt)"; also other codes.
    static func codeList(_ item: RetrievedExcerpt, _ study: Study) -> String {
        let names = study.codebook.codesByID
        let matched = item.matchedCodes.map { id in
            let spans = item.matched[id]!
            let extent =
                spans.isEmpty
                ? "whole excerpt" : "characters " + spans.map { "\($0.start)-\($0.end)" }.joined(separator: ", ")
            return "\(id) \(names[id]?.name ?? id) (\(extent))"
        }
        return matched.joined(separator: "; ")
            + (item.otherCodes.isEmpty ? "" : "; also " + item.otherCodes.joined(separator: ", "))
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
