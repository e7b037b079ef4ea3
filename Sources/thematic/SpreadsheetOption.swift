import ArgumentParser

/// `--excel`: CSV or TSV meant to be opened in a spreadsheet rather than read by R or pandas.
struct SpreadsheetOption: ParsableArguments {
    @Flag(
        help: """
            CSV/TSV for Excel or LibreOffice: starts with a UTF-8 byte order mark, and text cells a spreadsheet would \
            run as formulas (starting with =, +, -, @, a tab or a carriage return) get a leading '. Without it, \
            cells are written raw, for R and pandas.
            """
    )
    var excel = false

    /// Refuses --excel for a format that is not CSV or TSV.
    func check(delimited: Bool) throws {
        if excel && !delimited { throw CommandFailure("--excel applies to csv and tsv only") }
    }

    /// A report printed as CSV, with the byte order mark Excel needs when it is for a spreadsheet.
    func printed(_ text: String) {
        print((excel ? "\u{FEFF}" : "") + text, terminator: "")
    }
}
