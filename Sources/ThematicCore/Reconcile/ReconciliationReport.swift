import Agreement

/// The disagreements as a list for a team meeting: each excerpt's text, every coder's codes, the decision so far,
/// and the definitions of the codes involved.
public enum ReconciliationReport {
    public enum Format: String, Sendable, CaseIterable {
        case markdown
        case csv
    }

    /// The report in `format`; CSV meant for a spreadsheet has its would-be formulas neutralised.
    public static func rendered(
        _ reconciliation: Reconciliation, study: Study, as format: Format, forSpreadsheet: Bool = false
    ) -> String {
        switch format {
        case .markdown: markdown(reconciliation, study: study)
        case .csv: csv(reconciliation, forSpreadsheet: forSpreadsheet)
        }
    }

    /// A one-line summary of the queue, e.g. "27 excerpts: 5 decided, 1 stale, 21 to decide".
    public static func progressLine(_ reconciliation: Reconciliation) -> String {
        let progress = reconciliation.progress
        return
            "\(progress.total) excerpt\(progress.total == 1 ? "" : "s") to reconcile (\(reconciliation.coders.joined(separator: ", "))): "
            + "\(progress.decided) decided, \(progress.stale) stale, \(progress.undecided) to decide"
    }

    static func markdown(_ reconciliation: Reconciliation, study: Study) -> String {
        var lines = [
            "# Disagreements: \(study.manifest.title)", "",
            progressLine(reconciliation) + ". "
                + (reconciliation.scope == .disagreements
                    ? "An excerpt is listed when two or more coders finished it and their codes differ."
                    : "Every excerpt two or more coders finished is listed."),
            "",
        ]
        for item in reconciliation.items {
            lines += itemLines(item, coders: reconciliation.coders, study: study)
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// One excerpt in Markdown: the text, each coder's codes, what is disputed, the decision and the definitions.
    public static func rendered(_ item: ReconciliationItem, coders: [String], study: Study) -> String {
        itemLines(item, coders: coders, study: study).joined(separator: "\n") + "\n"
    }

    static func itemLines(_ item: ReconciliationItem, coders: [String], study: Study) -> [String] {
        let names = study.codebook.codesByID
        func named(_ codes: [String]) -> String {
            codes.isEmpty ? "(no code)" : codes.map { "\($0) \(names[$0]?.name ?? "")" }.joined(separator: "; ")
        }
        var lines = ["## \(item.excerpt.id): \(item.reviewTitle), \(item.excerpt.section)", ""]
        lines += item.excerpt.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }
        lines += ["", "| coder | codes |", "|---|---|"]
        for coder in coders {
            let coding = item.codings.first { $0.coder == coder }
            lines.append("| \(coder) | \(coding.map { named($0.codes).replacingPipes } ?? "not finished") |")
        }
        lines.append("")
        var facts = [
            "Disputed: \(item.disputedCodes.isEmpty ? "none" : item.disputedCodes.joined(separator: ", "))",
            "agreed: \(item.agreedCodes.isEmpty ? "none" : item.agreedCodes.joined(separator: ", "))",
        ]
        if !item.codesWithDifferentSpans.isEmpty {
            facts.append("spans differ: \(item.codesWithDifferentSpans.joined(separator: ", "))")
        }
        lines.append(facts.joined(separator: "; ") + ".")
        if let decision = item.decision {
            lines += ["", "Decision: \(decisionText(decision))."]
            if case .stale(let changes) = item.state {
                lines += ["", "**Stale**: \(changes.map(\.description).joined(separator: "; ")). Decide again."]
            }
        }
        if !item.definitions.isEmpty {
            lines += ["", "Definitions:", ""]
            lines += item.definitions.map { "- " + definitionText($0, markdown: true) }
        }
        return lines
    }

    static func csv(_ reconciliation: Reconciliation, forSpreadsheet: Bool) -> String {
        let header =
            ["excerpt", "review", "section", "text"] + reconciliation.coders
            + ["disputed", "agreed", "state", "decision", "consensusCodes", "lead", "at", "note", "definitions"]
        var rows = [header]
        for item in reconciliation.items {
            let perCoder = reconciliation.coders.map { coder in
                item.codings.first { $0.coder == coder }.map {
                    $0.codes.isEmpty ? noCodeMarker : $0.codes.joined(separator: ";")
                } ?? ""
            }
            let state: String =
                switch item.state {
                case .undecided: "undecided"
                case .decided: "decided"
                case .stale(let changes): "stale: " + changes.map(\.description).joined(separator: "; ")
                }
            let decision = item.decision
            rows.append(
                [item.excerpt.id, item.reviewID, item.excerpt.section, item.excerpt.text] + perCoder + [
                    item.disputedCodes.joined(separator: ";"), item.agreedCodes.joined(separator: ";"), state,
                    decision.map { basisText($0.basis) } ?? "",
                    decision.map { $0.codes.isEmpty ? noCodeMarker : $0.codes.keys.sorted().joined(separator: ";") }
                        ?? "",
                    decision?.lead ?? "", decision?.at ?? "", decision?.note ?? "",
                    item.definitions.map { definitionText($0, markdown: false) }.joined(separator: "\n"),
                ])
        }
        return rows.map { $0.map { csvField($0, forSpreadsheet: forSpreadsheet) }.joined(separator: ",") }.joined(
            separator: "\r\n") + "\r\n"
    }

    /// Marks "finished, no code applies" in CSV cells, as in reliability-data files; an empty cell is "not finished".
    public static let noCodeMarker = "-"

    /// A decision in one line, e.g. "A1, C3 (union, by lena at 2026-11-30T09:31:48Z), note: ...".
    public static func decisionText(_ decision: ConsensusDecision) -> String {
        let codes = decision.codes.isEmpty ? "no code" : decision.codes.keys.sorted().joined(separator: ", ")
        return "\(codes) (\(basisText(decision.basis)), by \(decision.lead) at \(decision.at))"
            + (decision.note.map { ", note: \($0)" } ?? "")
    }

    static func basisText(_ basis: ConsensusDecision.Basis) -> String {
        switch basis {
        case .coder(let coder): "accepted \(coder)"
        case .union: "union"
        case .intersection: "intersection"
        case .edited: "edited"
        }
    }

    static func definitionText(_ code: Code, markdown: Bool) -> String {
        var parts: [String] = []
        if let brief = code.brief { parts.append(brief) }
        if let use = code.whenToUse { parts.append("When to use: \(use)") }
        if let notUse = code.whenNotToUse { parts.append("When not to use: \(notUse)") }
        let title = markdown ? "**\(code.id) \(code.name)**" : "\(code.id) \(code.name)"
        let sentences = parts.map { $0.last.map { ".!?".contains($0) } == true ? $0 : $0 + "." }
        return title + (sentences.isEmpty ? "" : ": " + sentences.joined(separator: " "))
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled; neutralised for a spreadsheet
    /// when asked (`SpreadsheetCell`).
    static func csvField(_ text: String, forSpreadsheet: Bool = false) -> String {
        let text = forSpreadsheet ? SpreadsheetCell.neutralised(text) : text
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

extension String {
    /// Safe inside a Markdown table cell.
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
