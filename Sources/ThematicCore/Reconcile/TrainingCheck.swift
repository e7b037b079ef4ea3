import Agreement

/// How each coder agrees with the adjudicated consensus, per code: who needs retraining on which code.
///
/// The consensus is treated as a coder named "consensus" (a name no coder may take), and each coder is compared
/// with it alone, on the excerpts both the coder and the consensus have (finished by the coder, decided by the lead).
public struct TrainingCheck: Sendable {
    /// One coder against the consensus on one code.
    public struct Row: Sendable, Equatable {
        public var coder: String
        public var code: String
        public var codeName: String
        /// Excerpts the coder finished that the consensus decided.
        public var units: Int
        /// The consensus applied the code and the coder did not.
        public var missed: Int
        /// The coder applied the code and the consensus did not.
        public var extra: Int
        public var percentAgreement: Statistic
        public var cohenKappa: Statistic
    }

    public static let consensusCoder = "consensus"

    /// Each coder's full agreement report against the consensus, in coder order.
    public let reports: [(coder: String, report: AgreementReport)]
    /// Per coder, then per code in codebook order; codes neither side applied are left out.
    public let rows: [Row]
    public let warnings: [String]

    public init(study: Study, coders chosen: [String]? = nil) throws(StudyReliability.SelectionError) {
        var withConsensus = study
        withConsensus.codings[Self.consensusCoder] = Coding(
            coder: Self.consensusCoder,
            excerpts: study.consensus.excerpts.mapValues {
                ExcerptCoding(finished: true, codes: $0.codes, updated: $0.at, codebookRevision: $0.codebookRevision)
            })
        let coders = chosen ?? ComparedCoders(designOf: study).coders
        let names = study.codebook.codesByID
        var reports: [(coder: String, report: AgreementReport)] = []
        var rows: [Row] = []
        var warnings: [String] = []
        for coder in coders {
            let reliability = try StudyReliability(
                study: withConsensus,
                selection: AgreementSelection(
                    coders: [coder, Self.consensusCoder], onlyFinishedByAll: true))
            let data = reliability.data
            warnings += reliability.warnings.filter { !warnings.contains($0) }
            let report = AgreementReport(data)
            reports.append((coder, report))
            for (codeIndex, (code, agreement)) in report.perCode.enumerated() where agreement.applications > 0 {
                var missed = 0, extra = 0
                for unit in data.unitIDs.indices {
                    let byCoder = data.coding(unit: unit, coder: 0)?.contains(codeIndex) ?? false
                    let byConsensus = data.coding(unit: unit, coder: 1)?.contains(codeIndex) ?? false
                    if byConsensus && !byCoder { missed += 1 }
                    if byCoder && !byConsensus { extra += 1 }
                }
                rows.append(
                    Row(
                        coder: coder, code: code, codeName: names[code]?.name ?? "", units: data.unitIDs.count,
                        missed: missed, extra: extra, percentAgreement: agreement.percentAgreementUnits,
                        cohenKappa: agreement.cohenKappa))
            }
        }
        self.reports = reports
        self.rows = rows
        self.warnings = warnings
    }

    public enum Format: String, Sendable, CaseIterable {
        case table
        case markdown
        case csv
    }

    /// The per-code rows: one line per coder and code (the code's name last, as it is the longest). CSV meant for a
    /// spreadsheet has its would-be formulas neutralised.
    public func rendered(as format: Format, forSpreadsheet: Bool = false) -> String {
        let header = ["coder", "code", "units", "missed", "extra", "agreement", "kappa", "name"]
        let cells = rows.map { row in
            [
                row.coder, row.code, String(row.units), String(row.missed), String(row.extra),
                Self.figure(row.percentAgreement), Self.figure(row.cohenKappa), row.codeName,
            ]
        }
        switch format {
        case .csv:
            return ([header] + cells).map {
                $0.map { ReconciliationReport.csvField($0, forSpreadsheet: forSpreadsheet) }.joined(separator: ",")
            }.joined(
                separator: "\r\n") + "\r\n"
        case .markdown:
            return
                (["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count)]
                + cells.map { "| " + $0.map(\.replacingPipes).joined(separator: " | ") + " |" }).joined(separator: "\n")
                + "\n"
        case .table:
            let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
            return ([header] + cells).map { line in
                line.enumerated().map { $1.padding(widths[$0]) }.joined(separator: "  ").trimmingTrailingSpaces
            }.joined(separator: "\n") + "\n"
        }
    }

    /// Three decimals, or "n/a" when the statistic is undefined.
    static func figure(_ statistic: Statistic) -> String {
        guard let value = statistic.value else { return "n/a" }
        let scaled = (value * 1000).rounded() / 1000
        var text = String(scaled)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            text += String(repeating: "0", count: max(0, 3 - decimals))
        }
        return text
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
