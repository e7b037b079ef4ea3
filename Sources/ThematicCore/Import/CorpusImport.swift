import CanonicalJSON

/// What an import would do to a study, worked out in full before anything is written.
public struct ImportPlan: Sendable {
    /// What happened to one review.
    public struct ReviewReport: Sendable {
        public var reviewID: String
        public var file: String
        public var isNew: Bool
        public var excerptCount: Int
        public var kept: [String]
        public var changed: [(old: String, new: String)]
        public var vanished: [String]
        public var added: [String]
        /// Files whose rows set this review's attributes.
        public var attributesFrom: [String]
        /// The review's file would not change.
        public var unchanged: Bool
    }

    /// An excerpt that leaves the corpus while somebody's coding still refers to it.
    public struct AffectedCoding: Sendable, Equatable {
        public var excerptID: String
        public var reviewID: String
        /// Coders with a record (finished or not) for the excerpt.
        public var coders: [String]
        public var inConsensus: Bool
    }

    /// The new content of every review the import writes, ordered by id.
    public var reviews: [Review]
    public var reports: [ReviewReport]
    public var affected: [AffectedCoding]
}

/// Refused because the new text would leave codings pointing at excerpts that no longer exist.
public struct ImportWouldOrphanCodings: Error, Sendable, CustomStringConvertible {
    public var affected: [ImportPlan.AffectedCoding]

    public var description: String {
        var lines = [
            "the new text removes or changes \(affected.count) excerpt\(affected.count == 1 ? "" : "s") that somebody has coded; nothing was written:"
        ]
        for item in affected {
            let who = item.coders + (item.inConsensus ? ["the consensus"] : [])
            lines.append("  \(item.excerptID) (review \(item.reviewID)) is coded by \(who.joined(separator: ", "))")
        }
        lines.append(
            "To keep the codings, restore those passages' text exactly and import again. To drop them, import again with --accept-changes: each coder's records for these excerpts are removed through that coder's session (it refuses while the coder is coding) and the consensus decisions are removed; git history keeps them."
        )
        return lines.joined(separator: "\n")
    }
}

