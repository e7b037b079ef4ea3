/// Progress of a study: per coder, and for the consensus.
public struct StudyStatus: Sendable, Equatable {
    public struct CoderProgress: Sendable, Equatable {
        public var coder: String
        public var finished: Int
        /// Excerpts the coder touched but has not marked finished.
        public var inProgress: Int
        /// Code applications over finished excerpts.
        public var codesApplied: Int
        /// Finished excerpts with no code ("coded, no code applies").
        public var finishedWithoutCodes: Int
        public var lastActivity: String?
        /// Codebook revisions this coder's decisions were made against.
        public var codebookRevisions: [Int]
    }

    /// How far a coder is through one of their assignments.
    public struct AssignmentProgress: Sendable, Equatable {
        public var coder: String
        public var method: String
        public var assigned: Int
        /// Assigned excerpts the coder has finished.
        public var finished: Int
        public var at: String
    }

    public var title: String
    public var reviews: Int
    public var excerpts: Int
    public var codebookRevision: Int
    public var coders: [CoderProgress]
    /// One entry per assignment, in the order they were made.
    public var assignments: [AssignmentProgress]
    /// The coders the consensus counts below compare: the study's design, as the lead's commands compare them.
    public var compared: ComparedCoders
    /// Excerpts finished by two or more of the compared coders.
    public var doubleCoded: Int
    /// Of those, excerpts where the coders' code sets differ.
    public var disagreements: Int
    public var decisions: Int
    /// Disagreements that have a consensus decision.
    public var disagreementsSettled: Int

    public init(study: Study) {
        title = study.manifest.title
        reviews = study.corpus.reviews.count
        excerpts = study.corpus.excerptCount
        codebookRevision = study.codebook.revision
        coders = study.coders.map { coder in
            let coding = study.codings[coder]!
            var progress = CoderProgress(
                coder: coder, finished: 0, inProgress: 0, codesApplied: 0, finishedWithoutCodes: 0,
                lastActivity: coding.lastActivity, codebookRevisions: [])
            var revisions: Set<Int> = []
            for record in coding.excerpts.values {
                revisions.insert(record.codebookRevision)
                if record.finished {
                    progress.finished += 1
                    progress.codesApplied += record.codes.count
                    if record.codes.isEmpty { progress.finishedWithoutCodes += 1 }
                } else {
                    progress.inProgress += 1
                }
            }
            progress.codebookRevisions = revisions.sorted()
            return progress
        }
        assignments = study.assignments.items.map { assignment in
            let records = study.codings[assignment.coder]?.excerpts ?? [:]
            return AssignmentProgress(
                coder: assignment.coder, method: assignment.methodDescription, assigned: assignment.excerpts.count,
                finished: assignment.excerpts.reduce(0) { $0 + (records[$1]?.finished == true ? 1 : 0) },
                at: assignment.at)
        }
        compared = ComparedCoders(designOf: study)
        var doubleCoded = 0
        var disagreements = 0
        var settled = 0
        for excerptID in study.corpus.excerptIDs {
            let sets = compared.coders.compactMap { coder -> Set<String>? in
                guard let record = study.codings[coder]?.excerpts[excerptID], record.finished else { return nil }
                return Set(record.codes.keys)
            }
            guard sets.count >= 2 else { continue }
            doubleCoded += 1
            if Set(sets).count > 1 {
                disagreements += 1
                if study.consensus.excerpts[excerptID] != nil { settled += 1 }
            }
        }
        self.doubleCoded = doubleCoded
        self.disagreements = disagreements
        self.decisions = study.consensus.excerpts.count
        self.disagreementsSettled = settled
    }

    /// A plain-text summary for the terminal.
    public var text: String {
        var lines = ["\(title)", "\(reviews) reviews, \(excerpts) excerpts, codebook revision \(codebookRevision)", ""]
        if coders.isEmpty {
            lines.append("No coder has started yet.")
        } else {
            let nameWidth = max(5, coders.map(\.coder.count).max() ?? 0)
            lines.append(
                "coder".padding(nameWidth) + "  finished          in progress  codes applied  none apply  last activity"
            )
            for coder in coders {
                let share =
                    excerpts == 0 ? "" : " (\(Int((Double(coder.finished) / Double(excerpts) * 100).rounded()))%)"
                let revisions =
                    coder.codebookRevisions.count > 1
                        || coder.codebookRevisions.first.map({ $0 != codebookRevision }) == true
                    ? "  [codebook revisions \(coder.codebookRevisions.map(String.init).joined(separator: ", "))]" : ""
                lines.append(
                    coder.coder.padding(nameWidth) + "  " + "\(coder.finished)/\(excerpts)\(share)".padding(16)
                        + "  " + "\(coder.inProgress)".padding(11) + "  " + "\(coder.codesApplied)".padding(13)
                        + "  " + "\(coder.finishedWithoutCodes)".padding(10) + "  " + (coder.lastActivity ?? "-")
                        + revisions)
            }
        }
        if !assignments.isEmpty {
            lines.append("")
            let nameWidth = max(5, assignments.map(\.coder.count).max() ?? 0)
            lines.append("assignment".padding(nameWidth + 2 + 16) + "  assigned on           how")
            for assignment in assignments {
                let share =
                    assignment.assigned == 0
                    ? 0 : Int((Double(assignment.finished) / Double(assignment.assigned) * 100).rounded())
                lines.append(
                    assignment.coder.padding(nameWidth) + "  "
                        + "\(assignment.finished)/\(assignment.assigned) (\(share)%)".padding(16)
                        + "  " + assignment.at.padding(20) + "  " + assignment.method)
            }
        }
        lines.append("")
        lines.append(
            "Consensus: \(decisions) decisions; \(disagreementsSettled) of \(disagreements) disagreements settled (\(doubleCoded) excerpts double-coded)"
        )
        if !compared.coders.isEmpty { lines.append("  between \(compared.explanation)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Pads with spaces on the right to at least `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
