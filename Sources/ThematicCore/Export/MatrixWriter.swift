import CanonicalJSON

/// The file formats a matrix can be written in.
public enum ExportFormat: String, Sendable, Equatable, CaseIterable {
    case csv
    case tsv
    case json
    case markdown

    /// The format a file name implies (`.csv`, `.tsv`, `.json`, `.md`), if any.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") {
            self = .tsv
        } else if lower.hasSuffix(".json") {
            self = .json
        } else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            self = .markdown
        } else {
            return nil
        }
    }
}

/// Wide: one line per row, one column per code. Long (tidy): one line per row and code.
public enum MatrixLayout: String, Sendable, Equatable, CaseIterable {
    case wide
    case long
}

/// Writes a matrix as CSV, TSV, JSON or Markdown, wide or long.
///
/// CSV and TSV carry no comment line (R, pandas and Excel would read it as data): what the numbers mean is in
/// `metadata(of:)`, written next to them as a JSON sidecar. JSON and Markdown carry the notes inside.
public enum MatrixWriter {
    public static func write(
        _ matrix: Matrix, format: ExportFormat, layout: MatrixLayout = .wide,
        byteOrderMark: Bool = false, neutralisingFormulas: Bool = false
    ) -> [UInt8] {
        switch format {
        case .csv:
            delimited(
                matrix, DelimitedText(.csv, byteOrderMark: byteOrderMark, neutralisingFormulas: neutralisingFormulas),
                layout)
        case .tsv:
            delimited(
                matrix, DelimitedText(.tsv, byteOrderMark: byteOrderMark, neutralisingFormulas: neutralisingFormulas),
                layout)
        case .json: CanonicalWriter.pretty(json(matrix, layout))
        case .markdown: Array(markdown(matrix, layout).utf8)
        }
    }

    /// The matrix's title, notes and columns with their names: the sidecar of a CSV or TSV file.
    public static func metadata(of matrix: Matrix) -> [UInt8] {
        CanonicalWriter.pretty(.object(header(matrix)))
    }

    static let totalLabel = "total"

    // MARK: CSV and TSV

    static func delimited(_ matrix: Matrix, _ empty: DelimitedText, _ layout: MatrixLayout) -> [UInt8] {
        var out = empty
        let width = matrix.columns.count
        // Mostly one digit and a separator per cell; long lines also repeat the row and code names.
        out.reserve(matrix.values.count * (layout == .wide ? 2 : 40) + matrix.rows.count * 32)
        switch layout {
        case .wide:
            out.line(
                [matrix.rowHeader] + matrix.rowFactNames + matrix.columns.map(\.id)
                    + (matrix.rowTotals == nil ? [] : [totalLabel]))
            for (index, row) in matrix.rows.enumerated() {
                out.field(row.id)
                for fact in row.facts { out.field(fact) }
                for column in 0..<width { value(matrix.values[index * width + column], matrix.valueKind, into: &out) }
                if let totals = matrix.rowTotals { value(totals[index], matrix.valueKind, into: &out) }
                out.endLine()
            }
            if let totals = matrix.columnTotals {
                out.field(totalLabel)
                for _ in matrix.rowFactNames { out.field("") }
                for total in totals { value(total, matrix.valueKind, into: &out) }
                if matrix.rowTotals != nil, let grand = matrix.grandTotal { value(grand, matrix.valueKind, into: &out) }
                out.endLine()
            }
        case .long:
            out.line([matrix.rowHeader] + matrix.rowFactNames + ["code", "code_name", "category", "value"])
            for (index, row) in matrix.rows.enumerated() {
                for (column, code) in matrix.columns.enumerated() {
                    out.field(row.id)
                    for fact in row.facts { out.field(fact) }
                    out.field(code.id)
                    out.field(code.name)
                    out.field(code.category ?? "")
                    value(matrix.values[index * width + column], matrix.valueKind, into: &out)
                    out.endLine()
                }
            }
        }
        return out.bytes
    }

    static func value(_ number: Double, _ kind: Matrix.ValueKind, into out: inout DelimitedText) {
        // A proportion always has a fraction ("1.0"), so pandas reads every share column as float, not some as int.
        if kind == .whole { out.field(Int(number)) } else { out.field("\(number)") }
    }

    // MARK: JSON

