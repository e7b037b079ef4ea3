import Foundation

/// `thematic sync STUDY --as NAME`: commits NAME's own files of a study kept in git, pulls the team's work with a
/// rebase and pushes, so that working as a team needs no git beyond the first clone.
///
///     let outcome = try StudySync(folder: StudyFolder(path: "study"), person: "asha").run()
///     print(outcome.committed ?? "nothing of yours to commit")
///
/// It refuses, before touching git, when files that are not NAME's were changed here (see `SyncOwnership`). When
/// the pull meets a conflict the rebase is aborted: the repository is left as before the pull, NAME's commit kept.
public struct StudySync {
    public struct Outcome: Sendable, Equatable {
        /// The commit message, or nil when there was nothing of the person's to commit.
        public var committed: String?
        /// What came in with the pull, one finding a line ("ben finished 52 excerpts").
        public var incoming: [String]
        /// Files in the study folder that are not study files (or are others' empty journals), left alone.
        public var leftAlone: [String]
        /// Set when the study could not be read after the pull (the push still happened).
        public var problemsAfterPull: Int
    }

    public let folder: StudyFolder
    public let person: String

    public init(folder: StudyFolder, person: String) {
        self.folder = folder
        self.person = person
    }

    public func run() throws -> Outcome {
        guard let git = Git(directory: folder.path) else { throw SyncError.gitMissing }
        let top = try git.run(["rev-parse", "--show-prefix"])
        guard top.succeeded else { throw SyncError.notARepository(study: folder.path, said: top.said) }
        let prefix = top.output.trimmingCharacters(in: .newlines)

        // Holding the coder's lock keeps a coding session from writing while the files are committed and pulled.
        var lock: CoderLock?
        if FileSystem.isDirectory(folder.url(StudyFolder.codingsFolder)) {
            lock = try CoderLock(
                path: folder.url(StudyFolder.lockFile(person)), displayName: StudyFolder.lockFile(person))
        }
        defer { lock?.release() }

        let current = StudyReader.read(folder)
        guard let now = current.study, current.errors.isEmpty else {
            throw SyncError.studyHasErrors(count: current.errors.count)
        }
        let identifiersNow = try IdentifierRegister.load(folder)
        let changed = try git.changedPaths(prefix: prefix)
        var committed: String?
        var leftAlone: [String] = []
        if !changed.isEmpty {
            let head = try headVersion(git, prefix: prefix)
            let changes = StudyChanges(
                from: head?.study, to: now, identifiersBefore: head?.identifiers ?? IdentifierRegister(),
                identifiersAfter: identifiersNow)
            // A changed path that cannot be read (deleted) is not an empty file.
            let empty = Set(changed.filter { (try? FileSystem.readBytes(folder.url($0)))?.isEmpty == true })
            let ownership = SyncOwnership(
                changed: changed, person: person, changes: changes, corpus: now.corpus, emptyFiles: empty)
            guard ownership.others.isEmpty else { throw SyncError.othersFiles(ownership.others) }
            leftAlone = ownership.notStudyFiles
            if !ownership.mine.isEmpty {
                let message = SyncReport.commitMessage(
                    person: person, files: ownership.mine, changes: changes, corpus: now.corpus)
                try git.require(["add", "-A", "--"] + ownership.mine)
                // Naming the paths commits exactly them, whatever else the person had staged.
                try git.require(["commit", "-q", "-m", message, "--"] + ownership.mine)
                committed = message
            }
        }

        let pull = try git.run(["pull", "--rebase", "--autostash", "-q"])
        if !pull.succeeded {
            var conflicts: [String] = []
            if try git.rebaseInProgress() {
                let unmerged = try git.run(["diff", "--name-only", "--diff-filter=U"])
                conflicts = unmerged.output.split(separator: "\n").map { String($0) }
                try git.require(["rebase", "--abort"])
            }
            throw SyncError.pullFailed(committed: committed != nil, conflicts: conflicts, said: pull.said)
        }
        let after = StudyReader.read(folder)
        var incoming: [String] = []
        if let later = after.study {
            // Only for the summary of what came in: after a pull the sync must still push, and `thematic check`
            // reports a register the pull broke.
            let identifiersLater = (try? IdentifierRegister.load(folder)) ?? IdentifierRegister()
            incoming = SyncReport.incoming(
                StudyChanges(
                    from: now, to: later, identifiersBefore: identifiersNow, identifiersAfter: identifiersLater))
        }
        let push = try git.run(["push", "-q"])
        guard push.succeeded else { throw SyncError.pushFailed(said: push.said) }
        return Outcome(
            committed: committed, incoming: incoming, leftAlone: leftAlone, problemsAfterPull: after.errors.count)
    }

    /// The study as HEAD holds it, read from a copy in a scratch folder; nil when HEAD has no such study yet (or
    /// none git can export) so every file counts as new.
    private func headVersion(_ git: Git, prefix: String) throws -> (study: Study, identifiers: IdentifierRegister)? {
        guard try git.run(["rev-parse", "--verify", "-q", "HEAD"]).succeeded, let tar = Subprocess.find("tar") else {
            return nil
        }
        // The copy holds the study's data: only its owner may enter the folder in a shared /tmp.
        let scratch = try FileSystem.createPrivateFolder(prefix: NSTemporaryDirectory() + "thematic-sync-")
        // A scratch copy in the temporary folder: left behind, it harms nothing.
        defer { try? FileSystem.removeTree(scratch) }
        let archive = scratch + "/head.tar"
        guard try git.run(["archive", "--format=tar", "-o", archive, "HEAD", "--", "."]).succeeded,
            try Subprocess.run(tar, ["-xf", archive, "-C", scratch]).status == 0
        else { return nil }
        // Run in a subfolder, git archive writes paths relative to it; older versions keep the repository's.
        let nested = scratch + "/" + prefix
        let headFolder = StudyFolder(path: FileSystem.exists(nested + StudyFolder.manifestFile) ? nested : scratch)
        guard let study = StudyReader.read(headFolder).study else { return nil }
        // A register HEAD cannot parse counts as empty: its decisions are then listed as new, never lost.
        return (study, (try? IdentifierRegister.load(headFolder)) ?? IdentifierRegister())
    }
}
