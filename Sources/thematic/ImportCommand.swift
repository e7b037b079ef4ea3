import ArgumentParser
import ThematicCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Bring reviews into a study: PDF, Word (.docx), text, Markdown, CSV, or reviews in the study's own format.",
        discussion: """
            PDF, Word, text and Markdown: one review per file, id from the file name (or --review-id). The report's \
            layout is read: running headers and footers, page numbers and the contents page are removed (and listed), \
            words hyphenated at line ends are joined, lines are joined into paragraphs, a numbered paragraph starts an \
            excerpt of its own, headings name the section of the excerpts under them, and each excerpt records the \
            PDF page it starts on. PDFs are read with poppler's pdftotext (package poppler-utils); a PDF without a \
            text layer (scanned) is refused. CSV: either one row per excerpt \
            (columns review, section, text; optional title) or one row per review with attributes (a review column, \
            then title, source and attribute columns such as year, region, child age band). JSON: a corpus/<review>.json \
            file of another study.

            A REFI-QDA project (.qdpx, from NVivo, ATLAS.ti, MAXQDA, QualCoder, qc or Thematic) is imported whole and on \
            its own: each text source becomes a review (a line of its text is a paragraph; a selection is never cut \
            off its excerpt), the codebook replaces the study's (kept GUIDs, colours, descriptions, code groups), each \
            user's codings become a coder's file with spans on the same characters, notes become memos, and case \
            variables become review attributes. A coder who coded anything in a source is taken to have read all of \
            it: their uncoded excerpts there are finished with no code. The summary lists the coder name each user \
            gets (choose with --coder-map) and everything that could not be carried (media, PDF selections by \
            coordinates, graphs).

            Every file is read and checked before anything is written: a bad file (not UTF-8, binary, empty, a CSV with \
            a missing column or a ragged row) is reported with its line and the study is left unchanged. Re-importing a \
            review keeps the ids of excerpts whose text is unchanged and reports the others; it refuses to orphan \
            codings unless --accept-changes is given. The imported text goes through the anonymisation check; findings \
            are listed as warnings, or refuse the import with --refuse-identifiers.
            """
    )

    enum Split: String, ExpressibleByArgument, CaseIterable {
        case paragraphs, sentences, headings
    }

    @Argument(help: "The study folder.") var study: String
    @Argument(help: "Files to import (.pdf, .docx, .txt, .md, .csv, .json).") var files: [String]
    @Option(help: "Read every file as this format instead of going by its extension.") var format: ImportFile.Format?
    @Option(help: "The review id for a single text or Markdown file (default: from the file name).") var reviewID:
        String?
    @Option(
        help: "The title for a single text or Markdown file (default: its first level-1 heading, or the review id).")
    var title: String?
    @Option(
        help:
            "How to cut text into excerpts: at paragraphs, in groups of --sentences sentences, or one excerpt per section under a heading."
    ) var split: Split = .paragraphs
    @Option(help: "Sentences per excerpt with --split sentences.") var sentences = 3
    @Option(help: "Join an excerpt shorter than this many characters to the next one in its section.") var minLength = 0
    @Option(help: "Cut an excerpt longer than this many characters at line breaks and sentence ends (0: never cut).")
    var maxLength = SplitOptions.defaultMaximumLength
    @Flag(
        help:
            "Allow a re-import that changes or removes coded excerpts: their codings are removed (each coder's through that coder's session)."
    ) var acceptChanges = false
    @Flag(help: "Refuse the import when the anonymisation check finds anything in the imported text.")
    var refuseIdentifiers = false
    @Flag(
        help:
            "List the excerpts the import would create (id, section, page, length, first words) and every line it would remove, and write nothing."
    ) var dryRun = false
    @Option(
        help: ArgumentHelp(
            "A .qdpx user's coder name, as \"User Name=coder\" (repeatable); default: made from the user's name.",
            valueName: "name=coder")) var coderMap: [String] = []
    @Option(help: "Who imports a .qdpx project's codebook (a lead's name, kept in the codebook's history).") var by =
        "import"

    func validate() throws {
        if files.count != 1, reviewID != nil || title != nil {
            throw ValidationError("--review-id and --title name one review: give them with a single file")
        }
        if reviewID != nil || title != nil, let file = files.first,
            [.csv, .json].contains(format ?? ImportFile.format(of: file))
        {
            throw ValidationError(
                "--review-id and --title are for a text or Markdown file; a CSV or JSON file names its reviews itself")
        }
        if sentences < 1 { throw ValidationError("--sentences must be at least 1") }
        let projects = files.filter { (format ?? ImportFile.format(of: $0)) == .qdpx }
        if !projects.isEmpty, files.count > 1 {
            throw ValidationError("a REFI-QDA project (.qdpx) is imported on its own: give it as the only file")
        }
        if projects.isEmpty, !coderMap.isEmpty {
            throw ValidationError("--coder-map names the users of a .qdpx project: give it with one")
        }
        for entry in coderMap where entry.split(separator: "=", omittingEmptySubsequences: false).count != 2 {
            throw ValidationError("--coder-map \"\(entry)\": expected \"User Name=coder\"")
        }
        if maxLength < 0 || (maxLength > 0 && maxLength < minLength) {
            throw ValidationError("--max-length must be 0 (never cut) or at least --min-length")
        }
    }

    func run() throws {
        // Imported text always goes through the anonymisation check (and the layout reader's English words).
        _ = try WordLists.folder()
        let loaded = try openStudy(study)
        let options = SplitOptions(
            unit: split == .paragraphs ? .paragraphs : split == .headings ? .headings : .sentences(sentences),
            minimumLength: minLength, maximumLength: maxLength == 0 ? nil : maxLength)
        if let file = files.first, (format ?? ImportFile.format(of: file)) == .qdpx {
            return try importProject(file, into: loaded, options: options)
        }
        let (contents, problems) = TerminalProgress.run { progress in
            ImportFile.readAll(
                files, format: format, reviewID: reviewID, title: title, options: options, progress: progress)
        }
        let plan: ImportPlan
        do throws(ImportRefused) {
            guard problems.isEmpty else { throw ImportRefused(problems: problems) }
            plan = try CorpusImport.plan(loaded, contents: contents)
        } catch {
            for problem in error.problems { printError(problem.description) }
            throw CommandFailure(
                "nothing was imported: \(error.problems.count) problem\(error.problems.count == 1 ? "" : "s"); the study is unchanged"
            )
        }

        let findings = try checkIdentifiers(plan, in: loaded)
        let layouts = Dictionary(
            contents.flatMap { content -> [(String, ImportedReview.LayoutSummary)] in
                guard case .reviews(let reviews) = content else { return [] }
                return reviews.compactMap { review in review.layout.map { (review.id, $0) } }
            }, uniquingKeysWith: { first, _ in first })
        for report in plan.reports {
            print(summary(of: report))
            let layout = layouts[report.reviewID]
            if let layout, let removed = ImportReport.removals(layout, maximumLength: options.maximumLength) {
                print("  " + removed)
            }
            for page in layout?.pagesWithoutText ?? [] {
                printError(
                    "WARNING: \(report.file): page \(page) has no text layer (a scanned image?); its content is not imported"
                )
            }
            guard dryRun else { continue }
            for excerpt in plan.reviews.first(where: { $0.id == report.reviewID })?.excerpts ?? [] {
                print("  " + ImportReport.line(excerpt))
            }
            for removal in layout?.removed ?? [] {
                print(
                    "  removed \(removal.page.map { "p. \($0) " } ?? "")\(removal.reason.rawValue): \"\(removal.text)\""
                )
            }
        }
        if dryRun {
            print("Dry run: nothing was written.")
            return
        }
        let written: [String]
        do {
            written = try TerminalProgress.run { progress in
                try CorpusImport.apply(plan, to: loaded, acceptChanges: acceptChanges, progress: progress)
            }
        } catch let refusal as ImportWouldOrphanCodings {
            throw CommandFailure(refusal.description)
        } catch {
            throw CommandFailure("\(error)")
        }
        print(
            "Imported \(plan.reviews.count) review\(plan.reviews.count == 1 ? "" : "s") into \(study) (\(written.count) file\(written.count == 1 ? "" : "s") written)."
        )
        remindOfFindings(findings)
    }

    /// Runs the anonymisation check on the reviews the import writes; lists findings, and refuses with
    /// --refuse-identifiers.
    private func checkIdentifiers(_ plan: ImportPlan, in loaded: Study) throws -> [IdentifierFinding] {
        let register: IdentifierRegister
        do { register = try IdentifierRegister.load(loaded.folder) } catch {
            for problem in error.problems { printError(problem.description(inStudy: study)) }
            throw CommandFailure("\(study): \(IdentifierRegister.file) has errors; fix it before importing")
        }
        let replaced = Set(plan.reviews.map(\.id))
        let vocabulary = loaded.corpus.reviews.filter { !replaced.contains($0.id) } + plan.reviews
        let findings = IdentifierCheck.findings(in: plan.reviews, vocabulary: vocabulary, register: register)
        if !findings.isEmpty {
            printError(
                "WARNING: the anonymisation check found \(findings.count) possible identifier\(findings.count == 1 ? "" : "s") in the imported text:"
            )
            for finding in findings { printError("  " + IdentifierFindingsReport.line(finding)) }
            if refuseIdentifiers {
                throw CommandFailure(
                    "nothing was imported (--refuse-identifiers); anonymise the source files, or import without the flag, list the findings with `thematic check \(study) --identifiers` and settle each with `thematic identifiers`"
                )
            }
        }
        return findings
    }

    private func remindOfFindings(_ findings: [IdentifierFinding]) {
        if !findings.isEmpty {
            print(
                "Settle the \(findings.count) anonymisation finding\(findings.count == 1 ? "" : "s") before coding: `thematic check \(study) --identifiers` lists them; then `thematic identifiers allow` or `redact` each one."
            )
        }
    }

    /// A whole REFI-QDA project: read and checked, mapped onto the study, summarised, then written.
    private func importProject(_ file: String, into loaded: Study, options: SplitOptions) throws {
        let bytes: [UInt8]
        do { bytes = try FileSystem.readBytes(file, limit: FileSizeLimit.importedDocument) } catch {
            throw CommandFailure("\(file): cannot read: \(error.reason); nothing was imported")
        }
        let map = Dictionary(
            coderMap.map { entry in
                let parts = entry.split(separator: "=", omittingEmptySubsequences: false).map {
                    String($0).trimmingCharacters(in: .whitespaces)
                }
                return (parts[0], parts[1])
            }, uniquingKeysWith: { _, last in last })
        let project: RefiProjectImport
        let projectFile: RefiProjectFile
        do {
            projectFile = try TerminalProgress.run { progress throws(RefiError) in
                try RefiProjectFile.read(bytes, file: file, progress: progress)
            }
            project = try RefiProjectImport.plan(
                projectFile, study: loaded, options: .init(split: options, coderMap: map))
        } catch {
            throw CommandFailure("\(error); nothing was imported, the study is unchanged")
        }
        let plan: ImportPlan
        do throws(ImportRefused) {
            plan = try CorpusImport.plan(loaded, contents: [.reviews(project.reviews)])
        } catch {
            for problem in error.problems { printError(problem.description) }
            throw CommandFailure(
                "nothing was imported: \(error.problems.count) problem\(error.problems.count == 1 ? "" : "s"); the study is unchanged"
            )
        }
        for warning in project.warnings { printError("\(file): warning: \(warning)") }
        let findings = try checkIdentifiers(plan, in: loaded)
        print(
            "\(file): a REFI-QDA project\(projectFile.origin.map { " from \($0)" } ?? "")\(projectFile.name.map { " (\"\($0)\")" } ?? "")"
        )
        for report in plan.reports {
            print("  " + summary(of: report))
            guard dryRun else { continue }
            for excerpt in plan.reviews.first(where: { $0.id == report.reviewID })?.excerpts ?? [] {
                print("    " + ImportReport.line(excerpt))
            }
        }
        for line in project.summary(study: loaded) { print("  " + line) }
        if dryRun {
            print("Dry run: nothing was written.")
            return
        }
        let outcome: ProjectImport.Outcome
        do {
            outcome = try TerminalProgress.run { progress in
                try ProjectImport.apply(
                    project, plan: plan, to: loaded, by: by, acceptChanges: acceptChanges, progress: progress)
            }
        } catch let refusal as ImportWouldOrphanCodings {
            throw CommandFailure(refusal.description)
        } catch {
            throw CommandFailure("\(error)")
        }
        let records = outcome.records.values.reduce(0, +)
        print(
            "Imported \(plan.reviews.count) review\(plan.reviews.count == 1 ? "" : "s"), \(records) excerpt record\(records == 1 ? "" : "s") of \(outcome.records.count) coder\(outcome.records.count == 1 ? "" : "s")\(outcome.decisions > 0 ? " and \(outcome.decisions) consensus decisions" : "") into \(study) (\(outcome.written.count) file\(outcome.written.count == 1 ? "" : "s") written)."
        )
        remindOfFindings(findings)
    }

    private func summary(of report: ImportPlan.ReviewReport) -> String {
        let text = "\(report.reviewID) (\(report.file)): "
        if report.unchanged { return text + "unchanged" }
        if report.isNew {
            return text + "new review, \(report.excerptCount) excerpt\(report.excerptCount == 1 ? "" : "s")"
        }
        var parts = ["\(report.kept.count) kept"]
        if !report.changed.isEmpty {
            parts.append(
                "\(report.changed.count) changed (\(report.changed.map { "\($0.old) -> \($0.new)" }.joined(separator: ", ")))"
            )
        }
        if !report.vanished.isEmpty {
            parts.append("\(report.vanished.count) vanished (\(report.vanished.joined(separator: ", ")))")
        }
        if !report.added.isEmpty {
            parts.append("\(report.added.count) added (\(report.added.joined(separator: ", ")))")
        }
        if !report.attributesFrom.isEmpty {
            parts.append("attributes from \(report.attributesFrom.joined(separator: ", "))")
        }
        return text + parts.joined(separator: ", ")
    }
}

extension ImportFile.Format: ExpressibleByArgument {}
