import ArgumentParser
import ThematicCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every file of a study and report every problem found.",
        discussion: """
            Exit status 0 only when there is no error (warnings are reported but do not fail). Nothing is written.

            With --identifiers, also run the anonymisation check over the corpus (excerpt text, section names, review \
            titles and attribute values) and list every open finding as REF, its rule and its text; the exit status \
            is 1 while any finding is open. REF is EXCERPT@START in an excerpt's text, EXCERPT#section@START in its \
            section name (listed once per review, for every excerpt carrying it), REVIEW#title@START in a review's \
            title, REVIEW#attribute:NAME@START in an attribute's value. A reviewer settles findings with --allow REF \
            (it does not identify anybody), --allow-term TEXT (never flag this text anywhere in the study) or \
            --redact REF (replace the text in the corpus with a placeholder such as [NAME]), each with --by and \
            --why; decisions are recorded in identifiers.json. A redaction in excerpt text is refused while a coded \
            span ends after the finding's start, since the placeholder would move it.
            """
    )

    @Argument(help: "The study folder.")
    var study: String

    @Flag(help: "Run the anonymisation check over the corpus and list open findings.")
    var identifiers = false

    @Option(name: .customLong("allow"), help: "With --identifiers: record that this finding (EXCERPT@START, EXCERPT#section@START, REVIEW#title@START, REVIEW#attribute:NAME@START) does not identify anybody.")
    var allowed: [String] = []

    @Option(name: .customLong("allow-term"), help: "With --identifiers: never flag this text anywhere in the study (matched ignoring case).")
    var allowedTerms: [String] = []

    @Option(name: .customLong("redact"), help: "With --identifiers: replace this finding's text (a reference as for --allow) with its placeholder in the corpus.")
    var redacted: [String] = []

    @Option(help: "Who decides (recorded with --allow, --allow-term and --redact); default: who you are (`thematic whoami`).")
    var by: String?

    @Option(help: "Why (recorded with --allow, --allow-term and --redact).")
    var why: String?

    func validate() throws {
        let deciding = !allowed.isEmpty || !allowedTerms.isEmpty || !redacted.isEmpty
        if deciding && !identifiers { throw ValidationError("--allow, --allow-term and --redact go with --identifiers") }
        if deciding && (why ?? "").isEmpty { throw ValidationError("say why with --why TEXT; the reason is recorded with the decision") }
    }

    func run() throws {
        var result = StudyReader.read(StudyFolder(path: study))
        // identifiers.json is optional; when present it is a study file like the others.
        if result.study != nil {
            do { _ = try IdentifierRegister.load(StudyFolder(path: study)) } catch { result.problems += error.problems }
        }
        for problem in result.problems {
            printError(problem.description(inStudy: study))
        }
        let errors = result.errors.count
        let warnings = result.warnings.count
        if errors > 0 {
            printError("\(study): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        if let found = result.study {
            let codings = found.codings.values.reduce(0) { $0 + $1.excerpts.count }
            print("\(study): OK: \(found.corpus.reviews.count) reviews, \(found.corpus.excerptCount) excerpts, \(found.codebook.codes.count) codes (revision \(found.codebook.revision)), \(found.codings.count) coders, \(codings) coded excerpt records, \(found.consensus.excerpts.count) consensus decisions\(warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s")" : "")")
            if identifiers { try checkIdentifiers(found) }
        }
    }

    /// Records the reviewer's decisions, then lists the findings still open; fails while any is open.
    private func checkIdentifiers(_ loaded: Study) throws {
        _ = try WordLists.folder()
        var study = loaded
        var register: IdentifierRegister
        do { register = try IdentifierRegister.load(study.folder) } catch {
            for problem in error.problems { printError(problem.description(inStudy: self.study)) }
            throw ExitCode.failure
        }
        let deciding = !allowed.isEmpty || !allowedTerms.isEmpty || !redacted.isEmpty
        let who = deciding ? try person(given: by, option: "--by", purpose: "say who decides") : ""
        let reason = why ?? ""
        do {
            let toAllow = try allowed.map { try IdentifierCheck.finding($0, in: study, register: register) }
            // A section name may be named through any excerpt carrying it: redact it once.
            let toRedact = try Array(Set(redacted.map { try IdentifierCheck.finding($0, in: study, register: register) }))
            for term in allowedTerms { IdentifierCheck.allowTerm(term, by: who, why: reason, in: &register) }
            for finding in toAllow { IdentifierCheck.allow(finding, by: who, why: reason, in: &register) }
            // Later offsets first, so redacting one finding never moves another still to be redacted in the same text.
            for finding in toRedact.sorted(by: { ($0.excerptID, $0.field.tag ?? "", $1.range.start) < ($1.excerptID, $1.field.tag ?? "", $0.range.start) }) {
                let review = try IdentifierCheck.redact(finding, in: study, by: who, why: reason, register: &register)
                study.corpus = Corpus(reviews: study.corpus.reviews.map { $0.id == review.id ? review : $0 })
                print("Redacted \(finding.reference) (\(finding.rule.rawValue)) as \(finding.rule.placeholder).")
            }
            if !toAllow.isEmpty || !toRedact.isEmpty || !allowedTerms.isEmpty {
                try register.save(to: study.folder)
                print("Recorded \(toAllow.count + allowedTerms.count) allowed and \(toRedact.count) redacted in \(IdentifierRegister.file).")
            }
        } catch {
            // Redactions made before the failure are in the corpus already: record them.
            if register != (try? IdentifierRegister.load(study.folder)) { try register.save(to: study.folder) }
            throw CommandFailure("\(error)")
        }
        let findings = IdentifierCheck.findings(in: study, register: register)
        if findings.isEmpty {
            print("\(self.study): the anonymisation check finds nothing open (\(register.decisions.count) decision\(register.decisions.count == 1 ? "" : "s"), \(register.allowedTerms.count) allowed term\(register.allowedTerms.count == 1 ? "" : "s") recorded).")
            return
        }
        for finding in findings { print(findingLine(finding)) }
        printError("\(self.study): \(findings.count) open anonymisation finding\(findings.count == 1 ? "" : "s"); settle each with --allow or --redact (with --by and --why), or --allow-term")
        throw ExitCode.failure
    }
}
