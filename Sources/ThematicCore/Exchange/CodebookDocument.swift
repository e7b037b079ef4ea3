import Foundation

/// The codebook as a document for team meetings: Markdown, or a printable HTML page. Each code lists its groups,
/// and the code groups follow the codes, each with its members.
public enum CodebookDocument {
    public static func markdown(_ codebook: Codebook) -> String {
        var text = "# \(codebook.title)\n\n"
        if let description = codebook.description { text += "\(description)\n\n" }
        if let source = codebook.source { text += "Source: \(source)\n\n" }
        text += "Revision \(codebook.revision)\(lastChange(codebook).map { ", last changed \($0)" } ?? "").\n"
        for code in codebook.codes {
            let depth = codebook.depth(of: code.id)
            text +=
                "\n" + String(repeating: "#", count: min(depth + 2, 6))
                + " \(code.id) \(code.name)\(badge(code).map { " (\($0))" } ?? "")\n\n"
            for (label, value) in fields(code, in: codebook) {
                text += "- **\(label):** \(value.replacingOccurrences(of: "\n", with: "\n  "))\n"
            }
        }
        if !codebook.groups.isEmpty { text += "\n## Code groups\n\n" }
        for group in codebook.groups {
            text +=
                "- **\(group.id) \(group.name)**"
                + (group.description.map { ": \($0.replacingOccurrences(of: "\n", with: " "))" } ?? "")
                + (group.codes.isEmpty ? " (no codes)" : "") + "\n"
            for id in group.codes { text += "  - \(id) \(codebook.code(id)?.name ?? "")\n" }
        }
        return text
    }

    public static func html(_ codebook: Codebook) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(MarkupText.escaped(codebook.title))</title>
            <style>
            body { font: 11pt/1.4 Georgia, serif; max-width: 50em; margin: 2em auto; color: #111; }
            h1 { font-size: 18pt; } .meta { color: #555; }
            section { border-left: 6px solid var(--colour, #ccc); padding: 0.2em 0 0.2em 0.8em; margin: 0.8em 0; break-inside: avoid; }
            section.category { background: #f4f4f4; } .badge { font-size: 9pt; color: #a00; }
            dl { display: grid; grid-template-columns: 9em 1fr; gap: 0.2em 0.8em; margin: 0.3em 0; }
            dt { font-weight: bold; } dd { margin: 0; white-space: pre-wrap; }
            @media print { body { margin: 0; max-width: none; } }
            </style>
            </head>
            <body>
            <h1>\(MarkupText.escaped(codebook.title))</h1>

            """
        if let description = codebook.description { page += "<p>\(MarkupText.escaped(description))</p>\n" }
        if let source = codebook.source { page += "<p class=\"meta\">Source: \(MarkupText.escaped(source))</p>\n" }
        page +=
            "<p class=\"meta\">Revision \(codebook.revision)\(lastChange(codebook).map { ", last changed \(MarkupText.escaped($0))" } ?? "")</p>\n"
        for code in codebook.codes {
            let depth = codebook.depth(of: code.id)
            let colour =
                inheritedColour(code, in: codebook).map {
                    " style=\"--colour: \($0); margin-left: \(depth * 3 / 2)em\""
                } ?? " style=\"margin-left: \(depth * 3 / 2)em\""
            let heading = min(depth + 2, 6)
            page += "<section class=\"\(code.codable ? "code" : "category")\"\(colour)>\n"
            page +=
                "<h\(heading)>\(MarkupText.escaped(code.id)) \(MarkupText.escaped(code.name))\(badge(code).map { " <span class=\"badge\">\(MarkupText.escaped($0))</span>" } ?? "")</h\(heading)>\n"
            let shown = fields(code, in: codebook)
            if !shown.isEmpty {
                page += "<dl>\n"
                for (label, value) in shown {
                    page += "<dt>\(MarkupText.escaped(label))</dt><dd>\(MarkupText.escaped(value))</dd>\n"
                }
                page += "</dl>\n"
            }
            page += "</section>\n"
        }
        if !codebook.groups.isEmpty {
            page += "<section class=\"groups\">\n<h2>Code groups</h2>\n<dl>\n"
            for group in codebook.groups {
                let members = group.codes.map {
                    "<li>\(MarkupText.escaped($0)) \(MarkupText.escaped(codebook.code($0)?.name ?? ""))</li>"
                }.joined()
                page +=
                    "<dt>\(MarkupText.escaped(group.id)) \(MarkupText.escaped(group.name))</dt><dd>\(group.description.map(MarkupText.escaped) ?? "")"
                    + (group.codes.isEmpty ? "(no codes)" : "<ul>\(members)</ul>") + "</dd>\n"
            }
            page += "</dl>\n</section>\n"
        }
        return page + "</body>\n</html>\n"
    }

    private static func fields(_ code: Code, in codebook: Codebook) -> [(String, String)] {
        let groups = codebook.groups(of: code.id).map(\.name)
        return [
            ("Brief", code.brief), ("Full definition", code.full), ("When to use", code.whenToUse),
            ("When not to use", code.whenNotToUse),
            ("Example", code.example), ("Hotkey", code.hotkey), ("Source", code.source),
            ("Groups", groups.isEmpty ? nil : groups.joined(separator: ", ")),
        ].compactMap { label, value in value.map { (label, $0) } }
    }

    private static func badge(_ code: Code) -> String? {
        switch code.status {
        case .active: code.codable ? nil : "category"
        case .retired: "retired"
        case .merged(let target): "merged into \(target)"
        }
    }

    private static func lastChange(_ codebook: Codebook) -> String? {
        codebook.history.last.map { "\($0.at) by \($0.by)" }
    }

    /// Children without a colour show their parent's.
    private static func inheritedColour(_ code: Code, in codebook: Codebook) -> String? {
        code.colour ?? codebook.ancestors(of: code.id).lazy.compactMap { codebook.code($0)?.colour }.first
    }
}
