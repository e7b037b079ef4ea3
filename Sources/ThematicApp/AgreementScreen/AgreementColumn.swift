import Agreement

/// A column of the agreement table: its heading, what a row shows in it, and how it sorts.
public enum AgreementColumn: Hashable, Sendable {
    case code, name
    /// Excerpts two or more of the chosen coders finished: the units the figures compare.
    case pairable
    /// Excerpts one chosen coder (by index into the table's coders) applied the code to.
    case applications(coder: Int)
    case percentAgreement, kappa, alpha, ac1
    case disagreements

    /// Every column of a table of `coders` coders, left to right.
    public static func all(coders: Int) -> [AgreementColumn] {
        [.code, .name, .pairable] + (0..<coders).map { .applications(coder: $0) }
            + [.percentAgreement, .kappa, .alpha, .ac1, .disagreements]
    }

    /// The code and name stay on screen when the other columns scroll sideways.
    public var isFrozen: Bool { self == .code || self == .name }

    /// Kappa, alpha and AC1 are read (and coloured) by the reading of alpha; percent agreement is not chance-corrected.
    public var isRead: Bool { self == .kappa || self == .alpha || self == .ac1 }

    public func title(in table: AgreementTable) -> String {
        switch self {
        case .code: "code"
        case .name: "name"
        case .pairable: "pairable"
        case .applications(let coder): table.coders[coder]
        case .percentAgreement: "% agree"
        case .kappa: table.usesCohenKappa ? "Cohen k" : "Fleiss k"
        case .alpha: "alpha"
        case .ac1: "AC1"
        case .disagreements: "disagree"
        }
    }

    /// The statistic a figure column shows; nil for the columns of names and counts.
    public func statistic(_ row: AgreementTable.Row, in table: AgreementTable) -> Statistic? {
        switch self {
        case .percentAgreement: row.agreement.percentAgreementUnits
        case .kappa: table.kappa(row.agreement)
        case .alpha: row.agreement.krippendorffAlpha
        case .ac1: row.agreement.gwetAC1
        default: nil
        }
    }

    /// The cell's text: counts in full, figures to three decimals, "n/a" where a figure is undefined.
    public func text(_ row: AgreementTable.Row, in table: AgreementTable) -> String {
        switch self {
        case .code: row.code
        case .name: row.name
        case .pairable: String(row.agreement.unitsPairable)
        case .applications(let coder): String(row.applicationsPerCoder[coder])
        case .disagreements: String(row.disagreements)
        case .percentAgreement, .kappa, .alpha, .ac1: AgreementReport.threeDecimals(statistic(row, in: table)!)
        }
    }

    /// What the column sorts rows by.
    enum SortKey {
        /// nil for n/a.
        case number(Double?)
        case text(String)
    }

    func sortKey(row index: Int, in table: AgreementTable) -> SortKey {
        let row = table.rows[index]
        switch self {
        case .code: return .number(Double(index))
        case .name: return .text(row.name.lowercased())
        case .pairable: return .number(Double(row.agreement.unitsPairable))
        case .applications(let coder): return .number(Double(row.applicationsPerCoder[coder]))
        case .disagreements: return .number(Double(row.disagreements))
        case .percentAgreement, .kappa, .alpha, .ac1: return .number(statistic(row, in: table)!.value)
        }
    }
}

/// The order of the table's rows: by one column, ascending or descending.
public struct AgreementSort: Equatable, Sendable {
    public var column: AgreementColumn
    public var descending: Bool

    public init(column: AgreementColumn = .code, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// Row indices of `table` in this order. An undefined figure (n/a) sorts last either way; equal keys keep the
    /// codebook's order.
    public func order(_ table: AgreementTable) -> [Int] {
        let keys = table.rows.indices.map { column.sortKey(row: $0, in: table) }
        return table.rows.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case (.number(let x?), .number(let y?)) where x != y: return descending ? x > y : x < y
            case (.number(_?), .number(nil)): return true
            case (.number(nil), .number(_?)): return false
            case (.text(let x), .text(let y)) where x != y:
                return descending ? y.utf8.lexicographicallyPrecedes(x.utf8) : x.utf8.lexicographicallyPrecedes(y.utf8)
            default: return a < b
            }
        }
    }
}
