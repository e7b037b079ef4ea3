import TerminalUI

/// A key table as the help overlay shows it: one section per context, each binding's words wrapped to the width
/// under a hanging indent, so nothing is cut however narrow the window.
struct HelpDocument: Equatable {
    struct Line: Equatable {
        var text: String
        var isHeading = false
        /// The whole text of the heading, binding or footnote this line is part of (wrapped over several lines).
        var entry = ""
        /// Whether the line is the first of its entry.
        var startsEntry = true
    }

    /// A section's title and the index of its heading line.
    struct Section: Equatable {
        var title: String
        var line: Int
    }

    private(set) var lines: [Line] = []
    private(set) var sections: [Section] = []

    init<Context, Action>(_ table: KeyTable<Context, Action>, width: Int) {
        let width = max(1, width)
        let labelWidth = min(table.bindings.map { DisplayWidth.of($0.label) }.max() ?? 0, max(0, width / 2 - 4))
        for context in Context.allCases {
            let rows = table.bindings.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append(Line(text: "")) }
            sections.append(Section(title: context.rawValue, line: lines.count))
            wrap(context.rawValue, width: width, heading: true)
            for binding in rows {
                // A label wider than the label column pushes its words along on the first line.
                let head = "  " + binding.label.padded(to: labelWidth) + "  "
                wrap(head + binding.description, width: width, hangingIndent: labelWidth + 4)
            }
        }
        if let footnote = table.footnote {
            lines.append(Line(text: ""))
            wrap(footnote, width: width)
        }
    }

    /// The section a line belongs to (its index in `sections`).
    func section(containing line: Int) -> Int? {
        sections.lastIndex { $0.line <= line }
    }

    /// The first line of the first entry from line `start` on (wrapping round to the top, backwards for a negative
    /// `step`) whose words contain `query`, ignoring case; nil when none does.
    func line(matching query: String, from start: Int, step: Int = 1) -> Int? {
        guard !query.isEmpty, !lines.isEmpty else { return nil }
        let count = lines.count
        for distance in 0..<count {
            let index = ((start + step * distance) % count + count) % count
            if lines[index].startsEntry && Self.contains(lines[index].entry, query) { return index }
        }
        return nil
    }

    /// Whether `text` contains `query`, ignoring case and how the words are spaced.
    static func contains(_ text: String, _ query: String) -> Bool {
        guard !query.isEmpty else { return false }
        let words = { (text: String) in text.lowercased().split(separator: " ").joined(separator: " ") }
        return words(text).firstRange(of: words(query)) != nil
    }

    private mutating func wrap(_ text: String, width: Int, heading: Bool = false, hangingIndent: Int = 0) {
        for (index, line) in text.wrapped(toWidth: width, hangingIndent: hangingIndent).enumerated() {
            lines.append(Line(text: line, isHeading: heading, entry: text, startsEntry: index == 0))
        }
    }
}
