import ArgumentParser
import Glibc
import ThematicCore

struct RetrieveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieve",
        abstract:
            "List every excerpt with some codes (and without others), with its review, section, page (when known) and coded passages.",
        discussion: """
            A category stands for every code under it. Coded passages are marked [[like this]] in text (highlighted on a \
            terminal), in bold in Markdown, and given in their own column in CSV; the page column is empty for text sources.
            Example: thematic retrieve study --code C3 --and D4 --not A1 --consensus --format markdown -o c3-d4.md
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, csv, tsv
    }

    @Argument(help: "The study folder.") var study: String
    @Option(help: "The code to retrieve.") var code: String
    @Option(name: .customLong("and"), help: "Another code the excerpt must also have (repeatable).") var also:
        [String] = []
    @Option(name: .customLong("not"), help: "A code the excerpt must not have (repeatable).") var without: [String] = []
    @OptionGroup var source: SourceOptions
    @Option(help: "text, markdown, csv or tsv. Default: from the output file's extension, else text.") var format:
        Format?
    @Option(name: [.short, .customLong("output")], help: "Write to this file (default: standard output).") var output:
        String?
    @OptionGroup var spreadsheet: SpreadsheetOption

    func run() throws {
        let (codingSource, loaded) = try source.resolved(in: openStudy(study), path: study)
        let query = ExcerptQuery(required: [code] + also, excluded: without)
        let found = try exported { () throws(ExportError) in
            try query.run(study: loaded, coding: SourceCoding(study: loaded, source: codingSource))
        }
        let chosen =
            format ?? output.flatMap { name in
                switch ExportFormat(fileName: name) {
                case .csv: .csv
                case .tsv: .tsv
                case .markdown: .markdown
                default: nil
                }
            } ?? .text
        try spreadsheet.check(delimited: chosen == .csv || chosen == .tsv)
        let bytes: [UInt8]
        switch chosen {
        case .text:
            let marks: RetrievalWriter.Marks = output == nil && isatty(1) == 1 ? .reverseVideo : .brackets
            bytes = Array(
                RetrievalWriter.text(found, query: query, study: loaded, source: codingSource, marks: marks).utf8)
        case .markdown:
            bytes = Array(RetrievalWriter.markdown(found, query: query, study: loaded, source: codingSource).utf8)
        case .csv, .tsv:
            bytes = RetrievalWriter.delimited(
                found, dialect: chosen == .csv ? .csv : .tsv, byteOrderMark: spreadsheet.excel,
                neutralisingFormulas: spreadsheet.excel)
            printError(
                "\(found.count) excerpt\(found.count == 1 ? "" : "s") \(query.criteria); source: \(codingSource.description(in: loaded))"
            )
        }
        try writeOutput(bytes, to: output)
    }
}