    static func header(_ matrix: Matrix) -> [(String, JSONValue)] {
        [
            ("kind", .string("thematic.matrix")),
            ("schemaVersion", .int(1)),
            ("title", .string(matrix.title)),
            ("notes", .object(matrix.notes.map { ($0.key, .string($0.value)) })),
            ("rowHeader", .string(matrix.rowHeader)),
            ("rowFacts", .array(matrix.rowFactNames.map(JSONValue.string))),
            ("valueKind", .string(matrix.valueKind.rawValue)),
            (
                "columns",
                .array(
                    matrix.columns.map { column in
                        .object([
                            ("id", .string(column.id)), ("name", .string(column.name)),
                            ("category", column.category.map(JSONValue.string) ?? .null),
                        ])
                    })
            ),
        ]
    }

    static func json(_ matrix: Matrix, _ layout: MatrixLayout) -> JSONValue {
        let width = matrix.columns.count
        func facts(_ row: MatrixRow) -> JSONValue {
            .object(zip(matrix.rowFactNames, row.facts).map { ($0, .string($1)) })
        }
        var members = header(matrix)
        members.append(("layout", .string(layout.rawValue)))
        switch layout {
        case .wide:
            members.append(
                (
                    "rows",
                    .array(
                        matrix.rows.enumerated().map { index, row in
                            var fields: [(String, JSONValue)] = [
                                ("id", .string(row.id)), ("facts", facts(row)),
                                ("values", .array((0..<width).map { .number(matrix.values[index * width + $0]) })),
                            ]
                            if let totals = matrix.rowTotals { fields.append(("total", .number(totals[index]))) }
                            return .object(fields)
                        })
                ))
            if let totals = matrix.columnTotals {
                members.append(("columnTotals", .array(totals.map(JSONValue.number))))
            }
            if let grand = matrix.grandTotal { members.append(("grandTotal", .number(grand))) }
        case .long:
            var records: [JSONValue] = []
            records.reserveCapacity(matrix.values.count)
            for (index, row) in matrix.rows.enumerated() {
                for (column, code) in matrix.columns.enumerated() {
                    records.append(
                        .object([
                            ("row", .string(row.id)), ("code", .string(code.id)),
                            ("value", .number(matrix.values[index * width + column])),
                        ]))
                }
            }
            members.append(("records", .array(records)))
        }
        return .object(members)
    }

    // MARK: Markdown

    static func markdown(_ matrix: Matrix, _ layout: MatrixLayout) -> String {
        var lines = ["## " + MarkdownText.escape(matrix.title), ""]
        for note in matrix.notes { lines.append("- \(note.key): \(MarkdownText.escape(note.value))") }
        lines.append("")
        let width = matrix.columns.count
        func shown(_ number: Double) -> String {
            matrix.valueKind == .whole ? String(Int(number)) : String(Int((number * 100).rounded())) + "%"
        }
        switch layout {
        case .wide:
            let header =
                [matrix.rowHeader] + matrix.rowFactNames + matrix.columns.map(\.id)
                + (matrix.rowTotals == nil ? [] : [totalLabel])
            lines.append(MarkdownText.row(header))
            lines.append(
                "|" + String(repeating: "---|", count: 1 + matrix.rowFactNames.count)
                    + String(repeating: "---:|", count: header.count - 1 - matrix.rowFactNames.count))
            for (index, row) in matrix.rows.enumerated() {
                var cells = [row.id] + row.facts + (0..<width).map { shown(matrix.values[index * width + $0]) }
                if let totals = matrix.rowTotals { cells.append(shown(totals[index])) }
                lines.append(MarkdownText.row(cells))
            }
            if let totals = matrix.columnTotals {
                var cells = [totalLabel] + matrix.rowFactNames.map { _ in "" } + totals.map(shown)
                if matrix.rowTotals != nil, let grand = matrix.grandTotal { cells.append(shown(grand)) }
                lines.append(MarkdownText.row(cells))
            }
            lines.append("")
            lines.append(
                "Codes: "
                    + matrix.columns.map { "\(MarkdownText.escape($0.id)) = \(MarkdownText.escape($0.name))" }
                    .joined(separator: "; "))
        case .long:
            lines.append(MarkdownText.row([matrix.rowHeader] + matrix.rowFactNames + ["code", "code name", "value"]))
            lines.append("|" + String(repeating: "---|", count: 3 + matrix.rowFactNames.count) + "---:|")
            for (index, row) in matrix.rows.enumerated() {
                for (column, code) in matrix.columns.enumerated() {
                    lines.append(
                        MarkdownText.row(
                            [row.id] + row.facts + [code.id, code.name, shown(matrix.values[index * width + column])]))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Markdown escaping for text that must read as itself, in paragraphs and table cells.
enum MarkdownText {
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|":
                result.append("\\")
                result.append(character)
            case "\n", "\r": result.append(" ")
            default: result.append(character)
            }
        }
        return result
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(escape).joined(separator: " | ") + " |"
    }
}
