import TerminalUI
import ThematicCore

/// "Pick a code, see its excerpts": the coder's own excerpts carrying a code (or, for a category, any code under
/// it), in reading order, each with its review, section, first words and the coded spans' text.
enum CodeExcerptsView {
    static let firstWords = 8

    static func overlay(for codeID: String, in state: CodingScreenState) -> Overlay? {
        let codebook = state.codebook
        func counts(_ id: String) -> Bool { id == codeID || codebook.ancestors(of: id).contains(codeID) }
        var lines: [String] = []
        var targets: [String] = []
        for entry in state.entries {
            guard let decision = state.decisions[entry.id], let excerpt = state.corpus.excerpt(entry.id) else {
                continue
            }
            let applied = decision.codes.filter { counts($0.key) }
            guard !applied.isEmpty else { continue }
            lines.append(line(entry, excerpt: excerpt, spans: applied.values.flatMap(\.spans).sorted()))
            targets.append(entry.id)
        }
        guard !lines.isEmpty else { return nil }
        let name = state.tree.entry(codeID)?.code.name ?? codeID
        return Overlay(
            kind: .codeExcerpts(codeID: codeID),
            title: "\(codeID) \(name): \(lines.count) of your excerpts (Enter shows, Esc closes)",
            lines: lines, targets: targets)
    }

    /// `R1-2 R1 Findings: The school saw bruises. Nobody made… | "bruises"`
    static func line(_ entry: ExcerptEntry, excerpt: Excerpt, spans: [TextSpan]) -> String {
        let words = excerpt.text.split(whereSeparator: \.isWhitespace)
        let opening = words.prefix(firstWords).joined(separator: " ") + (words.count > firstWords ? "…" : "")
        var text = "\(entry.id) \(entry.reviewID) \(entry.section): \(opening)"
        let scalars = Array(excerpt.text.unicodeScalars)
        let quoted = spans.filter { $0.start < $0.end && $0.end <= scalars.count }
            .map { "\"" + String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) + "\"" }
        if !quoted.isEmpty { text += " | " + quoted.joined(separator: " ") }
        return text
    }
}
