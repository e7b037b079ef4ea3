import ArgumentParser
import Glibc
import ThematicCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export theme matrices, code co-occurrence and coder-by-code frequencies.",
        discussion: """
            CSV and TSV follow RFC 4180 (UTF-8, CRLF line ends, a header row) and load as they are in R's read.csv, \
            pandas.read_csv and Excel. They cannot carry a comment, so the source of the counts is printed on standard \
            error and, with --with-metadata, written to FILE.meta.json beside the output. JSON and Markdown carry it inside.
            """,
        subcommands: [MatrixExport.self, CooccurrenceExport.self, CodersExport.self]
    )
}

struct MatrixExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Codes counted by excerpt, by review or by a review attribute.",
        discussion: """
            Examples:
              thematic export matrix study --rows review --cells count -o by-review.csv
              thematic export matrix study --rows attribute:childAgeBand --level 1 --cells share --consensus --format markdown
              thematic export matrix study --rows review --by-group --cells presence -o groups-by-review.csv
            """
    )

    @Argument(help: "The study folder.") var study: String
    @Option(help: "What each row stands for: excerpt, review, or attribute:NAME (e.g. attribute:childAgeBand).")
    var rows = "review"
    @Option(help: "What each cell counts: presence (0/1), count (of excerpts), share (of the row's coded reviews).")
    var cells: ThemeMatrix.CellKind = .count
    @Option(
        help:
            "Codes at this level of the codebook tree (1 = top-level categories), each counting the codes under it. Default: the codable codes."
    )
    var level: Int?
    @Flag(
        name: .customLong("by-group"),
        help:
            "Columns are the codebook's code groups: an excerpt counts once for a group when any of its codes (or a code under one) was applied, for each coder or the consensus alike."
    )
    var byGroup = false
    @Flag(help: "Add a total column and a total row.") var totals = false
    @OptionGroup var source: SourceOptions
    @OptionGroup var output: MatrixOutputOptions

    func validate() throws {
        if byGroup && level != nil {
            throw ValidationError("give either --level or --by-group: columns are codes at a level or code groups")
        }
    }

    func run() throws {
        try output.write(TerminalProgress.run(matrix))
    }

    private func matrix(_ progress: any ProgressReporter) throws -> Matrix {
        progress.report("exporting: reading the study", done: 0, total: 0, unit: "")
        let (codingSource, loaded) = try source.resolved(in: openStudy(study), path: study)
        let columns = try exported { () throws(ExportError) in
            byGroup
                ? try CodeColumns(groupsOf: loaded.codebook) : try CodeColumns(codebook: loaded.codebook, level: level)
        }
        let rowKind = try exported { () throws(ExportError) in try ThemeMatrix.RowKind(parsing: rows) }
        if totals && output.layout == .long {
            throw CommandFailure(
                "the long layout is one line per row and code, with no room for totals; leave out --totals or use --layout wide"
            )
        }
        progress.report("exporting: counting the matrix", done: 0, total: 0, unit: "")
        return try exported { () throws(ExportError) in
            try ThemeMatrix.build(
                study: loaded, coding: SourceCoding(study: loaded, source: codingSource), columns: columns,
                rows: rowKind, cells: cells, totals: totals)
        }
    }
}

struct CooccurrenceExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cooccurrence",
        abstract: "Code × code: how many excerpts (or reviews) have both codes; the diagonal counts each code alone."
    )

    @Argument(help: "The study folder.") var study: String
    @Option(help: "Count codes together on the same excerpt or anywhere in the same review.")
    var by: CooccurrenceMatrix.Unit = .excerpt
    @Option(help: "Codes at this level of the codebook tree (1 = top-level categories). Default: the codable codes.")
    var level: Int?
    @OptionGroup var source: SourceOptions
    @OptionGroup var output: MatrixOutputOptions

    func run() throws {
        try output.write(TerminalProgress.run(matrix))
    }

    private func matrix(_ progress: any ProgressReporter) throws -> Matrix {
        progress.report("exporting: reading the study", done: 0, total: 0, unit: "")
        let (codingSource, loaded) = try source.resolved(in: openStudy(study), path: study)
        let columns = try exported { () throws(ExportError) in try CodeColumns(codebook: loaded.codebook, level: level)
        }
        progress.report("exporting: counting co-occurrence", done: 0, total: 0, unit: "")
        return CooccurrenceMatrix.build(
            study: loaded, coding: SourceCoding(study: loaded, source: codingSource), columns: columns, by: by)
    }
}

