extension AgreementReport {
    /// The terminal table (aligned columns) or the same as Markdown.
    func renderedTable(markdown: Bool) -> String {
        let twoCoders = coders.count == 2
        var header = ["code", "units", "pairable", "applied", "% agree", "alpha"]
        if alphaIntervals != nil { header.append("alpha 95% CI") }
        header += [twoCoders ? "Cohen k" : "Fleiss k", "AC1", "BP", "reading"]
        let kappa = { (a: BinaryAgreement) in twoCoders ? a.cohenKappa : a.fleissKappa }
        func row(_ name: String, _ a: BinaryAgreement, _ interval: BootstrapInterval?) -> [String] {
            var cells = [
                name, String(a.unitsCoded), String(a.unitsPairable), String(a.applications),
                Self.threeDecimals(a.percentAgreementUnits), Self.threeDecimals(a.krippendorffAlpha),
            ]
            if alphaIntervals != nil {
                cells.append(interval.map(Self.intervalCell) ?? "")
            }
            cells += [
                Self.threeDecimals(kappa(a)), Self.threeDecimals(a.gwetAC1), Self.threeDecimals(a.brennanPrediger),
                AlphaReading(a.krippendorffAlpha).rawValue,
            ]
            return cells
        }
        var rows = perCode.enumerated().map { i, entry in row(entry.code, entry.agreement, alphaIntervals?[i]) }
        rows.append(row("(pooled)", pooled, nil))

        var lines: [String] = []
        lines.append(markdown ? "## Agreement per code" : "Agreement per code")
        lines.append("")
        lines.append(
            "\(coders.count) coders (\(coders.joined(separator: ", "))), \(units) units, \(perCode.count) codes")
        lines.append("")
        lines += Self.layOut([header] + rows, markdown: markdown)
        lines += Self.listSection(
            "Notes", tableNotes(kappaKey: twoCoders ? "cohen_kappa" : "fleiss_kappa"), markdown: markdown)
        lines.append("")
        lines.append(
            markdown ? "## Overall: alpha on each coder's set of codes" : "Overall: alpha on each coder's set of codes")
        let sets = setValued
        let overall = [
            ("MASI distance", sets.alphaMASI), ("Jaccard distance", sets.alphaJaccard),
            ("MASI, nltk <= 3.10.0 weights", sets.alphaMASILegacyNLTK),
        ].map { name, alpha in
            "\(name): \(Self.threeDecimals(alpha)) (\(alpha.reason ?? AlphaReading(alpha).rawValue))"
        }
        lines += overall.map { markdown ? "- \($0)" : "  \($0)" }
        let counts =
            "\(sets.pairableValues) pairable values, \(sets.distinctLabelSets) distinct code sets (\(sets.distinctLabelSetsPairable) in pairable units)"
        lines.append(markdown ? "- \(counts)" : "  \(counts)")
        if let single = singleLabel {
            let text =
                "One code per coding, as one nominal variable (q = \(single.categoriesObserved) codes used): "
                + "alpha \(Self.threeDecimals(single.krippendorffAlpha)), AC1 \(Self.threeDecimals(single.gwetAC1)), "
                + "Fleiss k (complete units) \(Self.threeDecimals(single.fleissKappaComplete))"
                + (coders.count == 2 ? ", Cohen k \(Self.threeDecimals(single.cohenKappa))" : "")
            lines.append(markdown ? "- \(text)" : "  \(text)")
        }
        if let bootstrap {
            lines.append("")
            lines.append(bootstrap.summary)
        }
        lines += Self.conventionsSection(Self.conventions, markdown: markdown)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why each "n/a" of the table is one: the notes of the figures the table shows (a figure it leaves out, such
    /// as Cohen's kappa beside three coders, is explained in the CSV and JSON reports). A reason every code shares
    /// is said once, for "(every code)", rather than once per code.
    private func tableNotes(kappaKey: String) -> [String] {
        let shown: Set<String> = [
            "percent_agreement_units", "krippendorff_alpha", "krippendorff_alpha_ci_lower",
            "krippendorff_alpha_ci_upper", kappaKey, "gwet_ac1", "brennan_prediger",
        ]
        func notes(_ figures: NamedFigures) -> [String] {
            figures.notes.filter { note in shown.contains { note.hasPrefix("\($0) undefined: ") } }
        }
        let perCodeNotes = perCode.indices.map { notes(rowFigures($0)) }
        let everyCode =
            perCode.count > 1
            ? perCodeNotes.dropFirst().reduce(perCodeNotes.first ?? []) { shared, next in
                shared.filter(next.contains)
            } : []
        return everyCode.map { "(every code): \($0)" }
            + zip(perCode, perCodeNotes).flatMap { entry, codeNotes in
                codeNotes.filter { !everyCode.contains($0) }.map { "\(entry.code): \($0)" }
            }
            + notes(pooled.figures).map { "(pooled): \($0)" }
    }

    /// A titled list under a table (notes, for example), or nothing when the list is empty.
    static func listSection(_ title: String, _ items: [String], markdown: Bool) -> [String] {
        guard !items.isEmpty else { return [] }
        return ["", markdown ? "### \(title)" : title] + items.map { markdown ? "- \($0)" : "  \($0)" }
    }

    /// How to read each figure, closing a table.
    static func conventionsSection(_ conventions: [(key: String, text: String)], markdown: Bool) -> [String] {
        ["", markdown ? "### Conventions" : "Conventions"]
            + conventions.map { markdown ? "- `\($0.key)`: \($0.text)" : "  \($0.key): \($0.text)" }
    }

    /// An interval as the tables print it: "[lower, upper]" to three decimals, or "n/a".
    static func intervalCell(_ interval: BootstrapInterval) -> String {
        interval.lower.value == nil ? "n/a" : "[\(threeDecimals(interval.lower)), \(threeDecimals(interval.upper))]"
    }

    /// Rows as aligned text columns (first column left, the others right) or as a Markdown table.
    static func layOut(_ rows: [[String]], markdown: Bool) -> [String] {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        func pad(_ text: String, _ c: Int) -> String {
            let fill = String(repeating: " ", count: widths[c] - text.count)
            return c == 0 ? text + fill : fill + text
        }
        if markdown {
            var lines = rows.map { "| " + $0.enumerated().map { pad($1, $0) }.joined(separator: " | ") + " |" }
            let rule = widths.indices.map { c in
                let dashes = String(repeating: "-", count: max(3, widths[c]))
                return c == 0 ? dashes : String(dashes.dropLast()) + ":"
            }
            lines.insert("| " + rule.joined(separator: " | ") + " |", at: 1)
            return lines
        }
        var lines = rows.map { $0.enumerated().map { pad($1, $0) }.joined(separator: "  ") }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        return lines
    }
}

extension AlphaBootstrap {
    /// The line under a table that says how its intervals were drawn.
    var summary: String { "Bootstrap: \(procedure.rawValue) resampling, \(replicates) replicates, seed \(seed)" }
}
