import CanonicalJSON

/// Applies codebook edits to a study on disk: the codebook, and for a merge or split every coder's file and the
/// consensus too.
///
/// Order of writing, and what a crash in between leaves:
/// 1. Everything is checked first (the study loads, the editor may edit, the edit is valid, every excerpt of a split
///    is assigned, no coder has a session open) and nothing is written if anything fails.
/// 2. Coder files, each through a `CodingSession` (the coder's lock; every changed record journalled durably).
/// 3. consensus.json, re-read and replaced atomically, refused if it changed since it was read.
/// 4. codebook.json last, re-read (refused if another change landed meanwhile) and replaced atomically under
///    `codebook.lock`.
///
/// A merge, split, retire or undo holds `consensus.lock` throughout, so it waits while a lead's reconciliation
/// session is open: that session decides with the codes as they were, and may be writing a decision right now.
///
/// A crash before step 4 leaves the old codebook with codings that already name the merge target or the split's
/// parts. Those codes exist in the old codebook (a split's new parts are added, each as its own revision, before
/// any coding moves), so `thematic check` stays clean, and running the same merge or split again finishes it:
/// it only finds the codings not yet moved.
public struct CodebookEditor {
    public let folder: StudyFolder

    public init(folder: StudyFolder) {
        self.folder = folder
    }

    /// What an applied edit did.
    public struct Outcome: Sendable {
        public var codebook: Codebook
        public var change: CodebookChange
        /// Coder name (or "consensus") -> excerpts whose codes were rewritten.
        public var rewritten: [String: Int]
        /// For an undo of a merge or split: the records ("coder:excerpt", "consensus:excerpt") changed since, left as
        /// they are.
        public var keptAsCodedSince: [String]
        /// For a change that rewrote codings: every coder's codings and the consensus as written, which is what the
        /// files hold now (each was read and written under its lock), so a screen can show them without reading the
        /// study again. nil for a change that left them as they were.
        public var codingsWritten: (coders: [String: Coding], consensus: Consensus)?
    }

    /// What rewriting the codings did.
    private struct Rewrite {
        /// Coder name (or "consensus") -> records rewritten.
        var counts: [String: Int] = [:]
        /// Records where the code and its target were both applied (a merge made them one).
        var both = 0
        var codings = RewrittenCodings()
        var kept: [String] = []
        var written: (coders: [String: Coding], consensus: Consensus)?
        /// codebook.json as found at the revision read, just before the codings were written.
        var codebookChecked: [UInt8]?
    }

