import ArgumentParser
import ThematicCore

struct MemosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memos",
        abstract:
            "List the memos coders wrote on excerpts and on applied codes, every coder's unless --coder names one.",
        discussion: """
            Each memo comes with its kind (excerpt or coding), excerpt, code (for a coding memo), coder, when the coder's \
            record last changed and the excerpt's first words, in reading order. Filters combine; --search is \
            case-insensitive over the memo text. A lead's tool: it shows every coder's memos.
            Example: thematic memos study --coder amir --search bruise --format markdown -o memos.md
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, markdown, json
    }

    @Argument(help: "The study folder.") var study: String
    @Option(help: "Only this coder's memos.") var coder: String?
    @Option(help: "Only coding memos on this code.") var code: String?
    @Option(help: "Only memos on this review's excerpts.") var review: String?
    @Option(help: "Only memos whose text contains this (case-insensitive).") var search: String?
    @Option(help: "table, csv, markdown or json. Default: from the output file's extension, else table.") var format:
        Format?
    @Option(name: [.short, .customLong("output")], help: "Write to this file (default: standard output).") var output:
        String?
    @OptionGroup var spreadsheet: SpreadsheetOption

    func run() throws {
        // With --coder only that coder's file is read.
        let loaded = try openStudy(study, coders: coder.map { [$0] })
        if let coder, loaded.codings[coder] == nil { throw CommandFailure("no coder \(coder) in \(study)") }
        if let code, loaded.codebook.code(code) == nil { throw CommandFailure("no code \(code) in the codebook") }
        if let review, loaded.corpus.review(review) == nil { throw CommandFailure("no review \(review) in the corpus") }
        let memos = MemoIndex(
            study: loaded, filter: MemoIndex.Filter(coder: coder, code: code, review: review, search: search)
        ).memos
        let chosen =
            format ?? output.flatMap { name in
                switch ExportFormat(fileName: name) {
                case .csv: .csv
                case .markdown: .markdown
                case .json: .json
                default: nil
                }
            } ?? .table
        try spreadsheet.check(delimited: chosen == .csv)
        let bytes: [UInt8] =
            switch chosen {
            case .table: Array(MemoWriter.table(memos).utf8)
            case .csv:
                MemoWriter.delimited(
                    memos, byteOrderMark: spreadsheet.excel, neutralisingFormulas: spreadsheet.excel)
            case .markdown: Array(MemoWriter.markdown(memos, studyTitle: loaded.manifest.title).utf8)
            case .json: MemoWriter.json(memos)
            }
        try writeOutput(bytes, to: output)
    }
}
