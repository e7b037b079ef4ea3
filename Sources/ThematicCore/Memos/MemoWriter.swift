import CanonicalJSON

/// Writes a list of memos for reading (a text table, Markdown) or for analysis (CSV, JSON).
public enum MemoWriter {
    /// The columns every format shares, in order.
    static let headers = ["kind", "excerpt", "review", "code", "coder", "updated", "first_words", "memo"]

    static func fields(_ memo: Memo) -> [String] {
        [
            memo.kind.rawValue, memo.excerptID, memo.reviewID, memo.codeID ?? "", memo.coder, memo.updated,
            memo.firstWords, memo.text,
        ]
    }

    /// A heading line per memo (kind, excerpt, code, coder, when, the excerpt's first words), then the memo indented.
    public static func table(_ memos: [Memo]) -> String {
        var lines = ["\(memos.count) memo\(memos.count == 1 ? "" : "s")"]
        let short = memos.map { [$0.kind.rawValue, $0.excerptID, $0.codeID ?? "–", $0.coder, $0.updated] }
        let widths = (0..<5).map { column in short.map { $0[column].count }.max() ?? 0 }
        for (memo, row) in zip(memos, short) {
            lines.append("")
            let padded = zip(row, widths).map { $0 + String(repeating: " ", count: max(0, $1 - $0.count)) }
            lines.append(padded.joined(separator: "  ") + "  " + memo.firstWords)
            for line in memo.text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("    " + line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per memo with the `headers` columns.
    public static func delimited(
        _ memos: [Memo], dialect: DelimitedText.Dialect = .csv, byteOrderMark: Bool = false,
        neutralisingFormulas: Bool = false
    ) -> [UInt8] {
        var out = DelimitedText(dialect, byteOrderMark: byteOrderMark, neutralisingFormulas: neutralisingFormulas)
        out.line(headers)
        for memo in memos { out.line(fields(memo)) }
        return out.bytes
    }

    /// A heading per memo and its text as a quotation.
    public static func markdown(_ memos: [Memo], studyTitle: String) -> String {
        var lines = ["# Memos", "", "- study: " + MarkdownText.escape(studyTitle), "- memos: \(memos.count)"]
        for memo in memos {
            let on = memo.codeID.map { "\(memo.excerptID), \($0)" } ?? memo.excerptID
            lines += [
                "", "## " + MarkdownText.escape("\(on) by \(memo.coder) (\(memo.kind.rawValue) memo, \(memo.updated))"),
                "",
                "Excerpt: " + MarkdownText.escape(memo.firstWords), "",
            ]
            lines += memo.text.split(separator: "\n", omittingEmptySubsequences: false).map {
                "> " + MarkdownText.escape(String($0))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"kind": "thematic.memos", "memos": [...]}`, a coding memo's `code` present, an excerpt memo's left out.
    public static func json(_ memos: [Memo]) -> [UInt8] {
        CanonicalWriter.pretty(
            .object([
                ("kind", .string("thematic.memos")),
                ("schemaVersion", .int(1)),
                (
                    "memos",
                    .array(
                        memos.map { memo in
                            .record([
                                ("kind", .string(memo.kind.rawValue)), ("excerpt", .string(memo.excerptID)),
                                ("review", .string(memo.reviewID)), ("code", .optionalString(memo.codeID)),
                                ("coder", .string(memo.coder)), ("updated", .string(memo.updated)),
                                ("firstWords", .string(memo.firstWords)), ("memo", .string(memo.text)),
                            ])
                        })
                ),
            ]))
    }
}