    /// Applies one edit made by `editor` (refused for a coder unless the study allows it). A merge, split or undo
    /// reports each coder's file read and rewritten to `progress`.
    @discardableResult
    public func apply(
        _ edit: CodebookEdit, by editor: String, note: String? = nil, at time: String = Timestamp.now(),
        progress: any ProgressReporter = .silent
    ) throws -> Outcome {
        // Only a split needs the codings up front (a merge or the undo of one reads each coder's through their
        // session), and the undo of an added code, to refuse it once applied; other edits read just the coder names.
        let needsCodings =
            switch edit {
            case .split: true
            default: false
            }
        var study = try StudyReader.load(folder, coders: needsCodings ? nil : []).study
        if case .undo = edit, case .add? = study.codebook.undoableChange?.action {
            study = try StudyReader.load(folder).study
        }
        let coders = needsCodings ? study.coders : try Self.coderNames(in: folder)
        if let refusal = CodebookGuard.refusal(editor: editor, coders: coders, settings: study.manifest.settings) {
            throw CodebookEditError(refusal)
        }
        if case .undo = edit, let change = study.codebook.undoableChange, case .add = change.action,
            let id = change.codes.first
        {
            let users = Self.excerptsCoded(id, in: study)
            if !users.isEmpty {
                throw CodebookEditError(
                    "cannot undo adding \(id): it is applied to \(users.count) excerpt\(users.count == 1 ? "" : "s") already (\(Self.sample(users.keys))); retire it instead"
                )
            }
        }
        let undone = study.codebook.undoableChange
        var book = try study.codebook.applying(edit, by: editor, at: time, note: note)
        let consensusLock = try Self.changeOfDecisions(edit).map { try StudyLocks.consensus(folder, for: $0) }
        defer { consensusLock?.release() }
        var rewrite: Rewrite?
        let last = book.history.count - 1
        switch edit {
        case .merge(let from, let target):
            let moved = try rewriteCodings(
                study, coders: coders, involving: [from, target],
                progress: Phase("merging \(from) into \(target)", progress)
            ) { codes, _ in
                CodingRewrite.merging(codes, from, into: target)
            } replacing: { ids, _ in
                CodingRewrite.replacing(ids, from, with: [target])
            } check: { _ in
            }
            book.history[last].action = .merge(moved: moved.counts, bothApplied: moved.both)
            book.history[last].codings = moved.codings
            rewrite = moved
        case .split(let from, let parts, let assignment):
            let moved = try rewriteCodings(
                study, coders: coders, involving: [from] + parts,
                progress: Phase("splitting \(from) into \(parts.joined(separator: ", "))", progress)
            ) { codes, excerpt in
                CodingRewrite.splitting(codes, from, into: assignment[excerpt] ?? [])
            } replacing: { ids, excerpt in
                CodingRewrite.replacing(ids, from, with: assignment[excerpt] ?? [])
            } check: { coded in
                try Self.requireAssigned(coded, from, parts, assignment)
            }
            book.history[last].action = .split(moved: moved.counts)
            book.history[last].codings = moved.codings
            rewrite = moved
        case .undo:
            guard let undone, let codings = undone.codings else { break }
            let restored = try restoreCodings(
                study, coders: coders, codings,
                progress: Phase("undoing \(undone.action.type) of \(undone.codes.joined(separator: ", "))", progress))
            book.history[last].action = .undo(
                revision: undone.revision, type: undone.action.type, restored: restored.counts,
                keptAsCodedSince: restored.kept)
            rewrite = restored
        default:
            break
        }
        try writeCodebook(book, replacing: study.codebook.revision, checked: rewrite?.codebookChecked)
        return Outcome(
            codebook: book, change: book.history[last], rewritten: rewrite?.counts ?? [:],
            keptAsCodedSince: rewrite?.kept ?? [], codingsWritten: rewrite?.written)
    }

    /// Splits `code` into `parts`, first adding those that are not in the codebook yet (each its own revision).
    @discardableResult
    public func split(
        _ code: String, into parts: [Code], assignment: [String: [String]], by editor: String,
        note: String? = nil, at time: String = Timestamp.now(), progress: any ProgressReporter = .silent
    ) throws -> Outcome {
        let study = try StudyReader.load(folder).study
        if let refusal = CodebookGuard.refusal(editor: editor, coders: study.coders, settings: study.manifest.settings)
        {
            throw CodebookEditError(refusal)
        }
        let source = try study.codebook.existing(code)
        var book = study.codebook
        for part in parts where book.code(part.id) == nil {
            book = try book.applying(
                .add(part), by: editor, at: time, note: "for the split of \(code) (\(source.name))")
        }
        _ = try book.applying(
            .split(code, into: parts.map(\.id), assignment: assignment), by: editor, at: time, note: note)
        try Self.requireAssigned(Set(Self.excerptsCoded(code, in: study).keys), code, parts.map(\.id), assignment)
        for part in parts where study.codebook.code(part.id) == nil {
            try apply(.add(part), by: editor, note: "for the split of \(code) (\(source.name))", at: time)
        }
        return try apply(
            .split(code, into: parts.map(\.id), assignment: assignment), by: editor, note: note, at: time,
            progress: progress)
    }

    /// What the edit does, for a refusal to name, when it changes what a lead may decide or the decisions made:
    /// nil for an edit that leaves them as they are.
    private static func changeOfDecisions(_ edit: CodebookEdit) -> String? {
        switch edit {
        case .merge(let from, let target): "merging \(from) into \(target)"
        case .split(let from, let parts, _): "splitting \(from) into \(parts.joined(separator: ", "))"
        case .retire(let code): "retiring \(code)"
        case .undo: "undoing the last codebook change"
        default: nil
        }
    }

    /// A split drops nothing silently: every excerpt coded with the old code must get at least one part.
    private static func requireAssigned(
        _ coded: Set<String>, _ code: String, _ parts: [String], _ assignment: [String: [String]]
    ) throws {
        let missing = coded.filter { assignment[$0]?.isEmpty ?? true }
        guard missing.isEmpty else {
            throw CodebookEditError(
                "\(missing.count) excerpt\(missing.count == 1 ? " is" : "s are") coded \(code) but assigned none of \(parts.joined(separator: ", ")): \(sample(missing)); assign them (or give a default) so that nothing is dropped"
            )
        }
    }

