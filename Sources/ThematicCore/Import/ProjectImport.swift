import CanonicalJSON

/// Writes a REFI-QDA project into a study: everything is checked first (coder names, coding sessions open, codes
/// the study's codings use, codings a changed review would orphan), then the codebook, the reviews, the attributes,
/// each coder's records through that coder's session, and the consensus decisions under the consensus lock.
/// Each step leaves a valid study, and running the same import again completes one that was interrupted.
public enum ProjectImport {
    public struct Outcome: Sendable {
        /// Study-relative paths written.
        public var written: [String]
        /// Excerpt records written per coder (those that changed).
        public var records: [String: Int]
        public var decisions: Int
        public var codebookChanged: Bool
    }

    @discardableResult
    public static func apply(
        _ project: RefiProjectImport, plan: ImportPlan, to study: Study, by editor: String, acceptChanges: Bool,
        at time: String = Timestamp.now(), progress: any ProgressReporter = .silent
    ) throws -> Outcome {
        let reviews =
            plan.reviews + study.corpus.reviews.filter { existing in !plan.reviews.contains { $0.id == existing.id } }
        let records = project.records(in: reviews)
        try requireWritable(coders: Array(records.keys), folder: study.folder)
        if !plan.affected.isEmpty && !acceptChanges { throw ImportWouldOrphanCodings(affected: plan.affected) }
        let known = Set(study.manifest.attributes.map(\.id))
        let added = project.attributes.filter { !known.contains($0.id) }
        // New attributes are added to the manifest as the study was read; one changed since (a git pull, an editor)
        // is never overwritten: checked before anything is written, and again, byte for byte, when it is replaced.
        let manifestFile = try added.isEmpty ? nil : FileSnapshot(study.folder, StudyFolder.manifestFile)
        try manifestFile?.requireHolding(study.manifest, decode: ManifestFormat.decode)
        let book = project.codebook.codebook
        let codebookChanged = !study.codebook.hasSameCodesAndGroups(as: book)
        var written: [String] = []
        if codebookChanged {
            // The first write: it refuses, before writing, an editor who may not or a code in use that would go.
            progress.report("importing the project: writing the codebook", done: 0, total: 0, unit: "")
            try CodebookEditor(folder: study.folder).importCodebook(
                book, into: study, from: project.file, by: editor, at: time)
            written.append(StudyFolder.codebookFile)
        }
        written += try CorpusImport.apply(plan, to: study, acceptChanges: acceptChanges, progress: progress)
        if let manifestFile {
            var manifest = study.manifest
            manifest.attributes += added
            try manifestFile.replace(with: CanonicalWriter.pretty(ManifestFormat.encode(manifest)), in: study.folder)
            written.append(StudyFolder.manifestFile)
        }
        let counts = try writeRecords(records, folder: study.folder, progress: progress)
        written += counts.keys.sorted().map(StudyFolder.codingFile)
        let decisions = project.decisions(in: reviews)
        progress.report("importing the project: writing consensus decisions", done: 0, total: 0, unit: "")
        if try writeDecisions(decisions, folder: study.folder) { written.append(StudyFolder.consensusFile) }
        return Outcome(written: written, records: counts, decisions: decisions.count, codebookChanged: codebookChanged)
    }

    /// Each coder's records, through their session (locked, the snapshot written atomically); records equal to the
    /// coder's are skipped.
    /// Coders' files are independent, so they are written on every core. Returns how many were written per coder.
    static func writeRecords(
        _ records: [String: [String: ExcerptCoding]], folder: StudyFolder,
        progress: any ProgressReporter = .silent
    ) throws -> [String: Int] {
        let counter = ProgressCounter(
            "importing the project:", total: records.count, unit: "coders' codings written", progress: progress)
        let outcomes = records.sorted(by: { $0.key < $1.key }).parallelMap {
            coder, byExcerpt -> Result<(String, Int), Error> in
            defer { counter.advance() }
            return Result { (coder, try writeRecords(byExcerpt, of: coder, folder: folder)) }
        }
        var counts: [String: Int] = [:]
        for outcome in outcomes {
            let (coder, count) = try outcome.get()
            if count > 0 { counts[coder] = count }
        }
        return counts
    }

    private static func writeRecords(_ records: [String: ExcerptCoding], of coder: String, folder: StudyFolder) throws
        -> Int
    {
        let session = try CodingSession(folder: folder, coder: coder)
        let changed = records.sorted { $0.key < $1.key }.filter { session.coding.excerpts[$0.key] != $0.value }
        do {
            try session.recordInSnapshot(all: changed.map { ($0.key, $0.value) })
        } catch {
            // The records are not acknowledged: closing may fail too, and the record error is the one to report.
            try? session.close()
            throw error
        }
        try session.close()
        return changed.count
    }

    /// Refuses, before anything is written, a coder name that is not valid or a coder who is coding right now.
    static func requireWritable(coders: [String], folder: StudyFolder) throws {
        for coder in coders.sorted() where !Identifier.isValidCoderName(coder) {
            throw CodebookEditError(
                "\"\(coder)\" is not a valid coder name (\(Identifier.coderNameRule)); name the user with --coder-map. Nothing was changed."
            )
        }
        for coder in coders.sorted() where FileSystem.exists(folder.url(StudyFolder.lockFile(coder))) {
            do {
                try CoderLock(path: folder.url(StudyFolder.lockFile(coder)), displayName: StudyFolder.codingFile(coder))
                    .release()
            } catch let held as CoderLock.Held {
                throw CodebookEditError(
                    "\(coder) has the study open in a coding session (\(held.holder)); import their codings after they close it. Nothing was changed."
                )
            }
        }
    }

    /// Adds the decisions to consensus.json under its lock; returns whether the file changed.
    private static func writeDecisions(_ decisions: [String: ConsensusDecision], folder: StudyFolder) throws -> Bool {
        guard !decisions.isEmpty else { return false }
        let lock = try CoderLock(path: folder.url(StudyFolder.consensusLock), displayName: StudyFolder.consensusFile)
        defer { lock.release() }
        let read = try FileSnapshot(folder, StudyFolder.consensusFile)
        var consensus = Consensus()
        if let bytes = read.bytes {
            var problems = FileProblems()
            consensus = try ConsensusFormat.decode(try JSONParser.parse(bytes), problems: &problems)
        }
        let merged = Consensus(excerpts: consensus.excerpts.merging(decisions) { _, imported in imported })
        guard merged != consensus else { return false }
        try read.replace(with: CanonicalWriter.pretty(ConsensusFormat.encode(merged)), in: folder)
        return true
    }
}
