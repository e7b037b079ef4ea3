/// Theme matrices: rows of excerpts, reviews or review-attribute values against codes, counted under one source.
///
/// Only excerpts coded under the source make rows or count toward them: a review none of whose excerpts is coded
/// yet has no row (its zeros would claim "no theme" where nobody has looked).
public enum ThemeMatrix {
    /// What each row of a theme matrix stands for.
    public enum RowKind: Sendable, Equatable, CustomStringConvertible {
        case excerpt
        case review
        /// The reviews sharing one value of a review attribute, e.g. `childAgeBand`.
        case attribute(String)

        /// Reads `excerpt`, `review` or `attribute:NAME`.
        public init(parsing text: String) throws(ExportError) {
            switch text {
            case "excerpt", "excerpts": self = .excerpt
            case "review", "reviews": self = .review
            default:
                guard text.hasPrefix("attribute:"), text.count > "attribute:".count else {
                    throw ExportError(
                        "rows must be excerpt, review or attribute:NAME (e.g. attribute:childAgeBand); got \"\(text)\"")
                }
                self = .attribute(String(text.dropFirst("attribute:".count)))
            }
        }

        public var description: String {
            switch self {
            case .excerpt: "excerpt"
            case .review: "review"
            case .attribute(let name): "attribute:\(name)"
            }
        }
    }

    /// What each cell counts.
    public enum CellKind: String, Sendable, Equatable, CaseIterable {
        /// 1 when any coded excerpt of the row has the code, else 0.
        case presence
        /// The number of coded excerpts of the row that have the code.
        case count
        /// Of the row's reviews with at least one coded excerpt, the share that have the code somewhere.
        case share

        var explanation: String {
            switch self {
            case .presence: "1 when any coded excerpt of the row has the code, else 0"
            case .count: "number of coded excerpts with the code"
            case .share:
                "share of the row's coded reviews (reviews with at least one coded excerpt) that have the code in any excerpt"
            }
        }
    }

    /// Label used for reviews that have no value for the attribute a matrix groups by.
    public static let notRecorded = "(not recorded)"