    /// Coders with a file in codings/ (a snapshot or a journal); none when the study has no codings/ yet.
    static func coderNames(in folder: StudyFolder) throws(StudyLoadError) -> [String] {
        let path = folder.url(StudyFolder.codingsFolder)
        guard FileSystem.isDirectory(path) else { return [] }
        let names: [String]
        do { names = try FileSystem.list(path) } catch {
            throw StudyLoadError(problems: [
                StudyProblem(file: StudyFolder.codingsFolder, message: "cannot list the folder: \(error.reason)")
            ])
        }
        return Set(
            names.filter { !$0.hasPrefix(".") }.compactMap { name -> String? in
                if name.hasSuffix(".json") { return String(name.dropLast(5)) }
                if name.hasSuffix(".journal") { return String(name.dropLast(8)) }
                return nil
            }
        ).sorted()
    }

    /// Excerpt id -> who applied `code` to it (coders, and "consensus"): every record that holds it, finished or not,
    /// since a split must reassign them all.
    public static func excerptsCoded(_ code: String, in study: Study) -> [String: [String]] {
        var coded: [String: [String]] = [:]
        for coder in study.coders {
            for (excerpt, record) in study.codings[coder]?.excerpts ?? [:] where record.codes[code] != nil {
                coded[excerpt, default: []].append(coder)
            }
        }
        for (excerpt, decision) in study.consensus.excerpts where decision.codes[code] != nil {
            coded[excerpt, default: []].append("consensus")
        }
        return coded
    }

    /// Rewrites the codes of every coder's records and every consensus decision, recording the codes `involved` before
    /// and after.
    private func rewriteCodings(
        _ study: Study, coders: [String], involving involved: [String], progress: Phase,
        _ rewrite: ([String: AppliedCode], String) -> [String: AppliedCode]?,
        replacing: ([String], String) -> [String],
        check: (Set<String>) throws -> Void
    ) throws -> Rewrite {
        var result = Rewrite()
        var coded: Set<String> = []
        let only = Set(involved)
        func record(_ coder: String, _ excerpt: String, _ before: [String: AppliedCode], _ after: [String: AppliedCode])
        {
            coded.insert(excerpt)
            if after.count < before.count { result.both += 1 }
            result.codings.coders[coder, default: [:]][excerpt] = .init(
                before: before.filter { only.contains($0.key) },
                after: after.filter { only.contains($0.key) })
        }
        (result.counts, result.written, result.codebookChecked) = try rewriteFiles(
            study, coders: coders, progress: progress
        ) { coder, excerpt, codes in
            guard let after = rewrite(codes, excerpt) else { return nil }
            record(coder, excerpt, codes, after)
            return after
        } decision: { excerpt, decision in
            var changed = decision
            changed.coderCodes = decision.coderCodes.mapValues { replacing($0, excerpt) }
            if let codes = rewrite(decision.codes, excerpt) {
                coded.insert(excerpt)
                if codes.count < decision.codes.count { result.both += 1 }
                changed.codes = codes
            }
            guard changed != decision else { return nil }
            result.codings.consensus[excerpt] = .init(before: decision, after: changed)
            return changed
        } check: {
            try check(coded)
        }
        return result
    }

    /// Undoes a merge or split: every record still as the change left it gets its codes back; a record changed since
    /// is left as it is and listed.
    private func restoreCodings(_ study: Study, coders: [String], _ codings: RewrittenCodings, progress: Phase) throws
        -> Rewrite
    {
        var result = Rewrite()
        (result.counts, result.written, result.codebookChecked) = try rewriteFiles(
            study, coders: coders, progress: progress,
            onlyExcerpts: { coder in codings.coders[coder].map { Array($0.keys) } ?? [] }
        ) { coder, excerpt, codes in
            guard let change = codings.coders[coder]?[excerpt] else { return nil }
            let now = codes.filter { change.after.keys.contains($0.key) || change.before.keys.contains($0.key) }
            if now == change.before { return nil }
            guard now == change.after else {
                result.kept.append("\(coder):\(excerpt)")
                return nil
            }
            return codes.filter { now[$0.key] == nil }.merging(change.before) { _, restored in restored }
        } decision: { excerpt, decision in
            guard let change = codings.consensus[excerpt], decision != change.before else { return nil }
            guard decision == change.after else {
                result.kept.append("consensus:\(excerpt)")
                return nil
            }
            return change.before
        } check: {
        }
        for (coder, excerpts) in codings.coders where !coders.contains(coder) {
            result.kept += excerpts.keys.map { "\(coder):\($0) (no coding file now)" }
        }
        result.kept.sort()
        return result
    }

