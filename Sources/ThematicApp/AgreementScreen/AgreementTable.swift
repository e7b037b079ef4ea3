import Agreement
import ThematicCore

/// What the agreement screen shows for one choice of coders: a row per code with its figures, the pooled row, the
/// set-valued alphas, and for each code the excerpts the coders disagree on. Computed once per choice of coders
/// from the same reliability data `thematic agree` reads, so every figure and count is the command's.
public struct AgreementTable: Sendable {
    /// One code's line of the table (or the pooled line over every code).
    public struct Row: Sendable {
        public let code: String
        public let name: String
        public let agreement: BinaryAgreement
        /// Units each chosen coder applied the code to, in coder order.
        public let applicationsPerCoder: [Int]
        /// Excerpts where some of the coders who finished them applied the code and some did not; for the
        /// pooled row, every such (excerpt, code) pair.
        public let disagreements: Int
    }

    /// The reliability data the figures come from (the chosen coders, the selected excerpts, codes rolled up).
    public let data: ReliabilityData
    /// In the report's code order (the codebook's): what "sorted by code" means.
    public let rows: [Row]
    /// Every (excerpt, code) pair as one unit: the overall per-code view.
    public let pooled: Row
    /// Krippendorff's alpha on each coder's whole set of codes (MASI and Jaccard distances).
    public let setValued: SetValuedAgreement
    /// Excerpts two or more of the coders finished: the units every figure compares.
    public let pairableExcerpts: Int
    /// Excerpts on which the coders disagree about at least one code of the table (without `--level`, the excerpts
    /// whose sets of codes differ: those `thematic reconcile` walks).
    public let excerptsInDisagreement: Int
    /// Things the reader of the figures must know (e.g. coders who worked against different codebook revisions).
    public let warnings: [String]
    /// Per row: the indices (into `data.unitIDs`) of the excerpts counted in its `disagreements`.
    private let disagreementUnits: [[Int]]

    public var coders: [String] { data.coders }
    /// Two coders: Cohen's kappa; three or more: Fleiss' kappa.
    public var usesCohenKappa: Bool { coders.count == 2 }

    public init(study: Study, selection: AgreementSelection) throws(StudyReliability.SelectionError) {
        let reliability = try StudyReliability(study: study, selection: selection)
        let data = reliability.data
        let report = AgreementReport(data)
        let codesByID = study.codebook.codesByID
        var units: [[Int]] = []
        var rows: [Row] = []
        var inDisagreement = [Bool](repeating: false, count: data.unitIDs.count)
        for (index, entry) in report.perCode.enumerated() {
            let disagreeing = data.disagreements(onCode: index)
            units.append(disagreeing)
            for unit in disagreeing { inDisagreement[unit] = true }
            rows.append(
                Row(
                    code: entry.code, name: codesByID[entry.code]?.name ?? "", agreement: entry.agreement,
                    applicationsPerCoder: data.coders.indices.map { data.applications(ofCode: index, byCoder: $0) },
                    disagreements: disagreeing.count))
        }
        self.data = data
        self.rows = rows
        pooled = Row(
            code: "(pooled)", name: "every code", agreement: report.pooled,
            applicationsPerCoder: data.coders.indices.map { coder in
                rows.reduce(0) { $0 + $1.applicationsPerCoder[coder] }
            },
            disagreements: units.reduce(0) { $0 + $1.count })
        setValued = report.setValued
        pairableExcerpts = data.pairableUnitCount
        excerptsInDisagreement = inDisagreement.lazy.filter { $0 }.count
        warnings = reliability.warnings
        disagreementUnits = units
    }

    /// The kappa the table shows for `agreement`: Cohen's with two coders, Fleiss' with more.
    public func kappa(_ agreement: BinaryAgreement) -> Statistic {
        usesCohenKappa ? agreement.cohenKappa : agreement.fleissKappa
    }

    /// One excerpt the coders disagree on about one code, and where each chosen coder stands.
    public struct Disagreement: Sendable, Equatable {
        public let excerptID: String
        /// Coders who applied the code, who finished the excerpt without it, and who have not finished it.
        public let applied: [String]
        public let without: [String]
        public let notFinished: [String]
    }

    /// The excerpts counted in row `row`'s disagreements (rows are in the data's code order), in reading order.
    public func disagreements(row: Int) -> [Disagreement] {
        disagreementUnits[row].map { unit in
            var applied: [String] = [], without: [String] = [], notFinished: [String] = []
            for (index, coder) in coders.enumerated() {
                switch data.applied(unit: unit, coder: index, code: row) {
                case true?: applied.append(coder)
                case false?: without.append(coder)
                case nil: notFinished.append(coder)
                }
            }
            return Disagreement(
                excerptID: data.unitIDs[unit], applied: applied, without: without, notFinished: notFinished)
        }
    }
}