/// Imports reviews into a study: plan (validate everything, touch nothing), then apply.
public enum CorpusImport {
    /// Works out the new corpus files. Throws every problem found; the study is not touched.
    public static func plan(_ study: Study, contents: [ImportContent]) throws(ImportRefused) -> ImportPlan {
        var problems: [ImportProblem] = []
        var imported: [ImportedReview] = []
        var attributeRows: [ReviewAttributes] = []
        var firstFile: [String: String] = [:]
        for content in contents {
            switch content {
            case .reviews(let reviews):
                for review in reviews {
                    if let other = firstFile[review.id] {
                        problems.append(
                            ImportProblem(
                                file: review.file,
                                reason:
                                    "review \"\(review.id)\" is also imported from \(other); import each review once"))
                        continue
                    }
                    firstFile[review.id] = review.file
                    imported.append(review)
                }
            case .attributes(let rows):
                attributeRows += rows
            }
        }

        var referenced: [String: Set<String>] = [:]
        for coding in study.codings.values {
            for id in coding.excerpts.keys { referenced[id, default: []].insert(coding.coder) }
        }
        let knownIDs = Array(referenced.keys) + Array(study.consensus.excerpts.keys)

        var reviews: [String: Review] = [:]
        var reports: [String: ImportPlan.ReviewReport] = [:]
        var affected: [ImportPlan.AffectedCoding] = []
        for draft in imported {
            let existing = study.corpus.review(draft.id)
            var review = existing ?? Review(id: draft.id, title: draft.title ?? draft.id)
            if let title = draft.title { review.title = title }
            if let source = draft.source { review.source = source }
            review.attributes.merge(draft.attributes) { $1 }
            var report = ImportPlan.ReviewReport(
                reviewID: draft.id, file: draft.file, isNew: existing == nil, excerptCount: draft.excerpts.count,
                kept: [], changed: [], vanished: [], added: [], attributesFrom: [], unchanged: false)
            if existing == nil, let given = draft.givenIDs {
                review.excerpts = zip(given, draft.excerpts).map {
                    Excerpt(id: $0, section: $1.section, text: $1.text, page: $1.page)
                }
                report.added = given
            } else {
                let outcome = ExcerptMatcher.match(
                    reviewID: draft.id, old: existing?.excerpts ?? [], new: draft.excerpts, knownIDs: knownIDs)
                review.excerpts = outcome.excerpts
                (report.kept, report.changed, report.vanished, report.added) = (
                    outcome.kept, outcome.changed, outcome.vanished, outcome.added
                )
                for id in outcome.removed {
                    let coders = referenced[id].map { $0.sorted() } ?? []
                    let inConsensus = study.consensus.excerpts[id] != nil
                    if !coders.isEmpty || inConsensus {
                        affected.append(
                            ImportPlan.AffectedCoding(
                                excerptID: id, reviewID: draft.id, coders: coders, inConsensus: inConsensus))
                    }
                }
            }
            for excerpt in review.excerpts {
                if !Identifier.isValidID(excerpt.id) {
                    problems.append(
                        ImportProblem(
                            file: draft.file,
                            reason:
                                "excerpt id \"\(excerpt.id)\" is not valid (\(Identifier.idRule)); choose a shorter review id with --review-id"
                        ))
                    break
                }
                if let owner = study.corpus.review(containing: excerpt.id), owner.id != draft.id {
                    problems.append(
                        ImportProblem(
                            file: draft.file,
                            reason: "excerpt id \"\(excerpt.id)\" is already used in review \(owner.id)"))
                }
            }
            reviews[draft.id] = review
            reports[draft.id] = report
        }

        for row in attributeRows {
            guard var review = reviews[row.reviewID] ?? study.corpus.review(row.reviewID) else {
                problems.append(
                    ImportProblem(
                        file: row.file, line: row.line,
                        reason: "no review \"\(row.reviewID)\" in the study or in this import"))
                continue
            }
            if let title = row.title { review.title = title }
            if let source = row.source { review.source = source }
            review.attributes.merge(row.attributes) { $1 }
            reviews[row.reviewID] = review
            var report =
                reports[row.reviewID]
                ?? ImportPlan.ReviewReport(
                    reviewID: row.reviewID, file: row.file, isNew: false, excerptCount: review.excerpts.count,
                    kept: review.excerpts.map(\.id), changed: [], vanished: [], added: [], attributesFrom: [],
                    unchanged: false)
            report.attributesFrom.append(row.file)
            reports[row.reviewID] = report
        }
        guard problems.isEmpty else { throw ImportRefused(problems: problems) }

        let ordered = reviews.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for id in ordered { reports[id]!.unchanged = study.corpus.review(id) == reviews[id] }
        return ImportPlan(
            reviews: ordered.compactMap { reports[$0]!.unchanged ? nil : reviews[$0] },
            reports: ordered.map { reports[$0]! }, affected: affected)
    }

