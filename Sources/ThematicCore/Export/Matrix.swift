/// A table of numbers with codes as columns, ready to be written as CSV, TSV, JSON or Markdown or drawn as a heat map:
/// a theme matrix, a co-occurrence matrix or coder-by-code frequencies.
public struct Matrix: Sendable, Equatable {
    /// Whether cells are whole numbers (presence, counts) or proportions between 0 and 1.
    public enum ValueKind: String, Sendable, Equatable {
        case whole
        case proportion
    }

    /// One thing stated about the matrix, such as its source; written into JSON and Markdown and the metadata sidecar.
    public struct Note: Sendable, Equatable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public var title: String
    public var notes: [Note]
    /// Header of the column that names each row, e.g. "review" or "childAgeBand".
    public var rowHeader: String
    /// Headers of the descriptive columns after the row name, e.g. ["title", "coded_excerpts"].
    public var rowFactNames: [String]
    public var rows: [MatrixRow]
    public var columns: [MatrixColumn]
    public var valueKind: ValueKind
    /// Row-major: `values[row * columns.count + column]`.
    public var values: [Double]
    /// Per row, per column and overall totals, when asked for; what they mean depends on the cells (see `ThemeMatrix`).
    public var rowTotals: [Double]?
    public var columnTotals: [Double]?
    public var grandTotal: Double?

    public init(
        title: String, notes: [Note], rowHeader: String, rowFactNames: [String], rows: [MatrixRow],
        columns: [MatrixColumn], valueKind: ValueKind, values: [Double],
        rowTotals: [Double]? = nil, columnTotals: [Double]? = nil, grandTotal: Double? = nil
    ) {
        precondition(values.count == rows.count * columns.count, "a matrix needs one value per row and column")
        self.title = title
        self.notes = notes
        self.rowHeader = rowHeader
        self.rowFactNames = rowFactNames
        self.rows = rows
        self.columns = columns
        self.valueKind = valueKind
        self.values = values
        self.rowTotals = rowTotals
        self.columnTotals = columnTotals
        self.grandTotal = grandTotal
    }

    public subscript(row: Int, column: Int) -> Double { values[row * columns.count + column] }
}

/// One row of a matrix: its name and the facts that describe it (matching `Matrix.rowFactNames`).
public struct MatrixRow: Sendable, Equatable {
    public var id: String
    public var facts: [String]

    public init(id: String, facts: [String] = []) {
        self.id = id
        self.facts = facts
    }
}

/// One column of a matrix: a code, with its name and the top-level category it sits in.
public struct MatrixColumn: Sendable, Equatable {
    public var id: String
    public var name: String
    public var category: String?

    public init(id: String, name: String, category: String? = nil) {
        self.id = id
        self.name = name
        self.category = category
    }

    static func of(_ columns: CodeColumns, in codebook: Codebook) -> [MatrixColumn] {
        columns.codes.indices.map { index in
            MatrixColumn(
                id: columns.codes[index].id, name: columns.codes[index].name,
                category: columns.category(of: index, in: codebook)?.id)
        }
    }
}
