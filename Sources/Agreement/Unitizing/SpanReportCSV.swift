extension SpanAgreementReport {
    /// The overall row, then one row per code, at full precision; the overall row fills the JSON's top-level keys,
    /// a code's row its `per_code` keys, and each row leaves the other's columns empty. Undefined figures print
    /// "n/a", with the reasons in the `notes` column. For a spreadsheet, cells that would run as formulas are
    /// neutralised (`SpreadsheetCell`).
    func renderedCSV(forSpreadsheet: Bool) -> String {
        let csvField = { AgreementReport.csvField($0, forSpreadsheet: forSpreadsheet) }
        let characterKeys = agreement.coders.map { "coded_characters_\($0)" }
        let dkproKeys = ["dkpro_2004", "dkpro_2004_observed_disagreement", "dkpro_2004_expected_disagreement"]
        let overall = NamedFigures(
            entries: overallFigures.entries + [("dkpro_2004", .statistic(agreement.dkpro2004Overall))])
        let rows =
            [("(all codes)", overall, agreement.binaryUAlpha)]
            + agreement.perCode.indices.map { index in
                let dkpro = zip(dkproKeys, dkproFigures(index).entries.map(\.figure)).map { (key: $0, figure: $1) }
                let characters = zip(characterKeys, agreement.perCode[index].codedCharacters).map {
                    (key: $0, figure: Figure.count($1))
                }
                return (
                    agreement.perCode[index].code,
                    NamedFigures(entries: codeFigures(index).entries + dkpro + characters),
                    agreement.perCode[index].binaryUAlphaK
                )
            }
        var keys: [String] = []
        for (_, figures, _) in rows {
            for key in figures.entries.map(\.key) where !keys.contains(key) { keys.append(key) }
        }
        var lines = [(["code"] + keys + ["reading", "notes"]).map(csvField).joined(separator: ",")]
        for (name, figures, binary) in rows {
            let cells =
                [name] + keys.map { figures[$0] == nil ? "" : AgreementReport.fullPrecision(figures[$0]) }
                + [AlphaReading(binary).rawValue, figures.notes.joined(separator: "; ")]
            lines.append(cells.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
