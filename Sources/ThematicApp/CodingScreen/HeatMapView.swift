import TerminalUI
import ThematicCore

/// A quick look at the coder's own coding: reviews against the codebook's top-level categories, each cell the
/// number of finished excerpts of the review carrying any code under the category, printed and shaded.
/// The counting is `ThemeMatrix`'s (rows of reviews, level-1 columns, counts), so it matches `thematic export`.
enum HeatMapView {
    /// Backgrounds from faint to strong, for the thirds of the largest count.
    static let shades: [Style] = [
        Style(foreground: .basic(.black), background: .basic(.cyan)),
        Style(foreground: .basic(.black), background: .basic(.yellow)),
        Style(foreground: .basic(.white), background: .basic(.red), attributes: .bold),
    ]

    static func overlay(in state: CodingScreenState) -> Result<Overlay?, ExportError> {
        var study = state.study
        study.codings = [state.coder: Coding(coder: state.coder, excerpts: state.decisions)]
        let matrix: Matrix
        do {
            let columns = try CodeColumns(codebook: state.codebook, level: 1)
            matrix = try ThemeMatrix.build(
                study: study, coding: SourceCoding(study: study, source: .coder(state.coder)),
                columns: columns, rows: .review, cells: .count)
        } catch { return .failure(error) }
        guard !matrix.rows.isEmpty else { return .success(nil) }
        return .success(
            Overlay(
                kind: .heatMap(matrix),
                title: "Your finished excerpts per review and category (j/k scroll, Esc closes)",
                lines: lines(matrix), targets: []))
    }

    static func labelWidth(_ matrix: Matrix) -> Int {
        max(6, matrix.rows.map { DisplayWidth.of($0.id) }.max() ?? 0) + 1
    }
    static func cellWidth(_ matrix: Matrix) -> Int {
        max(
            4, matrix.columns.map { DisplayWidth.of($0.id) + 1 }.max() ?? 0,
            String(Int(matrix.values.max() ?? 0)).count + 2)
    }

    static func cell(_ text: String, width: Int) -> String { DisplayWidth.padLeft(text, toWidth: width) }

    /// The header line, then one line per review.
    static func lines(_ matrix: Matrix) -> [String] {
        let label = labelWidth(matrix), width = cellWidth(matrix)
        var lines = ["review".padded(to: label) + matrix.columns.map { cell($0.id, width: width) }.joined()]
        for (row, review) in matrix.rows.enumerated() {
            lines.append(
                review.id.padded(to: label)
                    + matrix.columns.indices.map { cell(String(Int(matrix[row, $0])), width: width) }.joined())
        }
        return lines
    }

    static func shade(_ value: Double, largest: Double) -> Style? {
        guard value > 0, largest > 0 else { return nil }
        return shades[min(shades.count - 1, Int((value / largest) * Double(shades.count) - 0.0001))]
    }

    /// The dialog with the header kept in place, the rows from the overlay's offset, and each non-zero cell shaded.
    static func draw(_ overlay: Overlay, matrix: Matrix, on screen: inout Screen) {
        let shown = [overlay.lines[0]] + overlay.lines.dropFirst(1 + overlay.offset)
        let rect = Dialog(title: overlay.title, lines: shown).draw(on: &screen)
        let inside = rect.inset(by: 1).inset(left: 1, right: 1)
        let label = labelWidth(matrix), width = cellWidth(matrix)
        let largest = matrix.values.max() ?? 0
        for line in stride(from: 1, to: min(shown.count, inside.rows), by: 1) {
            let row = overlay.offset + line - 1
            for column in matrix.columns.indices {
                guard let style = shade(matrix[row, column], largest: largest) else { continue }
                let left = inside.column + label + column * width + 1
                let columns = min(width - 1, inside.right - left)
                guard columns > 0 else { break }
                screen.restyle(Rect(row: inside.row + line, column: left, rows: 1, columns: columns)) { $0 = style }
            }
        }
    }
}