    /// Writes the planned reviews. Refuses, writing nothing, when codings would be orphaned and `acceptChanges` is
    /// false; with it, removes those records through each coder's session (opened, and so locked, before anything
    /// is written) and removes the consensus decisions. A review file no longer as `study` holds it is never
    /// replaced (`FileSnapshot.Changed`). Returns the study-relative paths written.
    @discardableResult
    public static func apply(
        _ plan: ImportPlan, to study: Study, acceptChanges: Bool,
        progress: any ProgressReporter = .silent
    ) throws -> [String] {
        if !plan.affected.isEmpty && !acceptChanges { throw ImportWouldOrphanCodings(affected: plan.affected) }
        try study.folder.refuseLinkedSubfolders()
        // Taken before anything is written, so a lead reconciling refuses the import rather than lose decisions.
        let removesDecisions = plan.affected.contains(where: \.inConsensus)
        let consensusLock =
            removesDecisions ? try StudyLocks.consensus(study.folder, for: "re-importing changed excerpts") : nil
        defer { consensusLock?.release() }
        // Every review the plan replaces must still be as the study held it when the plan was made (a redaction, a
        // git pull or another import may have rewritten it since): checked before anything is written, and again,
        // byte for byte, as each file is replaced.
        let reviewFiles = try plan.reviews.map { review in
            let file = try FileSnapshot(study.folder, StudyFolder.reviewFile(review.id))
            try file.requireHolding(study.corpus.review(review.id), decode: ReviewFormat.decode)
            return file
        }
        let coders = Set(plan.affected.flatMap(\.coders)).sorted()
        var sessions: [CodingSession] = []
        // Opening a session creates an empty journal for a coder who had none; a refused import takes it away again.
        let newJournals = coders.map { study.folder.url(StudyFolder.journalFile($0)) }.filter { !FileSystem.exists($0) }
        do {
            for coder in coders { sessions.append(try CodingSession(folder: study.folder, coder: coder)) }
        } catch {
            // Undoing what the refused import began: the refusal is the error to report, and a journal left
            // behind is empty, which every reader takes as no records.
            for session in sessions { try? session.close() }
            for journal in newJournals where (try? FileSystem.readBytes(journal))?.isEmpty == true {
                try? FileSystem.remove(journal)
            }
            throw error
        }
        var written: [String] = []
        // Only sessions still open when an error is thrown (each is closed, with `try`, once its records are
        // written): that error is the one to report.
        defer { for session in sessions { try? session.close() } }
        // The codings and decisions of changed excerpts go first, the reviews last: killed in between, the study
        // is still valid (it only lacks those records) and the same import, run again, finishes the job. The other
        // way round, a coding would name an excerpt the corpus no longer has, and the study would not load.
        let affectedCoders = sessions.count
        while let session = sessions.first {
            progress.report(
                "importing: removing codings of changed excerpts", done: affectedCoders - sessions.count + 1,
                total: affectedCoders, unit: "coders")
            for item in plan.affected where item.coders.contains(session.coder) {
                try session.record(item.excerptID, nil)
            }
            sessions.removeFirst()
            try session.close()
            written.append(StudyFolder.codingFile(session.coder))
        }
        if removesDecisions, try removeDecisions(of: plan.affected, in: study.folder) {
            written.append(StudyFolder.consensusFile)
        }
        try FileSystem.createDirectories(study.folder.url(StudyFolder.corpusFolder))
        // Review files are independent: encode and write them on every core, so their fsyncs overlap.
        let folder = study.folder
        let counter = ProgressCounter(
            "importing:", total: plan.reviews.count, unit: "reviews written", progress: progress)
        let failures = Array(zip(plan.reviews, reviewFiles)).parallelMap { review, file -> (any Error)? in
            defer { counter.advance() }
            do {
                try file.replace(with: CanonicalWriter.pretty(ReviewFormat.encode(review)), in: folder)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        written += plan.reviews.map { StudyFolder.reviewFile($0.id) }
        return written
    }

    /// Removes the decisions of changed excerpts from consensus.json as it is now (under consensus.lock, which the
    /// caller holds), so a decision recorded after the study was read stays; returns whether the file changed.
    private static func removeDecisions(of affected: [ImportPlan.AffectedCoding], in folder: StudyFolder) throws -> Bool
    {
        let read = try FileSnapshot(folder, StudyFolder.consensusFile)
        guard let bytes = read.bytes else { return false }
        var problems = FileProblems()
        let before = try ConsensusFormat.decode(try JSONParser.parse(bytes), problems: &problems)
        var consensus = before
        for item in affected where item.inConsensus { consensus.excerpts[item.excerptID] = nil }
        guard consensus != before else { return false }
        try read.replace(with: CanonicalWriter.pretty(ConsensusFormat.encode(consensus)), in: folder)
        return true
    }
}