struct CodersExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coders",
        abstract: "Coder × code: how many of each coder's finished excerpts have each code."
    )

    @Argument(help: "The study folder.") var study: String
    @Option(help: "Codes at this level of the codebook tree (1 = top-level categories). Default: the codable codes.")
    var level: Int?
    @Flag(help: "Add a total column and a total row.") var totals = false
    @OptionGroup var coderOptions: CoderOptions
    @OptionGroup var output: MatrixOutputOptions

    func run() throws {
        try output.write(TerminalProgress.run(matrix))
    }

    private func matrix(_ progress: any ProgressReporter) throws -> Matrix {
        progress.report("exporting: reading the study", done: 0, total: 0, unit: "")
        let loaded = try coderOptions.narrowed(openStudy(study), path: study)
        guard !loaded.codings.isEmpty else { throw CommandFailure("\(study): no coder has started yet") }
        if totals && output.layout == .long {
            throw CommandFailure(
                "the long layout is one line per row and code, with no room for totals; leave out --totals or use --layout wide"
            )
        }
        let columns = try exported { () throws(ExportError) in try CodeColumns(codebook: loaded.codebook, level: level)
        }
        progress.report("exporting: counting each coder's codes", done: 0, total: 0, unit: "")
        return CoderCodeMatrix.build(study: loaded, columns: columns, totals: totals)
    }
}

/// Whose coding to count: `--coder NAME`, `--consensus` or `--rule any|all|majority` (the default is `--rule any`)
/// over the coders compared (`--coders`, by default the study's design).
struct SourceOptions: ParsableArguments {
    @Option(help: "Count one coder's finished excerpts.") var coder: String?
    @Flag(help: "Count the lead's consensus decisions.") var consensus = false
    @Option(help: "Combine the coders who finished each excerpt: any, all, or majority (more than half). Default: any.")
    var rule: CodingSource.CoderRule?
    @OptionGroup var coderOptions: CoderOptions

    /// The source, and the study as it counts: under a rule, only the compared coders' codings (which and why is
    /// said on standard error, beside the output a program reads).
    func resolved(in study: Study, path: String) throws -> (CodingSource, Study) {
        let source = try resolved(in: study)
        guard case .rule = source else { return (source, study) }
        return (source, try coderOptions.narrowed(study, path: path))
    }

    func resolved(in study: Study) throws -> CodingSource {
        let chosen = [
            coder.map { CodingSource.coder($0) }, consensus ? .consensus : nil, rule.map { CodingSource.rule($0) },
        ].compactMap { $0 }
        guard chosen.count <= 1 else {
            throw CommandFailure("choose one source: --coder NAME, --consensus or --rule any|all|majority")
        }
        let source = chosen.first ?? .rule(.any)
        try exported { () throws(ExportError) in try source.validate(in: study) }
        return source
    }
}

extension CodingSource.CoderRule: ExpressibleByArgument {}
extension ThemeMatrix.CellKind: ExpressibleByArgument {}
extension CooccurrenceMatrix.Unit: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension MatrixLayout: ExpressibleByArgument {}

struct MatrixOutputOptions: ParsableArguments {
    @Option(help: "csv, tsv, json or markdown. Default: from the output file's extension, else csv.") var format:
        ExportFormat?
    @Option(help: "wide (a column per code) or long (a line per row and code, tidy data).") var layout: MatrixLayout =
        .wide
    @Option(name: [.short, .customLong("output")], help: "Write to this file (default: standard output).") var output:
        String?
    @Flag(help: "Also write what the numbers mean (source, rows, cells, code names) to OUTPUT.meta.json.")
    var withMetadata = false
    @Flag(
        help:
            "Start CSV/TSV with a UTF-8 byte order mark, for Excel's double-click (R and Python then need encoding='utf-8-sig'); the same as --excel."
    )
    var bom = false
    @OptionGroup var spreadsheet: SpreadsheetOption

    func validate() throws {
        if withMetadata && output == nil {
            throw ValidationError("--with-metadata needs --output FILE (the sidecar is FILE.meta.json)")
        }
    }

    var chosenFormat: ExportFormat { format ?? output.flatMap { ExportFormat(fileName: $0) } ?? .csv }

    func write(_ matrix: Matrix) throws {
        let format = chosenFormat
        if bom && !(format == .csv || format == .tsv) { throw CommandFailure("--bom applies to csv and tsv only") }
        try spreadsheet.check(delimited: format == .csv || format == .tsv)
        // --bom has always meant "for Excel", so it neutralises formulas as --excel does.
        let forSpreadsheet = bom || spreadsheet.excel
        let bytes = MatrixWriter.write(
            matrix, format: format, layout: layout, byteOrderMark: forSpreadsheet,
            neutralisingFormulas: forSpreadsheet)
        try writeOutput(bytes, to: output)
        if format == .csv || format == .tsv {
            let source = matrix.notes.first { $0.key == "source" }?.value ?? ""
            printError("\(matrix.title): \(matrix.rows.count) rows × \(matrix.columns.count) codes; source: \(source)")
        }
        if withMetadata, let output {
            try writeOutput(MatrixWriter.metadata(of: matrix), to: output + ".meta.json")
        }
    }
}

/// Runs a core call and turns its `ExportError` into a command failure.
func exported<Result>(_ body: () throws(ExportError) -> Result) throws -> Result {
    do {
        return try body()
    } catch {
        throw CommandFailure(error.description)
    }
}

/// Writes to a file atomically, or to standard output when no file is named.
func writeOutput(_ bytes: [UInt8], to path: String?) throws {
    if let path {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw CommandFailure("cannot write \(path): \(error)")
        }
        return
    }
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
        guard written > 0 else { throw CommandFailure("cannot write to standard output") }
        offset += written
    }
}
