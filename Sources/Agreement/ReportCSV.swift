extension AgreementReport {
    /// One row per code with every figure at full precision, then the pooled view, then the
    /// set-valued alphas (which fill only `n_pairable_values` and `krippendorff_alpha`).
    /// Undefined figures print "n/a", with the reasons in the `notes` column. For a spreadsheet, cells that would
    /// run as formulas are neutralised (`SpreadsheetCell`).
    func renderedCSV(forSpreadsheet: Bool) -> String {
        let csvField = { Self.csvField($0, forSpreadsheet: forSpreadsheet) }
        let keys = rowFigures(perCode.isEmpty ? nil : 0).entries.map(\.key)
        var lines = [(["code"] + keys + ["reading", "notes"]).map(csvField).joined(separator: ",")]
        func line(_ name: String, _ figures: NamedFigures, alpha: Statistic) -> String {
            ([name] + keys.map { figures[$0] == nil ? "" : Self.fullPrecision(figures[$0]) }
                + [AlphaReading(alpha).rawValue, figures.notes.joined(separator: "; ")])
                .map(csvField).joined(separator: ",")
        }
        for (i, entry) in perCode.enumerated() {
            lines.append(line(entry.code, rowFigures(i), alpha: entry.agreement.krippendorffAlpha))
        }
        lines.append(line("(pooled)", pooled.figures, alpha: pooled.krippendorffAlpha))
        for (name, alpha) in [
            ("(code sets: MASI)", setValued.alphaMASI), ("(code sets: Jaccard)", setValued.alphaJaccard),
        ] {
            let figures = NamedFigures(entries: [
                ("n_pairable_values", .count(setValued.pairableValues)), ("krippendorff_alpha", .statistic(alpha)),
            ])
            lines.append(line(name, figures, alpha: alpha))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180), and neutralised for a
    /// spreadsheet when asked.
    static func csvField(_ text: String, forSpreadsheet: Bool = false) -> String {
        let text = forSpreadsheet ? SpreadsheetCell.neutralised(text) : text
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