    /// Rewrites coder records (`codes`: coder, excerpt, codes -> new codes or nil to leave the record) and consensus
    /// decisions (nil: leave it), then writes: every coder's file through their locked session, then consensus.json.
    /// `onlyExcerpts` names a coder's records that may change, when only a few may (an undo's): the others are
    /// left without a look.
    /// `check` runs after every rewrite is planned and before anything is written. Returns records rewritten per file,
    /// every coder's codings and the consensus as written, and codebook.json as checked before writing them.
    private func rewriteFiles(
        _ study: Study, coders: [String], progress: Phase, onlyExcerpts: (String) -> [String]? = { _ in nil },
        codes rewrite: (String, String, [String: AppliedCode]) -> [String: AppliedCode]?,
        decision rewriteDecision: (String, ConsensusDecision) -> ConsensusDecision?,
        check: () throws -> Void
    ) throws -> ([String: Int], (coders: [String: Coding], consensus: Consensus), [UInt8]) {
        // A linked corpus/ or codings/ would take some files and refuse others: refused before any is written.
        try folder.refuseLinkedSubfolders()
        // Every coder's lock, before anything is written: a coder with the screen open refuses the whole change.
        // Every lock is tried before any session opens, since opening one already creates its journal file.
        for coder in coders {
            do {
                try CoderLock(path: folder.url(StudyFolder.lockFile(coder)), displayName: StudyFolder.codingFile(coder))
                    .release()
            } catch let held as CoderLock.Held {
                throw CodebookEditError(
                    "\(coder) has the study open in a coding session (\(held.holder)); this change rewrites every coder's file, so it waits until they close it. Nothing was changed."
                )
            }
        }
        var sessions: [CodingSession] = []
        // Only sessions still open when an error is thrown: that error is the one to report, and a session's records
        // are durable in its journal whether or not it closes.
        defer { for session in sessions { try? session.close() } }
        // Each coder's file is read on a core of its own; the first failure in coder order is the one reported.
        progress.report("reading codings", done: 0, total: coders.count, unit: "coders")
        let folder = self.folder
        let opened = coders.parallelMap { coder in Handed(Result { try CodingSession(folder: folder, coder: coder) }) }
        sessions = opened.compactMap { try? $0.session.get() }
        for result in opened { _ = try result.session.get() }
        let consensusRead = try FileSnapshot(folder, StudyFolder.consensusFile)
        var consensus = try readConsensus()
        var plans: [String: [(String, ExcerptCoding)]] = [:]
        for session in sessions {
            let coder = session.coder
            let records = session.coding.excerpts
            var changes: [(String, ExcerptCoding)] = []
            func plan(_ excerpt: String, _ record: ExcerptCoding) {
                guard let codes = rewrite(coder, excerpt, record.codes) else { return }
                var changed = record
                changed.codes = codes
                changes.append((excerpt, changed))
            }
            if let only = onlyExcerpts(coder) {
                for excerpt in only { if let record = records[excerpt] { plan(excerpt, record) } }
            } else {
                for (excerpt, record) in records { plan(excerpt, record) }
            }
            plans[coder] = changes.sorted { $0.0 < $1.0 }
        }
        var consensusChanges = 0
        for (excerpt, decision) in consensus.excerpts.sorted(by: { $0.key < $1.key }) {
            guard let changed = rewriteDecision(excerpt, decision) else { continue }
            consensus.excerpts[excerpt] = changed
            consensusChanges += 1
        }
        try check()
        let codebookChecked = try requireCodebookRevision(study.codebook.revision)
        try consensusRead.requireUnchanged(in: folder)
        // Each coder's changed records are journalled and folded into their file on a core of its own. Every session
        // closes (a failed one too); the first failure in coder order is reported once all have finished, and the
        // files already rewritten stay so: running the same change again finishes it.
        progress.report("rewriting codings", done: 0, total: sessions.count, unit: "coders")
        let planned = plans
        let rewritten = sessions.map { Handed(Result<CodingSession, any Error>.success($0)) }.parallelMap { handed in
            Handed(
                Result {
                    let session = try handed.session.get()
                    do { try session.record(all: (planned[session.coder] ?? []).map { ($0.0, $0.1) }) } catch {
                        try? session.close()
                        throw error
                    }
                    try session.close()
                    return session
                })
        }
        sessions = []
        var counts: [String: Int] = [:]
        var written: [String: Coding] = [:]
        for result in rewritten {
            let session = try result.session.get()
            counts[session.coder] = plans[session.coder]?.count ?? 0
            written[session.coder] = session.coding
        }
        if consensusChanges > 0 {
            try consensusRead.replace(with: CanonicalWriter.pretty(ConsensusFormat.encode(consensus)), in: folder)
        }
        counts["consensus"] = consensusChanges
        return (counts, (written, consensus), codebookChecked)
    }

