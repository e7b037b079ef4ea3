import ArgumentParser
import ThematicCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every file of a study and report every problem found.",
        discussion: """
            Exit status 0 only when there is no error (warnings are reported but do not fail). Nothing is written. \
            Files and folders that anyone on the computer can read or change are a warning, with the chmod that fixes it.

            With --identifiers, also run the anonymisation check over the corpus (excerpt text, section names, review \
            titles and attribute values) and list every open finding as REF, its rule and its text; the exit status \
            is 1 while any finding is open. REF is EXCERPT@START in an excerpt's text, EXCERPT#section@START in its \
            section name (listed once per review, for every excerpt carrying it), REVIEW#title@START in a review's \
            title, REVIEW#attribute:NAME@START in an attribute's value. A reviewer settles findings with `thematic \
            identifiers allow`, `allow-term` or `redact`; `thematic identifiers list` shows what was decided.
            """
    )

    @Argument(help: "The study folder.")
    var study: String

    @Flag(help: "Run the anonymisation check over the corpus and list open findings.")
    var identifiers = false

    func run() throws {
        var result = StudyReader.read(StudyFolder(path: study))
        // identifiers.json is optional; when present it is a study file like the others.
        if result.study != nil {
            do { _ = try IdentifierRegister.load(StudyFolder(path: study)) } catch { result.problems += error.problems }
        }
        result.problems += StudyExposure.problems(in: StudyFolder(path: study))
        for problem in result.problems {
            printError(problem.description(inStudy: study))
        }
        let errors = result.errors.count
        let warnings = result.warnings.count
        if errors > 0 {
            printError(
                "\(study): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        if let found = result.study {
            let codings = found.codings.values.reduce(0) { $0 + $1.excerpts.count }
            print(
                "\(study): OK: \(found.corpus.reviews.count) reviews, \(found.corpus.excerptCount) excerpts, \(found.codebook.codes.count) codes (revision \(found.codebook.revision)), \(found.codings.count) coders, \(codings) coded excerpt records, \(found.consensus.excerpts.count) consensus decisions\(warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s")" : "")"
            )
            if identifiers { try checkIdentifiers(found) }
        }
    }

    /// Lists the findings still open; fails while any is open.
    private func checkIdentifiers(_ study: Study) throws {
        _ = try WordLists.folder()
        let register: IdentifierRegister
        do { register = try IdentifierRegister.load(study.folder) } catch {
            for problem in error.problems { printError(problem.description(inStudy: self.study)) }
            throw ExitCode.failure
        }
        let findings = IdentifierCheck.findings(in: study, register: register)
        if findings.isEmpty {
            print(IdentifierFindingsReport.nothingOpen(in: self.study, register: register))
            return
        }
        for finding in findings { print(IdentifierFindingsReport.line(finding)) }
        printError(IdentifierFindingsReport.howToSettle(findings.count, in: self.study))
        throw ExitCode.failure
    }
}
