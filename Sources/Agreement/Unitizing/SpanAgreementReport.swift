/// The span-level figures of one analysis as `thematic agree --spans` prints them: `SpanAgreement`, each code's
/// 2004 uα with its observed and expected disagreement (so the JSON can be diffed against DKPro Statistics) and,
/// when asked for, bootstrap intervals of |uα.
public struct SpanAgreementReport: Sendable, Equatable {
    public let agreement: SpanAgreement
    /// In `agreement.perCode` order.
    public let dkpro2004: [Unitizing2004.Result]
    public let bootstrap: AlphaBootstrap?
    public let intervals: SpanIntervals?

    /// Computes every figure of `continuum`; a bootstrap resamples its units (the `.units` procedure) and tells
    /// `progress` its replicates done and in all.
    public init(
        _ continuum: SpanContinuum, bootstrap: AlphaBootstrap? = nil,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) {
        let (agreement, dkpro2004) = SpanAgreement.withDisagreements(continuum)
        self.init(
            agreement: agreement, dkpro2004: dkpro2004,
            bootstrap: bootstrap,
            intervals: bootstrap?.spanIntervals(continuum, pointEstimates: agreement, progress: progress))
    }

    public init(
        agreement: SpanAgreement, dkpro2004: [Unitizing2004.Result], bootstrap: AlphaBootstrap? = nil,
        intervals: SpanIntervals? = nil
    ) {
        self.agreement = agreement
        self.dkpro2004 = dkpro2004
        self.bootstrap = bootstrap
        self.intervals = intervals
    }

    /// The report as text in `format`; CSV meant for a spreadsheet has its would-be formulas neutralised.
    public func rendered(as format: ReportFormat, forSpreadsheet: Bool = false) -> String {
        format.render(
            table: renderedTable(markdown:), csv: { renderedCSV(forSpreadsheet: forSpreadsheet) }, json: renderedJSON)
    }

    /// The overall figures under the JSON's top-level keys.
    var overallFigures: NamedFigures {
        var entries: [(key: String, figure: Figure)] = [("binary_u_alpha", .statistic(agreement.binaryUAlpha))]
        if let interval = intervals?.binaryUAlpha { entries += Self.intervalFigures("binary_u_alpha", interval) }
        entries += [("u_alpha", .statistic(agreement.uAlpha)), ("cu_alpha", .statistic(agreement.cuAlpha))]
        return NamedFigures(entries: entries)
    }

    /// The figures of code `index` under the keys of the JSON's `per_code` objects (`coded_characters` apart).
    func codeFigures(_ index: Int) -> NamedFigures {
        let code = agreement.perCode[index]
        var entries: [(key: String, figure: Figure)] = [("binary_u_alpha_k", .statistic(code.binaryUAlphaK))]
        if let interval = intervals?.perCode[index] { entries += Self.intervalFigures("binary_u_alpha_k", interval) }
        entries += [
            ("u_alpha_k", .statistic(code.uAlphaK)),
            ("shared_share", .statistic(code.sharedShare)),
            ("nvivo_percent_agreement", .statistic(code.nvivoPercentAgreement)),
            ("nvivo_kappa", .statistic(code.nvivoKappa)),
        ]
        return NamedFigures(entries: entries)
    }

    /// The 2004 uα of code `index` under the keys of the JSON's `dkpro_2004.per_code` objects.
    func dkproFigures(_ index: Int) -> NamedFigures {
        let result = dkpro2004[index]
        return NamedFigures(entries: [
            ("alpha", .statistic(result.alpha)),
            ("observed_disagreement", .statistic(.value(result.observedDisagreement))),
            ("expected_disagreement", .statistic(.value(result.expectedDisagreement))),
        ])
    }

    private static func intervalFigures(_ key: String, _ interval: BootstrapInterval) -> [(key: String, figure: Figure)]
    {
        [("\(key)_ci_lower", .statistic(interval.lower)), ("\(key)_ci_upper", .statistic(interval.upper))]
    }

    /// How to read each figure, printed under the table.
    public static let conventions: [(key: String, text: String)] = [
        (
            "continuum",
            "the excerpts every chosen coder finished, laid end to end; offsets in Unicode scalars; a code applied without spans covers its excerpt; one coder's overlapping or touching spans of one code are joined"
        ),
        (
            "|uα",
            "binary unitizing alpha (Krippendorff et al. 2016; ATLAS.ti's alpha-binary): every code one value against the uncoded gaps, so it asks whether the coders marked the same stretches of text at all; per code, that code's spans alone against the rest"
        ),
        (
            "uα",
            "codes and gaps as nominal values: whether the coders put the same codes in the same places; n/a where a coder put two different codes on the same characters (compare codes that exclude each other with --category)"
        ),
        (
            "cuα",
            "which code, only where the coders' units coincide (a unit weighs by its mean overlap with the other coders' units); n/a as uα"
        ),
        (
            "(k)uα",
            "per code: that code against the other codes, where the coders' units coincide (as cuα counts them); n/a as uα"
        ),
        (
            "2004 uα",
            "Krippendorff's 2004 uα (Content Analysis, 2nd ed., pp. 251-256) per code and over all codes, as DKPro Statistics computes it"
        ),
        ("shared", "characters every coder marked with the code, of the characters any coder marked with it"),
        (
            "NVivo",
            "NVivo's coding comparison, dominated by uncoded text; given for comparison only: characters both or neither coded, of all characters, and Cohen's kappa on that 2 x 2 table (two coders only)"
        ),
        (
            "|uα 95% CI",
            "bootstrap percentile interval, resampling excerpts with replacement; procedure and seed in the line above"
        ),
        ("reading", "of |uα: alpha >= .800 reliable, .667-.800 tentative, below .667 unreliable"),
    ]
}
