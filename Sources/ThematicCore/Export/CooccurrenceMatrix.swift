/// Which codes travel together: code × code counts of excerpts (or reviews) that have both codes.
///
/// The diagonal holds the excerpts (or reviews) that have the code at all, so each row can be read as a share of it.
public enum CooccurrenceMatrix {
    public enum Unit: String, Sendable, Equatable, CaseIterable {
        /// Both codes on the same coded excerpt.
        case excerpt
        /// Both codes somewhere in the same review (not necessarily on the same excerpt).
        case review
    }

    public static func build(study: Study, coding: SourceCoding, columns: CodeColumns, by unit: Unit) -> Matrix {
        let width = columns.count
        var counts = [Int](repeating: 0, count: width * width)
        func add(_ present: [Int]) {
            for first in present {
                for second in present { counts[first * width + second] += 1 }
            }
        }
        let columnsByNumber = columns.columnsByNumber(coding)
        var present: [Int] = []
        var position = 0
        for review in study.corpus.reviews {
            var inReview: Set<Int> = []
            for _ in review.excerpts {
                defer { position += 1 }
                guard let codes = coding.coded[position] else { continue }
                CodeColumns.present(codes, columnsByNumber, into: &present)
                if unit == .excerpt { add(present) } else { inReview.formUnion(present) }
            }
            if unit == .review { add(inReview.sorted()) }
        }
        let matrixColumns = MatrixColumn.of(columns, in: study.codebook)
        let notes = [
            Matrix.Note("study", study.manifest.title),
            Matrix.Note("source", coding.source.description(in: study)),
            Matrix.Note(
                "cells",
                unit == .excerpt
                    ? "number of coded excerpts that have both codes; the diagonal is the number of coded excerpts with the code"
                    : "number of reviews with both codes (on any of their coded excerpts); the diagonal is the number of reviews with the code"
            ),
            Matrix.Note("columns", columns.explanation),
            Matrix.Note("codebook revision", String(study.codebook.revision)),
        ]
        return Matrix(
            title: "Co-occurrence of codes by \(unit.rawValue)", notes: notes, rowHeader: "code",
            rowFactNames: ["name"], rows: matrixColumns.map { MatrixRow(id: $0.id, facts: [$0.name]) },
            columns: matrixColumns, valueKind: .whole, values: counts.map(Double.init))
    }
}
