import ArgumentParser
import ThematicCore

struct IdentifiersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identifiers",
        abstract: "Settle the anonymisation check's findings (allow or redact them) and list what was decided.",
        discussion: """
            `thematic check STUDY --identifiers` lists the open findings, each as a REF: EXCERPT@START in an \
            excerpt's text, EXCERPT#section@START in its section name, REVIEW#title@START in a review's title, \
            REVIEW#attribute:NAME@START in an attribute's value. allow records that a finding does not identify \
            anybody, allow-term never flags a text anywhere in the study, and redact replaces a finding's text in the \
            corpus with a placeholder such as [NAME]. Each decision is recorded in identifiers.json with who (--by) \
            and why (--why). A redaction in excerpt text is refused while a coded span ends after the finding's \
            start, since the placeholder would move it.
            """,
        subcommands: [Allow.self, AllowTerm.self, Redact.self, List.self]
    )

    /// The study, and who decides and why: recorded with every decision.
    struct Decider: ParsableArguments {
        @Argument(help: "The study folder.") var study: String
        @Option(help: "Who decides (recorded); default: who you are (`thematic whoami`).") var by: String?
        @Option(help: "Why (recorded with the decision).") var why: String?

        func validate() throws {
            if (why ?? "").isEmpty {
                throw ValidationError("say why with --why TEXT; the reason is recorded with the decision")
            }
        }

        /// Makes the decisions, prints what they did and how many findings stay open.
        func record(allowed: [String] = [], allowedTerms: [String] = [], redacted: [String] = []) throws {
            _ = try WordLists.folder()
            let loaded = try openStudy(study)
            let who = try person(given: by, option: "--by", purpose: "say who decides")
            let decisions = IdentifierDecisions(
                allowed: allowed, allowedTerms: allowedTerms, redacted: redacted, by: who, why: why ?? "")
            let outcome: IdentifierDecisions.Outcome
            do { outcome = try decisions.apply(to: loaded) } catch { throw CommandFailure(error, onStudy: study) }
            for finding in outcome.redactions {
                print("Redacted \(finding.reference) (\(finding.rule.rawValue)) as \(finding.rule.placeholder).")
            }
            for reference in outcome.completed {
                print("\(reference) was already redacted by a run that was interrupted; its decision is now recorded.")
            }
            print(
                "Recorded \(outcome.allowedCount) allowed and \(outcome.redactions.count + outcome.completed.count) redacted in \(IdentifierRegister.file)."
            )
            let open = IdentifierCheck.findings(in: outcome.study, register: outcome.register).count
            print(
                open == 0
                    ? IdentifierFindingsReport.nothingOpen(in: study, register: outcome.register)
                    : IdentifierFindingsReport.howToSettle(open, in: study))
        }
    }

    struct Allow: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that findings do not identify anybody.")
        @OptionGroup var decider: Decider
        @Argument(
            help:
                "The findings, as `thematic check --identifiers` lists them (EXCERPT@START, EXCERPT#section@START, REVIEW#title@START, REVIEW#attribute:NAME@START)."
        )
        var references: [String]

        func run() throws { try decider.record(allowed: references) }
    }

    struct AllowTerm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allow-term", abstract: "Never flag these texts anywhere in the study (matched ignoring case)."
        )
        @OptionGroup var decider: Decider
        @Argument(help: "The texts.") var terms: [String]

        func run() throws { try decider.record(allowedTerms: terms) }
    }

    struct Redact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace findings' text in the corpus with their rule's placeholder, such as [NAME].")
        @OptionGroup var decider: Decider
        @Argument(help: "The findings, as `thematic check --identifiers` lists them.") var references: [String]

        func run() throws { try decider.record(redacted: references) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "List every decision recorded in identifiers.json, then the findings still open. Nothing is written."
        )
        @Argument(help: "The study folder.") var study: String

        func run() throws {
            _ = try WordLists.folder()
            let loaded = try openStudy(study)
            let register: IdentifierRegister
            do { register = try IdentifierRegister.load(loaded.folder) } catch {
                throw CommandFailure(error, onStudy: study)
            }
            for term in register.allowedTerms { print(IdentifierFindingsReport.line(term)) }
            for decision in register.decisions { print(IdentifierFindingsReport.line(decision)) }
            let findings = IdentifierCheck.findings(in: loaded, register: register)
            for finding in findings { print("open      " + IdentifierFindingsReport.line(finding)) }
            print(
                findings.isEmpty
                    ? IdentifierFindingsReport.nothingOpen(in: study, register: register)
                    : "\(study): \(IdentifierFindingsReport.count(register.decisions.count, "decision")), \(IdentifierFindingsReport.count(register.allowedTerms.count, "allowed term")) recorded; \(IdentifierFindingsReport.count(findings.count, "open finding"))."
            )
        }
    }
}
