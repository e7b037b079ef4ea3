import Foundation

/// The forms an agreement report can be printed in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// A readable terminal table: 3 decimals, codes in the data's order, a reading of each alpha.
    case table
    /// One row per code (then the pooled view and the set-valued alphas), full precision.
    case csv
    /// The table as GitHub-flavoured Markdown, for a report or an issue.
    case markdown
    /// The reference files' `per_code` and `overall` keys, so the two can be diffed.
    case json

    /// The text of a report in this format, from the report's renderers (tables serve Markdown too).
    func render(table: (_ markdown: Bool) -> String, csv: () -> String, json: () -> String) -> String {
        switch self {
        case .table: return table(false)
        case .markdown: return table(true)
        case .csv: return csv()
        case .json: return json()
        }
    }
}

/// The usual reading of Krippendorff's alpha (Krippendorff 2004, §11.4).
public enum AlphaReading: String, Sendable {
    case reliable
    case tentative
    case unreliable
    case undefined = "n/a"

    public init(_ alpha: Statistic) {
        switch alpha.value {
        case nil: self = .undefined
        case let a? where a >= 0.8: self = .reliable
        case let a? where a >= 0.667: self = .tentative
        default: self = .unreliable
        }
    }
}

extension AgreementReport {
    /// The report as text in `format`; CSV meant for a spreadsheet has its would-be formulas neutralised.
    public func rendered(as format: ReportFormat, forSpreadsheet: Bool = false) -> String {
        format.render(
            table: renderedTable(markdown:), csv: { renderedCSV(forSpreadsheet: forSpreadsheet) }, json: renderedJSON)
    }

    /// Which convention each figure follows, under its key.
    public static let conventions: [(key: String, text: String)] = [
        (
            "unit",
            "the excerpt; a coder's value for a code is 1 (applied), 0 (finished the excerpt without it) or missing (not finished)"
        ),
        (
            "percent_agreement_units",
            "mean over units coded by two or more coders of the share of agreeing coder pairs (Fleiss' P-bar, irrCAC p_a)"
        ),
        (
            "percent_agreement_coder_pairs_numpy",
            "mean over coder pairs of the share of units both finished on which they agree"
        ),
        (
            "cohen_kappa",
            "exactly two coders, units both finished; SE: Fleiss-Cohen-Everitt 1969 (statsmodels std_kappa), se0 under H0 kappa = 0, CI kappa +- 1.959964 SE"
        ),
        ("fleiss_kappa", "units finished by every selected coder (statsmodels fleiss_kappa)"),
        ("krippendorff_alpha", "nominal, missing values allowed; units with fewer than two values drop out"),
        (
            "gwet_ac1/brennan_prediger",
            "q = 2 categories {0, 1}, so BP = 2 p_a - 1; SEs as irrCAC; class shares over units with at least one value"
        ),
        ("pooled", "every (unit, code) pair is one binary unit; figures computed on all of them together"),
        (
            "alpha_masi/alpha_jaccard",
            "Krippendorff's alpha on each coder's whole set of codes per unit; the empty set is a value; d(S, S) = 0; MASI weights exactly 2/3 and 1/3"
        ),
        (
            "single_label_nominal",
            "only when every coding holds exactly one code: the code as one nominal variable, q = codes used (irrCAC's default)"
        ),
        ("krippendorff_alpha_ci", "95% bootstrap percentile interval; procedure and seed under \"bootstrap\""),
        ("reading", "alpha >= .800 reliable, .667-.800 tentative, below .667 unreliable"),
    ]

    /// The bootstrap interval figures of code `index`, empty without a bootstrap.
    func intervalFigures(_ index: Int) -> [(key: String, figure: Figure)] {
        guard let interval = alphaIntervals?[index] else { return [] }
        return [
            ("krippendorff_alpha_ci_lower", .statistic(interval.lower)),
            ("krippendorff_alpha_ci_upper", .statistic(interval.upper)),
        ]
    }

    /// Every figure of code `index` (or of the pooled view when nil), bootstrap interval included.
    func rowFigures(_ index: Int?) -> NamedFigures {
        guard let index else { return pooled.figures }
        return NamedFigures(entries: perCode[index].agreement.figures.entries + intervalFigures(index))
    }

    static func fullPrecision(_ figure: Figure?) -> String {
        switch figure {
        case .count(let n)?: return String(n)
        case .statistic(.value(let v))?: return "\(v)"
        case .statistic(.undefined)?, nil: return "n/a"
        }
    }

    /// A figure as the tables print it: three decimals, or "n/a".
    public static func threeDecimals(_ statistic: Statistic) -> String {
        statistic.value.map { String(format: "%.3f", $0) } ?? "n/a"
    }
}
