import ArgumentParser
import ThematicCore

struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract:
            "Refine a study's codebook between coding rounds, see its history and usage, and exchange it with other tools.",
        discussion: """
            Every change increments the codebook's revision and is kept in its history with who made it (--by), when, and \
            why (--note); --by defaults to who you are (`thematic whoami`). Only leads edit the codebook: a --by naming one of the study's coders is refused unless study.json \
            allows coders to edit ("coderCodebookEdits": true). A merge or split rewrites every coder's file and the \
            consensus, so it waits until no coder has the study open.
            """,
        subcommands: [
            Add.self, Edit.self, Move.self, Reorder.self, Rename.self, Merge.self, Split.self, Retire.self, Group.self,
            Undo.self,
            History.self, Usage.self, Export.self, Import.self, EditingScreen.self,
        ]
    )

    /// Who makes a change and why.
    struct Change: ParsableArguments {
        @Argument(help: "The study folder.")
        var study: String

        @Option(
            help: "Who makes the change (a lead's name; kept in the history); default: who you are (`thematic whoami`)."
        )
        var by: String?

        @Option(help: "Why: kept in the history.")
        var note: String?

        /// The editor's name; every change needs one: --by, else who the person is.
        func editor() throws -> String {
            try person(given: by, option: "--by", purpose: "say who makes the change")
        }

        func apply(_ edit: CodebookEdit) throws {
            let editor = try editor()
            let outcome = try run {
                try TerminalProgress.run { progress in
                    try CodebookEditor(folder: StudyFolder(path: study)).apply(
                        edit, by: editor, note: note, progress: progress)
                }
            }
            report(outcome)
        }

        /// Runs `body` on the study, failing with a message for the researcher; nothing is changed when it fails.
        func run<Value>(_ body: () throws -> Value) throws -> Value {
            do {
                return try body()
            } catch {
                throw CommandFailure(error, onStudy: study)
            }
        }

        func report(_ outcome: CodebookEditor.Outcome) {
            print("Revision \(outcome.change.revision): \(outcome.change.summary)")
            if !outcome.keptAsCodedSince.isEmpty {
                printError(
                    "warning: left as coded since the change: \(outcome.keptAsCodedSince.joined(separator: ", "))")
            }
        }
    }

    /// The structured fields of a code, as options.
    struct Fields: ParsableArguments {
        @Option(help: "Brief definition.") var brief: String?
        @Option(help: "Full definition.") var full: String?
        @Option(name: .customLong("when-to-use"), help: "When to use the code.") var whenToUse: String?
        @Option(name: .customLong("when-not-to-use"), help: "When not to use it.") var whenNotToUse: String?
        @Option(help: "An example.") var example: String?
        @Option(help: "Colour, like #1f77b4.") var colour: String?
        @Option(help: "A single key that toggles the code in the coding screen.") var hotkey: String?

        /// Given fields; an empty value clears the field.
        var values: [CodeField: String?] {
            var values: [CodeField: String?] = [:]
            for (field, value) in [
                (CodeField.brief, brief), (.full, full), (.whenToUse, whenToUse), (.whenNotToUse, whenNotToUse),
                (.example, example), (.colour, colour), (.hotkey, hotkey),
            ] {
                if let value { values[field] = .some(value.isEmpty ? nil : value) }
            }
            return values
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a code, or a category that groups codes.")
        @OptionGroup var change: Change
        @Argument(help: "The new code's id (letters, digits, '.', '-', '_'); it never changes.") var id: String
        @Option(help: "Its name.") var name: String
        @Option(help: "The code or category it goes under (default: the top level).") var parent: String?
        @Option(help: "Its place among its siblings, from 1 (default: last).") var position: Int?
        @Flag(help: "A category: groups codes, is not applied itself.") var category = false
        @OptionGroup var fields: Fields

        func run() throws {
            var code = Code(id: id, name: name, parent: parent, codable: !category)
            for (field, value) in fields.values { field.set(value, on: &code) }
            try change.apply(.add(code, position: position.map { $0 - 1 }))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a code's definition, colour or hotkey (an empty value clears a field).")
        @OptionGroup var change: Change
        @Argument(help: "The code's id.") var code: String
        @OptionGroup var fields: Fields

        func run() throws { try change.apply(.edit(code, fields.values)) }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a code (with the codes under it) under another parent.")
        @OptionGroup var change: Change
        @Argument(help: "The code's id.") var code: String
        @Option(help: "The new parent.") var parent: String?
        @Flag(help: "Move to the top level.") var top = false
        @Option(help: "Its place among its new siblings, from 1 (default: last).") var position: Int?

        func validate() throws {
            guard (parent != nil) != top else { throw ValidationError("give either --parent CODE or --top") }
        }

        func run() throws { try change.apply(.move(code, parent: parent, position: position.map { $0 - 1 })) }
    }

    struct Reorder: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a code's place among its siblings.")
        @OptionGroup var change: Change
        @Argument(help: "The code's id.") var code: String
        @Option(help: "Its new place, from 1.") var position: Int

        func run() throws { try change.apply(.reorder(code, position: position - 1)) }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename a code; its id, and so every coding of it, stays.")
        @OptionGroup var change: Change
        @Argument(help: "The code's id.") var code: String
        @Argument(help: "The new name.") var name: String

        func run() throws { try change.apply(.rename(code, to: name)) }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Merge a code into another: every coding of it, in every coder's file and the consensus, becomes the other.",
            discussion:
                "Where both were applied to an excerpt they become one (spans joined, memos kept). The merged code stays in the codebook as merged."
        )
        @OptionGroup var change: Change
        @Argument(help: "The code that goes away.") var code: String
        @Option(help: "The code it becomes.") var into: String

        func run() throws {
            try change.apply(.merge(code, into: into))
        }
    }

    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a code into two or more; every excerpt coded with it is reassigned, none dropped.",
            discussion: """
                Each --into is ID=NAME (a new code, added under the same parent) or the id of an existing code. Excerpts \
                coded with the old code get the codes of every --rule whose text they contain (ID:TEXT, case-insensitive), \
                of --excerpt EXCERPT=ID[,ID], or else --default. Without a default, an excerpt no rule assigns is an error \
                listing them. --dry-run shows the assignment and changes nothing. The old code is retired.
                """
        )
        @OptionGroup var change: Change
        @Argument(help: "The code to split.") var code: String
        @Option(help: "A part: ID=NAME for a new code, or an existing code's id.") var into: [String] = []
        @Option(help: "ID:TEXT: excerpts whose text contains TEXT get ID.") var rule: [String] = []
        @Option(help: "EXCERPT=ID[,ID]: this excerpt gets these codes.") var excerpt: [String] = []
        @Option(name: .customLong("default"), help: "The part every other excerpt gets.") var fallback: String?
        @Flag(help: "Show which excerpt gets which code, and change nothing.") var dryRun = false

        private var parts: [SplitPlan.Part] { into.map(SplitPlan.Part.init) }

        /// Checked before the study is read, so a malformed --rule or --excerpt is refused even when no excerpt is
        /// coded.
        func validate() throws {
            for item in rule where SplitPlan.Rule(item, parts: parts) == nil {
                throw ValidationError(
                    "--rule \(item): expected ID:TEXT with ID one of \(parts.map(\.id).joined(separator: ", "))")
            }
            for item in excerpt where SplitPlan.Choice(item) == nil {
                throw ValidationError("--excerpt \(item): expected EXCERPT=ID[,ID]")
            }
        }

        func run() throws {
            let study = try openStudy(change.study)
            let plan = try change.run {
                try SplitPlan(
                    splitting: code, into: parts, rules: rule.compactMap { SplitPlan.Rule($0, parts: parts) },
                    choices: excerpt.compactMap(SplitPlan.Choice.init), fallback: fallback, in: study)
            }
            if dryRun {
                for excerpt in study.corpus.excerptIDs {
                    guard let coders = plan.coded[excerpt] else { continue }
                    let given = plan.assignment[excerpt]?.joined(separator: ", ") ?? "NOT ASSIGNED"
                    print(
                        "\(excerpt)\t\(given)\t(coded by \(coders.joined(separator: ", ")))\t\(preview(study.corpus.excerpt(excerpt)?.text ?? ""))"
                    )
                }
                return
            }
            let editor = try change.editor()
            let outcome = try change.run {
                try TerminalProgress.run { progress in
                    try CodebookEditor(folder: StudyFolder(path: change.study)).split(
                        code, into: plan.parts, assignment: plan.assignment, by: editor,
                        note: change.note, progress: progress)
                }
            }
            change.report(outcome)
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire a code: kept for history and old codings, no longer offered to coders.")
        @OptionGroup var change: Change
        @Argument(help: "The code's id.") var code: String

        func run() throws { try change.apply(.retire(code)) }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo the latest change not yet undone; the undo is itself kept in the history.",
            discussion: """
                Undoing a merge or split puts back, in every coder's file and the consensus, each coding it moved, as its \
                history entry recorded them; a coding changed since is left as it is and listed. The codes a split added \
                stay until those additions are undone too.
                """
        )
        @OptionGroup var change: Change

        func run() throws { try change.apply(.undo) }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every change of the codebook: revision, when, who, what, why.")
        @Argument(help: "The study folder.") var study: String

        func run() throws {
            let loaded = try openStudy(study)
            for change in loaded.codebook.history {
                print(
                    "\(change.revision)\t\(change.at)\t\(change.by)\t\(change.summary)\(change.note.map { "\t(\($0))" } ?? "")"
                )
            }
        }
    }

    struct Usage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count, per code and coder, the finished excerpts it was applied to; flags codes nobody used.")
        @Argument(help: "The study folder.") var study: String

        func run() throws {
            let loaded = try openStudy(study)
            let usage = CodebookUsage(study: loaded)
            print((["code", "name"] + usage.coders + ["consensus", "total"]).joined(separator: "\t"))
            for code in loaded.codebook.codes where code.codable {
                let counts =
                    usage.coders.map { String(usage.count(code.id, coder: $0)) } + [
                        String(usage.consensus[code.id] ?? 0), String(usage.total(code.id)),
                    ]
                let status =
                    code.status == .active ? (usage.total(code.id) == 0 ? "\tnever used" : "") : "\t\(code.status)"
                print(([code.id, code.name] + counts).joined(separator: "\t") + status)
            }
            let unused = usage.unused(in: loaded.codebook)
            print(
                "\(unused.count) of \(loaded.codebook.applicableCodes.count) codes offered to coders were never applied\(unused.isEmpty ? "" : ": " + unused.map(\.id).joined(separator: ", "))"
            )
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the codebook (.qdc, .md, .html) or the whole study as a REFI-QDA project (.qdpx).",
            discussion:
                "The format follows the output's extension unless --format says otherwise. REFI-QDA GUIDs stay the same across exports."
        )
        @Argument(help: "The study folder.") var study: String
        @Option(name: .shortAndLong, help: "The file to write.") var output: String
        @Option(help: "qdc, qdpx, markdown or html.") var format: String?

        func run() throws {
            let loaded = try openStudy(study)
            let kind = format ?? String(output.split(separator: ".").last ?? "")
            let bytes: [UInt8]
            switch kind.lowercased() {
            case "qdc": bytes = RefiCodebook.export(loaded.codebook, scope: RefiProject.scope(of: loaded))
            case "qdpx": bytes = try RefiProject.export(loaded)
            case "md", "markdown": bytes = Array(CodebookDocument.markdown(loaded.codebook).utf8)
            case "html", "htm": bytes = Array(CodebookDocument.html(loaded.codebook).utf8)
            default:
                throw CommandFailure(
                    "cannot tell the format of \(output): name it .qdc, .qdpx, .md or .html, or give --format")
            }
            try AtomicFile.write(bytes, to: output)
            print("Wrote \(output) (\(loaded.codebook.codes.count) codes, revision \(loaded.codebook.revision)).")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a REFI-QDA codebook (.qdc), or the codebook and text codings of a project (.qdpx).",
            discussion: """
                The study's codes are replaced by the file's (one revision, kept in the history); refused if a code the \
                study's codings use would disappear. From a .qdpx, each user's codings of the reviews the study already has \
                (sources named by review id or title, on the study's excerpts) are written to that coder's file; those \
                excerpts' records are replaced. Sources the study lacks are named and skipped: `thematic import STUDY \
                project.qdpx` brings in a whole project. A malformed or truncated file is refused and nothing changes.
                """
        )
        @OptionGroup var change: Change
        @Argument(help: "The .qdc or .qdpx file.") var file: String

        func run() throws {
            let editor = try change.editor()
            let study = try openStudy(change.study)
            let bytes: [UInt8]
            do { bytes = try FileSystem.readBytes(file) } catch { throw CommandFailure("\(file): \(error.reason)") }
            let codebookEditor = CodebookEditor(folder: StudyFolder(path: change.study))
            if file.lowercased().hasSuffix(".qdpx") {
                let project = try change.run {
                    try RefiProjectImport.plan(
                        try RefiProjectFile.read(bytes, file: file), study: study,
                        options: .init(existingReviewsOnly: true))
                }
                for warning in project.warnings { printError("\(file): warning: \(warning)") }
                if !project.skippedSources.isEmpty {
                    let count = project.skippedSources.count
                    printError(
                        "\(file): \(count) source\(count == 1 ? "" : "s") match no review of the study, so their codings were not imported: \(project.skippedSources.map { "\"\($0)\"" }.joined(separator: ", ")). To bring in the whole project, reviews included, use `thematic import \(change.study) \(file)`."
                    )
                }
                let written = try change.run {
                    try codebookEditor.importProject(project, from: file, by: editor, note: change.note)
                }
                let perCoder = written.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
                    separator: ", ")
                print(
                    "Imported \(project.codebook.codebook.codes.count) codes and \(written.values.reduce(0, +)) changed excerpt records\(perCoder.isEmpty ? "" : " (\(perCoder))") from \(file)."
                )
            } else {
                let imported = try change.run { try RefiCodebook.read(bytes, file: file, title: study.codebook.title) }
                for warning in imported.warnings { printError("\(file): warning: \(warning)") }
                let book = try change.run {
                    try codebookEditor.importCodebook(imported.codebook, from: file, by: editor, note: change.note)
                }
                let groups = imported.codebook.groups.count
                print(
                    "Revision \(book.revision): imported \(imported.codebook.codes.count) codes\(groups == 0 ? "" : " and \(groups) code group\(groups == 1 ? "" : "s")") from \(file)."
                )
            }
        }
    }
}

/// A history entry in words: "merge A2 B1 (codings moved: ...)".
/// The first words of an excerpt, on one line.
func preview(_ text: String) -> String {
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return line.count > 60 ? String(line.prefix(59)) + "…" : line
}
