/// How often each coder applied each code: coder × code counts of the excerpts the coder finished with the code.
///
/// Merged codes count as the code they were merged into; codes roll up to the chosen level as in a theme matrix.
public enum CoderCodeMatrix {
    public static func build(study: Study, columns: CodeColumns, totals: Bool = false) -> Matrix {
        let width = columns.count
        var values: [Double] = []
        var rows: [MatrixRow] = []
        var present: [Int] = []
        for coder in study.coders {
            let coding = SourceCoding(study: study, source: .coder(coder))
            let columnsByNumber = columns.columnsByNumber(coding)
            var counts = [Int](repeating: 0, count: width)
            var finished = 0
            for case let codes? in coding.coded {
                finished += 1
                CodeColumns.present(codes, columnsByNumber, into: &present)
                for column in present { counts[column] += 1 }
            }
            rows.append(MatrixRow(id: coder, facts: [String(finished)]))
            values.append(contentsOf: counts.map(Double.init))
        }
        var rowTotals: [Double]?
        var columnTotals: [Double]?
        var grandTotal: Double?
        if totals {
            rowTotals = rows.indices.map { row in values[(row * width)..<((row + 1) * width)].reduce(0, +) }
            columnTotals = (0..<width).map { column in rows.indices.reduce(0) { $0 + values[$1 * width + column] } }
            grandTotal = rowTotals!.reduce(0, +)
        }
        let notes = [
            Matrix.Note("study", study.manifest.title),
            Matrix.Note("source", "each coder's own coding (finished excerpts only)"),
            Matrix.Note("cells", "number of the coder's finished excerpts with the code"),
            Matrix.Note("columns", columns.explanation),
            Matrix.Note("codebook revision", String(study.codebook.revision)),
        ]
        return Matrix(
            title: "Codes by coder: count of excerpts", notes: notes, rowHeader: "coder",
            rowFactNames: ["finished_excerpts"], rows: rows, columns: MatrixColumn.of(columns, in: study.codebook),
            valueKind: .whole, values: values, rowTotals: rowTotals, columnTotals: columnTotals, grandTotal: grandTotal)
    }
}
