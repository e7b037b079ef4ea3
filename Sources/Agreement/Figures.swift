/// One named entry of a report, as the renderers print it.
public enum Figure: Sendable, Equatable {
    case count(Int)
    case statistic(Statistic)
}

/// A report's figures under the key names of the reference files (`per_code` and `overall` objects
/// of AGREEMENT.md's `*.expected.json`), so a JSON report can be diffed against them.
public struct NamedFigures: Sendable, Equatable {
    public let entries: [(key: String, figure: Figure)]

    public subscript(key: String) -> Figure? { entries.first { $0.key == key }?.figure }

    /// "key undefined: reason" for every undefined figure whose parent figure (the statistic an
    /// `_se`, `_se0` or `_ci_*` figure belongs to) is defined or absent, as the reference files' `notes`.
    public var notes: [String] {
        entries.compactMap { key, figure in
            guard case .statistic(.undefined(let reason)) = figure else { return nil }
            if let parent = Self.parent(of: key), case .statistic(.undefined)? = self[parent] { return nil }
            return "\(key) undefined: \(reason)"
        }
    }

    static func parent(of key: String) -> String? {
        for suffix in ["_se0", "_se", "_ci_lower", "_ci_upper"] where key.hasSuffix(suffix) {
            return String(key.dropLast(suffix.count))
        }
        return nil
    }

    public static func == (a: NamedFigures, b: NamedFigures) -> Bool {
        a.entries.map(\.key) == b.entries.map(\.key) && a.entries.map(\.figure) == b.entries.map(\.figure)
    }
}

extension BinaryAgreement {
    /// The figures under the reference files' `per_code` keys (plus the Cohen confidence interval).
    public var figures: NamedFigures {
        var entries: [(String, Figure)] = [
            ("n_units_coded", .count(unitsCoded)),
            ("n_units_pairable", .count(unitsPairable)),
            ("n_units_complete", .count(unitsComplete)),
            ("n_pairable_values", .count(pairableValues)),
            ("n_applied", .count(applications)),
            ("n_applied_pairable", .count(applicationsPairable)),
            ("percent_agreement_units", .statistic(percentAgreementUnits)),
            ("percent_agreement_coder_pairs_numpy", .statistic(percentAgreementCoderPairs)),
        ]
        if let cohenUnits { entries.append(("cohen_n_units", .count(cohenUnits))) }
        entries += [
            ("cohen_kappa", .statistic(cohenKappa)),
            ("cohen_kappa_se", .statistic(cohenKappaSE)),
            ("cohen_kappa_se0", .statistic(cohenKappaSE0)),
            ("cohen_kappa_ci_lower", .statistic(cohenKappaCILower)),
            ("cohen_kappa_ci_upper", .statistic(cohenKappaCIUpper)),
            ("fleiss_kappa", .statistic(fleissKappa)),
            ("krippendorff_alpha", .statistic(krippendorffAlpha)),
            ("gwet_ac1", .statistic(gwetAC1)),
            ("gwet_ac1_se", .statistic(gwetAC1SE)),
            ("brennan_prediger", .statistic(brennanPrediger)),
            ("brennan_prediger_se", .statistic(brennanPredigerSE)),
        ]
        return NamedFigures(entries: entries)
    }
}

extension SetValuedAgreement {
    /// The figures under the reference files' `overall` keys.
    public var figures: NamedFigures {
        NamedFigures(entries: [
            ("n_distinct_label_sets", .count(distinctLabelSets)),
            ("n_distinct_label_sets_pairable", .count(distinctLabelSetsPairable)),
            ("n_pairable_values", .count(pairableValues)),
            ("alpha_masi", .statistic(alphaMASI)),
            ("alpha_jaccard", .statistic(alphaJaccard)),
            ("alpha_masi_legacy_nltk_le_3_10_0", .statistic(alphaMASILegacyNLTK)),
        ])
    }
}

extension SingleLabelAgreement {
    /// The figures under the keys of the reference files' `overall.single_label_nominal` object.
    public var figures: NamedFigures {
        NamedFigures(entries: [
            ("krippendorff_alpha_nominal", .statistic(krippendorffAlpha)),
            ("percent_agreement_units", .statistic(percentAgreementUnits)),
            ("gwet_ac1", .statistic(gwetAC1)),
            ("gwet_ac1_se", .statistic(gwetAC1SE)),
            ("brennan_prediger_q_observed", .statistic(brennanPrediger)),
            ("n_categories_observed", .count(categoriesObserved)),
            ("fleiss_kappa_gwet_missing_irrCAC", .statistic(fleissKappaGwet)),
            ("fleiss_kappa_complete_units", .statistic(fleissKappaComplete)),
            ("cohen_kappa", .statistic(cohenKappa)),
        ])
    }
}
