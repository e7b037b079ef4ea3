/// The lines an import prints about what it read: what was removed from a document, and each excerpt at a glance.
public enum ImportReport {
    /// "removed 38 page numbers, 37 running headers, 12 contents lines; 2 passages over 2500 characters cut at
    /// sentence ends", or nil when nothing was removed or cut.
    public static func removals(_ layout: ImportedReview.LayoutSummary, maximumLength: Int?) -> String? {
        var parts: [String] = []
        let counts = Dictionary(grouping: layout.removed, by: \.reason)
        let removed = LaidOutReport.Reason.allCases.compactMap { reason -> String? in
            guard let count = counts[reason]?.count else { return nil }
            return "\(count) \(reason.rawValue)\(count == 1 ? "" : "s")"
        }
        if !removed.isEmpty { parts.append("removed " + removed.joined(separator: ", ")) }
        if layout.cutPassages > 0, let maximumLength {
            parts.append(
                "\(layout.cutPassages) passage\(layout.cutPassages == 1 ? "" : "s") over \(maximumLength) characters cut at sentence ends"
            )
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `R01-004  p. 3  "3. Key practice episodes"  412 chars  "A strategy discussion was not convened…"`.
    public static func line(_ excerpt: Excerpt) -> String {
        let scalars = excerpt.text.unicodeScalars
        let flat = String(String.UnicodeScalarView(scalars.prefix(60).map { $0 == "\n" ? " " : $0 }))
        let start = scalars.count > 60 ? flat + "…" : flat
        return
            "\(excerpt.id)  \(excerpt.page.map { "p. \($0)" } ?? "-")  \"\(excerpt.section)\"  \(scalars.count) chars  \"\(start)\""
    }
}
