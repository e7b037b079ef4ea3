import Agreement
import ArgumentParser
import ThematicCore

struct AgreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Inter-rater agreement per code and overall, from a study or a reliability-data file.",
        discussion: """
            The unit is the excerpt. For each code a coder's value is 1 (applied), 0 (finished the excerpt without it) \
            or missing (not finished). Per code: percent agreement (over units and over coder pairs), Cohen's kappa with \
            SE and 95% CI (two coders), Fleiss' kappa (units finished by all), Krippendorff's alpha (nominal, missing \
            allowed), Gwet's AC1 and Brennan-Prediger with SEs; overall: a pooled view and Krippendorff's alpha on \
            each coder's set of codes with MASI and Jaccard distances. An undefined figure prints as n/a with the reason.
            Reliability-data files: JSON {"units":[{"id":...,"codes":{"coder":[codes] or null}}],"codes":[...]}, or CSV \
            with a unit column and one column per coder (codes separated by ';', an empty cell = not coded, \
            '\(ReliabilityDataFile.noCodeMarker)' = coded, no code applies).
            With --spans the unit is the character: over the excerpts every chosen coder finished, laid end to end, \
            Krippendorff's unitizing alphas |uα (coded against uncoded text), uα and cuα overall and per code |uα and \
            (k)uα; per code the 2004 uα as DKPro Statistics computes it, the characters the coders share and NVivo's \
            coding comparison (for comparison only). A code applied without spans covers its excerpt. uα, cuα and (k)uα \
            are n/a where a coder put two codes on the same characters; --category ID keeps the codes under one category. \
            Span reliability-data files: JSON {"units":[{"id":...,"length":N,"spans":{"coder":[{"code":...,"start":N,"end":N}]}}],"codes":[...]}.
            """
    )

    @Argument(help: "The study folder (or use --reliability-data).") var study: String?
    @Option(help: "A reliability-data file (.json or .csv) instead of a study.") var reliabilityData: String?
    @OptionGroup var coderOptions: CoderOptions
    @Option(help: "Roll codes up to this level of the codebook tree (1 = top-level categories).") var level: Int?
    @Option(help: "Only excerpts of these reviews, comma-separated.") var reviews: String?
    @Flag(help: "Only excerpts every chosen coder finished.") var finishedByAll = false
    @Option(help: "table (the default), csv, markdown or json.") var format: String?
    @OptionGroup var spreadsheet: SpreadsheetOption
    @Option(help: "Bootstrap replicates for a confidence interval of each alpha (0: none).") var bootstrap: Int?
    @Option(help: "Bootstrap procedure: units (resample excerpts; default) or kalpha (Hayes & Krippendorff's KALPHA).")
    var bootstrapProcedure: String?
    @Option(help: "Seed of the bootstrap (default 1).") var seed: UInt64?
    @Flag(help: "Agreement on where codes apply (spans of characters) instead of on which excerpts they apply to.")
    var spans = false
    @Option(
        help:
            "With --spans: only the codes under this category (any depth), so codes that exclude each other can be compared."
    )
    var category: String?
    @Flag(help: "Open the agreement screen on the study instead of printing (read only; press ? in it for the keys).")
    var screen = false

    func validate() throws {
        if category != nil && !spans {
            throw ValidationError("--category chooses the codes of span-level agreement; add --spans")
        }
        guard spans else { return }
        if screen { throw ValidationError("--screen shows excerpt-level agreement; leave out --spans") }
        if let procedure = bootstrapProcedure, procedure != AlphaBootstrap.Procedure.units.rawValue {
            throw ValidationError(
                "span-level intervals resample excerpts (--bootstrap-procedure units); \(procedure) is for excerpt-level alpha"
            )
        }
        if reliabilityData != nil && (level != nil || reviews != nil || category != nil) {
            throw ValidationError(
                "--level, --reviews and --category need a study; a reliability-data file has no codebook tree or reviews"
            )
        }
    }

    func run() throws {
        if spans {
            try printSpanReport()
            return
        }
        if screen {
            let printing = [
                ("--format", format != nil), ("--bootstrap", bootstrap != nil),
                ("--bootstrap-procedure", bootstrapProcedure != nil),
                ("--seed", seed != nil), ("--reliability-data", reliabilityData != nil),
                ("--excel", spreadsheet.excel),
            ]
            let refused = printing.filter(\.1).map(\.0)
            guard refused.isEmpty else {
                throw CommandFailure(
                    "--screen shows the table on screen; \(refused.joined(separator: ", ")) \(refused.count == 1 ? "belongs" : "belong") to the printed report"
                )
            }
            guard let study else { throw CommandFailure("--screen needs a study folder") }
            try openAgreementScreen(study: study, selection: selection, coders: coderOptions)
            return
        }
        let bootstrap = self.bootstrap ?? 0
        let bootstrapProcedure = self.bootstrapProcedure ?? "units", seed = self.seed ?? 1
        let reportFormat = try self.reportFormat()
        guard let procedure = AlphaBootstrap.Procedure(rawValue: bootstrapProcedure) else {
            throw CommandFailure("unknown bootstrap procedure \"\(bootstrapProcedure)\"; expected units or kalpha")
        }
        let chosenCoders = coderOptions.named
        var data: ReliabilityData
        var warnings: [String] = []
        switch (study, reliabilityData) {
        case (let path?, nil):
            let loaded = try openStudy(path)
            let selection = try studySelection(loaded, path: path)
            do {
                let reliability = try StudyReliability(study: loaded, selection: selection)
                data = reliability.data
                warnings = reliability.warnings
            } catch {
                throw CommandFailure("\(path): \(error.description)")
            }
        case (nil, let file?):
            if level != nil || reviews != nil {
                throw CommandFailure(
                    "--level and --reviews need a study; a reliability-data file has no codebook tree or reviews")
            }
            do {
                let read = try ReliabilityDataFile.read(path: file)
                data = read.data
                if !read.unlistedCodes.isEmpty {
                    warnings.append(
                        "\(file): codes used but not listed in \"codes\": \(read.unlistedCodes.joined(separator: ", "))"
                    )
                }
                if let chosenCoders { data = try data.selectingCoders(chosenCoders) }
                if finishedByAll { data = data.keepingUnitsFinishedByAllCoders() }
            } catch {
                throw CommandFailure(error.description)
            }
        default:
            throw CommandFailure("give either a study folder or --reliability-data FILE")
        }
        let report = TerminalProgress.run { progress in
            AgreementReport(
                data,
                bootstrap: bootstrap > 0
                    ? AlphaBootstrap(procedure: procedure, replicates: bootstrap, seed: seed) : nil,
                progress: { done, total in progress.report("bootstrap:", done: done, total: total, unit: "replicates") }
            )
        }
        for warning in warnings { printError("warning: \(warning)") }
        spreadsheet.printed(report.rendered(as: reportFormat, forSpreadsheet: spreadsheet.excel))
    }

    /// The --format asked for (table by default).
    func reportFormat() throws -> ReportFormat {
        let format = self.format ?? "table"
        guard let reportFormat = ReportFormat(rawValue: format) else {
            throw CommandFailure(
                "unknown format \"\(format)\"; expected one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        try spreadsheet.check(delimited: reportFormat == .csv)
        return reportFormat
    }

    /// What the study options ask to compare (the coders as named; nil for the study's design).
    var selection: AgreementSelection {
        AgreementSelection(
            coders: coderOptions.named, level: level,
            reviews: reviews.map { $0.split(separator: ",").map(String.init) }, onlyFinishedByAll: finishedByAll)
    }

    /// The selection with the coders compared in `loaded` (named, or the study's design), after saying which and why.
    func studySelection(_ loaded: Study, path: String) throws -> AgreementSelection {
        var chosen = selection
        chosen.coders = try coderOptions.announced(in: loaded, path: path).coders
        return chosen
    }
}
