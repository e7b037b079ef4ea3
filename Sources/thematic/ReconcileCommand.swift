import ArgumentParser
import ThematicCore

struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Reconcile the coders' disagreements into the consensus, with a record of who decided what.",
        discussion: """
            A disagreement is an excerpt two or more of the coders finished with different sets of codes (spans alone \
            do not make one).

            `thematic reconcile STUDY` (the status subcommand) prints the progress and any stale decisions (a coder \
            changed their codes after the lead decided; the decision is kept until the lead decides again). \
            `thematic reconcile screen STUDY` opens the reconcile screen (it needs a terminal; press ? there for \
            the keys), starting at the first excerpt still to decide. For scripts and the team meeting: next prints \
            the next excerpt to decide, decide records the lead's decision on one, report lists every disagreement \
            and training compares each coder with the consensus. The lead (--lead) defaults to who you are \
            (`thematic whoami`).

            Each decision is written to consensus.json before the command ends, so a session resumes where it stopped.
            """,
        subcommands: [Status.self, Screen.self, Next.self, Decide.self, Report.self, Training.self],
        defaultSubcommand: Status.self
    )

    /// The study and the coders whose codings are compared.
    struct Comparison: ParsableArguments {
        @Argument(help: "The study folder.") var study: String
        @OptionGroup var coderOptions: CoderOptions

        /// The coders compared in `loaded` (named, or the study's design), after saying which and why.
        func chosenCoders(in loaded: Study) throws -> [String] {
            try coderOptions.announced(in: loaded, path: study).coders
        }
    }

    /// The excerpts the lead walks: the comparison's disagreements, or every excerpt two or more coders finished.
    struct Queue: ParsableArguments {
        @OptionGroup var comparison: Comparison
        @Flag(help: "Walk every excerpt two or more coders finished, not only the disagreements.") var allDoubleCoded =
            false

        var study: String { comparison.study }
        var scope: Reconciliation.Scope { allDoubleCoded ? .doubleCoded : .disagreements }

        /// The queue as the study on disk has it now, after saying which coders it compares and why.
        func reconciliation(of loaded: Study) throws -> Reconciliation {
            let coders = try comparison.chosenCoders(in: loaded)
            do {
                return try Reconciliation(study: loaded, coders: coders, scope: scope)
            } catch {
                throw CommandFailure("\(study): \(error.description)")
            }
        }

        /// The lead's session: holds consensus.lock (a second lead is refused, naming the holder) until closed. Says
        /// which coders it compares and why, as `reconciliation(of:)` does.
        func session(lead: String) throws -> ReconciliationSession {
            let session: ReconciliationSession
            do {
                session = try ReconciliationSession(
                    folder: StudyFolder(path: study), lead: lead, coders: comparison.coderOptions.named, scope: scope)
            } catch {
                throw CommandFailure(error, onStudy: study, prefix: "\(study): ")
            }
            do {
                _ = try comparison.chosenCoders(in: session.study)
            } catch {
                session.close()
                throw error
            }
            return session
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Print the progress, any stale decisions and where to resume (what `thematic reconcile STUDY` does)."
        )
        @OptionGroup var queue: Queue
        /// The form that opened the screen before the subcommands, kept only to say where it went.
        @Option(help: .hidden) var lead: String?

        func validate() throws {
            if let lead {
                throw ValidationError(
                    "the reconcile screen now opens with `thematic reconcile screen \(queue.study) --lead \(lead)`")
            }
        }

        func run() throws {
            let reconciliation = try queue.reconciliation(of: try openStudy(queue.study))
            print(ReconciliationReport.progressLine(reconciliation))
            for item in reconciliation.staleItems {
                guard case .stale(let changes) = item.state else { continue }
                print("stale: \(item.excerpt.id): \(changes.map(\.description).joined(separator: "; "))")
            }
            if let item = reconciliation.resumePoint {
                print(
                    "Next: \(item.excerpt.id) (`thematic reconcile screen \(queue.study)` opens the screen there; `thematic reconcile next \(queue.study)` prints it)"
                )
            } else {
                print("Nothing left to decide.")
            }
        }
    }
}