    /// A coder's session passed to the worker that reads or writes their files, and back: one thread at a time uses it.
    private struct Handed: @unchecked Sendable {
        var session: Result<CodingSession, any Error>

        init(_ session: Result<CodingSession, any Error>) {
            self.session = session
        }
    }

    /// The edit being made, named in front of each step it reports: "merging C2 into C1: rewriting codings".
    private struct Phase {
        var edit: String
        var progress: any ProgressReporter

        init(_ edit: String, _ progress: any ProgressReporter) {
            self.edit = edit
            self.progress = progress
        }

        func report(_ step: String, done: Int, total: Int, unit: String) {
            progress.report("\(edit): \(step)", done: done, total: total, unit: unit)
        }
    }

    private func readConsensus() throws -> Consensus {
        guard FileSystem.exists(folder.url(StudyFolder.consensusFile)) else { return Consensus() }
        var problems: [StudyProblem] = []
        guard
            let consensus = StudyReader.readFile(
                folder, StudyFolder.consensusFile, problems: &problems, decode: ConsensusFormat.decode),
            !problems.contains(where: { $0.severity == .error })
        else {
            throw StudyLoadError(problems: problems.filter { $0.severity == .error })
        }
        return consensus
    }

    /// Refuses when codebook.json is no longer at `revision`: someone else changed it since it was read. Returns the
    /// bytes found at that revision; given them back as `checked`, a later check that finds the same bytes needs not
    /// decode them again (a codebook whose history keeps a merge's codings is megabytes).
    @discardableResult
    private func requireCodebookRevision(_ revision: Int, checked: [UInt8]? = nil) throws -> [UInt8] {
        let file = StudyFolder.codebookFile
        var problems: [StudyProblem] = []
        guard let bytes = StudyReader.readBytes(folder, file, problems: &problems) else {
            throw StudyLoadError(problems: problems)
        }
        if bytes == checked { return bytes }
        let onDisk = StudyReader.parse(bytes, file, problems: &problems).flatMap { json in
            StudyReader.decoded(json, of: bytes, file, problems: &problems, decode: CodebookFormat.decode)
        }
        guard let onDisk, !problems.contains(where: { $0.severity == .error }) else {
            throw StudyLoadError(problems: problems)
        }
        guard onDisk.revision == revision else {
            throw CodebookEditError(
                "codebook.json changed while this change was being made (now at revision \(onDisk.revision), was \(revision)); run the command again"
            )
        }
        return bytes
    }

    func writeCodebook(_ book: Codebook, replacing revision: Int, checked: [UInt8]? = nil) throws {
        let lock = try StudyLocks.codebook(folder)
        defer { lock.release() }
        try requireCodebookRevision(revision, checked: checked)
        try AtomicFile.write(
            CanonicalWriter.pretty(CodebookFormat.encode(book)), to: folder.url(StudyFolder.codebookFile))
    }

    private static func sample<S: Sequence>(_ ids: S) -> String where S.Element == String {
        let sorted = ids.sorted()
        return sorted.prefix(10).joined(separator: ", ") + (sorted.count > 10 ? " and \(sorted.count - 10) more" : "")
    }
}