    /// Counts `coding` into a matrix.
    ///
    /// Totals, when asked for: for presence and counts, sums along the row and down the column; for shares, the
    /// same share over all the row's (or all) coded reviews, where the row total is the share with any of the codes.
    public static func build(
        study: Study, coding: SourceCoding, columns: CodeColumns, rows rowKind: RowKind,
        cells: CellKind, totals: Bool = false
    ) throws(ExportError) -> Matrix {
        if case .attribute(let name) = rowKind {
            let known = Set(study.manifest.attributes.map(\.id)).union(
                study.corpus.reviews.flatMap { $0.attributes.keys })
            guard known.contains(name) else {
                throw ExportError(
                    "no review attribute \"\(name)\" in this study (attributes: \(known.sorted().joined(separator: ", ")))"
                )
            }
        }
        if rowKind == .excerpt && cells == .share {
            throw ExportError(
                "a share of reviews needs rows of reviews or of an attribute, not of excerpts; use presence or count")
        }
        let width = columns.count
        let columnsByNumber = columns.columnsByNumber(coding)
        var rowNames: [String] = []
        var attributeRows: [String: Int] = [:]
        var facts: [[String]] = []
        var excerptCounts: [Int] = []
        var reviewCounts: [Int] = []
        var counts: [Int] = []
        var reviewsWithCode: [Int] = []
        var reviewsWithAny: [Int] = []
        var allReviewsWithCode = [Int](repeating: 0, count: width)
        var allReviewsWithAny = 0
        var allCodedReviews = 0

        func newRow(_ name: String, _ rowFacts: [String]) -> Int {
            rowNames.append(name)
            facts.append(rowFacts)
            excerptCounts.append(0)
            reviewCounts.append(0)
            counts.append(contentsOf: repeatElement(0, count: width))
            // Rows of excerpts have no reviews of their own to count.
            if rowKind != .excerpt { reviewsWithCode.append(contentsOf: repeatElement(0, count: width)) }
            reviewsWithAny.append(0)
            return rowNames.count - 1
        }

        var inReview = [Bool](repeating: false, count: width)
        var present: [Int] = []
        var position = 0
        for review in study.corpus.reviews {
            var reviewRow: Int?
            var reviewHasAny = false
            for index in inReview.indices { inReview[index] = false }
            for excerpt in review.excerpts {
                defer { position += 1 }
                guard let codes = coding.coded[position] else { continue }
                let target: Int
                switch rowKind {
                case .excerpt:
                    target = newRow(excerpt.id, [review.id, excerpt.section, excerpt.pageField])
                case .review:
                    target = reviewRow ?? newRow(review.id, [review.title])
                case .attribute(let name):
                    let value = review.attributes[name] ?? notRecorded
                    if let existing = attributeRows[value] {
                        target = existing
                    } else {
                        target = newRow(value, [])
                        attributeRows[value] = target
                    }
                }
                reviewRow = target
                excerptCounts[target] += 1
                CodeColumns.present(codes, columnsByNumber, into: &present)
                for column in present {
                    counts[target * width + column] += 1
                    inReview[column] = true
                    reviewHasAny = true
                }
            }
            guard let target = reviewRow else { continue }
            allCodedReviews += 1
            if rowKind != .excerpt { reviewCounts[target] += 1 }
            if reviewHasAny {
                allReviewsWithAny += 1
                if rowKind != .excerpt { reviewsWithAny[target] += 1 }
            }
            for column in 0..<width where inReview[column] {
                allReviewsWithCode[column] += 1
                if rowKind != .excerpt { reviewsWithCode[target * width + column] += 1 }
            }
        }

        var order = Array(rowNames.indices)
        if case .attribute = rowKind {
            order.sort { NaturalOrder.precedes(rowNames[$0], rowNames[$1]) }
        }
        var values: [Double] = []
        values.reserveCapacity(order.count * width)
        var rowTotals: [Double] = []
        for source in order {
            var total = 0.0
            for column in 0..<width {
                let value: Double =
                    switch cells {
                    case .presence: counts[source * width + column] > 0 ? 1 : 0
                    case .count: Double(counts[source * width + column])
                    case .share: Double(reviewsWithCode[source * width + column]) / Double(reviewCounts[source])
                    }
                values.append(value)
                total += value
            }
            rowTotals.append(cells == .share ? Double(reviewsWithAny[source]) / Double(reviewCounts[source]) : total)
        }

        let factNames: [String]
        let rows: [MatrixRow]
        switch rowKind {
        case .excerpt:
            // The page is always a column (empty when unknown), so an export's shape does not depend on the sources.
            factNames = ["review", "section", "page"]
            rows = order.map { MatrixRow(id: rowNames[$0], facts: facts[$0]) }
        case .review:
            factNames = ["title", "coded_excerpts"]
            rows = order.map { MatrixRow(id: rowNames[$0], facts: facts[$0] + [String(excerptCounts[$0])]) }
        case .attribute:
            factNames = ["coded_reviews", "coded_excerpts"]
            rows = order.map {
                MatrixRow(id: rowNames[$0], facts: [String(reviewCounts[$0]), String(excerptCounts[$0])])
            }
        }
        let rowHeader =
            switch rowKind {
            case .excerpt: "excerpt"
            case .review: "review"
            case .attribute(let name): name
            }
        var columnTotals: [Double]?
        var grandTotal: Double?
        if totals {
            if cells == .share {
                let base = Double(max(allCodedReviews, 1))
                columnTotals = allReviewsWithCode.map { Double($0) / base }
                grandTotal = Double(allReviewsWithAny) / base
            } else {
                var sums = [Double](repeating: 0, count: width)
                for row in 0..<order.count {
                    for column in 0..<width { sums[column] += values[row * width + column] }
                }
                columnTotals = sums
                grandTotal = sums.reduce(0, +)
            }
        }
        let rowLabel =
            switch rowKind {
            case .excerpt: "excerpts"
            case .review: "reviews"
            case .attribute(let name): "values of the review attribute \(name)"
            }
        let notes = [
            Matrix.Note("study", study.manifest.title),
            Matrix.Note("source", coding.source.description(in: study)),
            Matrix.Note("rows", rowLabel + " (only excerpts coded under the source count)"),
            Matrix.Note("columns", columns.explanation),
            Matrix.Note("cells", cells.explanation),
            Matrix.Note("codebook revision", String(study.codebook.revision)),
        ]
        let cellTitle =
            switch cells {
            case .presence: "presence"
            case .count: "count of excerpts"
            case .share: "share of reviews"
            }
        return Matrix(
            title: "Codes by \(rowHeader): \(cellTitle)", notes: notes, rowHeader: rowHeader,
            rowFactNames: factNames, rows: rows, columns: MatrixColumn.of(columns, in: study.codebook),
            valueKind: cells == .share ? .proportion : .whole, values: values,
            rowTotals: totals ? rowTotals : nil, columnTotals: columnTotals, grandTotal: grandTotal)
    }
}

/// Orders text with runs of digits compared as numbers ("6 to 10" before "11 to 15"); "(not recorded)" goes last.
enum NaturalOrder {
    static func precedes(_ left: String, _ right: String) -> Bool {
        if left == ThemeMatrix.notRecorded || right == ThemeMatrix.notRecorded {
            return right == ThemeMatrix.notRecorded && left != right
        }
        let a = pieces(left)
        let b = pieces(right)
        for (x, y) in zip(a, b) where x != y {
            switch (x, y) {
            case (.number(let m), .number(let n)): return m.count != n.count ? m.count < n.count : m < n
            case (.number, .text): return true
            case (.text, .number): return false
            case (.text(let s), .text(let t)): return s.utf8.lexicographicallyPrecedes(t.utf8)
            }
        }
        return a.count != b.count ? a.count < b.count : left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    enum Piece: Equatable {
        /// Digits without leading zeros, so longer means larger.
        case number(String)
        case text(String)
    }

    static func pieces(_ text: String) -> [Piece] {
        var result: [Piece] = []
        var current = ""
        var inNumber = false
        func flush() {
            guard !current.isEmpty else { return }
            if inNumber {
                let trimmed = String(current.drop { $0 == "0" })
                result.append(.number(trimmed.isEmpty ? "0" : trimmed))
            } else {
                result.append(.text(current))
            }
            current = ""
        }
        for character in text {
            let digit = character.isASCII && character.isNumber
            if digit != inNumber {
                flush()
                inNumber = digit
            }
            current.append(character)
        }
        flush()
        return result
    }
}
