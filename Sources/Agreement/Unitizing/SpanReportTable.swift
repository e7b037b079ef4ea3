extension SpanAgreementReport {
    /// The terminal table (or the same as Markdown): the overall row, then one row per code, the reasons of every
    /// n/a, and how to read each figure.
    func renderedTable(markdown: Bool) -> String {
        let coders = agreement.coders
        var header = ["code", "|uα"]
        if intervals != nil { header.append("|uα 95% CI") }
        header += [
            "uα / (k)uα", "cuα", "2004 uα", "shared", "NVivo %", "NVivo κ",
            "characters (\(coders.joined(separator: " / ")))", "reading",
        ]
        func row(
            _ name: String, binary: Statistic, interval: BootstrapInterval?, nominal: Statistic, cu: String,
            dkpro: Statistic,
            characterFigures: [String]
        ) -> [String] {
            var cells = [name, AgreementReport.threeDecimals(binary)]
            if intervals != nil { cells.append(interval.map(AgreementReport.intervalCell) ?? "") }
            return cells + [AgreementReport.threeDecimals(nominal), cu, AgreementReport.threeDecimals(dkpro)]
                + characterFigures
                + [AlphaReading(binary).rawValue]
        }
        var rows = [
            row(
                "(all codes)", binary: agreement.binaryUAlpha, interval: intervals?.binaryUAlpha,
                nominal: agreement.uAlpha,
                cu: AgreementReport.threeDecimals(agreement.cuAlpha), dkpro: agreement.dkpro2004Overall,
                characterFigures: ["", "", "", ""])
        ]
        for (index, code) in agreement.perCode.enumerated() {
            rows.append(
                row(
                    code.code, binary: code.binaryUAlphaK, interval: intervals?.perCode[index], nominal: code.uAlphaK,
                    cu: "",
                    dkpro: dkpro2004[index].alpha,
                    characterFigures: [
                        AgreementReport.threeDecimals(code.sharedShare),
                        AgreementReport.threeDecimals(code.nvivoPercentAgreement),
                        AgreementReport.threeDecimals(code.nvivoKappa),
                        code.codedCharacters.map(String.init).joined(separator: " / "),
                    ]))
        }
        var lines: [String] = []
        lines.append(markdown ? "## Agreement on spans" : "Agreement on spans")
        lines.append("")
        lines.append(
            "\(coders.count) coders (\(coders.joined(separator: ", "))), \(agreement.units) units, \(agreement.length) characters, \(agreement.perCode.count) codes"
        )
        lines.append("")
        lines += AgreementReport.layOut([header] + rows, markdown: markdown)
        lines += AgreementReport.listSection("Notes", notes, markdown: markdown)
        if let bootstrap {
            lines.append("")
            lines.append(bootstrap.summary)
        }
        // The interval's line only when there are intervals to read.
        lines += AgreementReport.conventionsSection(
            Self.conventions.filter { intervals != nil || $0.key != "|uα 95% CI" }, markdown: markdown)
        return lines.joined(separator: "\n") + "\n"
    }

    /// "row: key undefined: reason" for every n/a of the table.
    var notes: [String] {
        let overall = NamedFigures(
            entries: overallFigures.entries + [("dkpro_2004", .statistic(agreement.dkpro2004Overall))])
        return overall.notes.map { "(all codes): \($0)" }
            + agreement.perCode.indices.flatMap { index in
                NamedFigures(entries: codeFigures(index).entries + [("dkpro_2004", .statistic(dkpro2004[index].alpha))])
                    .notes.map { "\(agreement.perCode[index].code): \($0)" }
            }
    }
}
