import CanonicalJSON

/// A coder's writing session: the only way a coder's files change.
///
/// It holds the coder's lock for its lifetime, appends every action to the journal durably before returning, and
/// folds the journal into the snapshot when it opens and closes. Before replacing the snapshot it checks that
/// nobody else replaced it meanwhile (a git pull, an editor), and refuses rather than overwrite their change.
public final class CodingSession {
    public let folder: StudyFolder
    public let coder: String
    public private(set) var coding: Coding
    private let lock: CoderLock
    private var journal: JournalWriter
    /// The snapshot as this session last read or wrote it (nil: none yet), to notice if someone else replaces it.
    private var snapshotOnDisk: ContentDigest?
    private var pendingEntries = 0

    /// The snapshot file changed on disk while this session had it open.
    public struct SnapshotChanged: Error, CustomStringConvertible {
        public var file: String
        public var description: String {
            "\(file) was changed on disk by another program while this session had it open (a git pull or an editor?); it was not overwritten. Your actions are safe in the journal; reopen the study to continue."
        }
    }

    /// Opens (creating on first use) the coder's files. Refuses while another session holds them or when they have
    /// errors.
    public init(folder: StudyFolder, coder: String, codebook: Codebook? = nil, corpus: Corpus? = nil) throws {
        guard Identifier.isValidCoderName(coder) else {
            throw StudyLoadError(problems: [
                StudyProblem(
                    file: StudyFolder.codingFile(coder),
                    message: "\"\(coder)\" is not a valid coder name (\(Identifier.coderNameRule))")
            ])
        }
        try folder.refuseLinkedSubfolders()
        try FileSystem.refuseWritingThroughLink(folder.url(StudyFolder.codingFile(coder)))
        try FileSystem.createDirectory(folder.url(StudyFolder.codingsFolder))
        lock = try CoderLock(path: folder.url(StudyFolder.lockFile(coder)), displayName: StudyFolder.codingFile(coder))
        var problems: [StudyProblem] = []
        let context = codebook.flatMap { codebook in corpus.map { ReferenceContext(codebook: codebook, corpus: $0) } }
        guard let loaded = CodingReader.load(folder, coder: coder, context: context, problems: &problems) else {
            lock.release()
            throw StudyLoadError(problems: problems.filter { $0.severity == .error })
        }
        self.folder = folder
        self.coder = coder
        self.coding = loaded.coding
        // Its digest, not its bytes: a session holds the snapshot open for hours, and the bytes are megabytes.
        self.snapshotOnDisk = loaded.snapshotBytes.map(ContentDigest.init)
        self.journal = try JournalWriter(
            path: folder.url(StudyFolder.journalFile(coder)), keepingFirst: loaded.journal.completeLength)
        self.pendingEntries = loaded.journal.entries.count
        if snapshotOnDisk == nil || pendingEntries > 0 { try compact() }
    }

    /// Records the coder's new decision for one excerpt (nil: back to "not coded yet"). Durable when it returns.
    public func record(_ excerptID: String, _ decision: ExcerptCoding?) throws {
        let entry = CodingJournal.Entry(sequence: coding.journalSequence + 1, excerptID: excerptID, record: decision)
        try journal.append(CodingJournal.encode(entry))
        coding.journalSequence = entry.sequence
        coding.excerpts[excerptID] = decision
        pendingEntries += 1
    }

    /// Records many decisions with one sync: for bulk changes (a codebook merge, an import), where syncing per
    /// excerpt would dominate. Durable when it returns; a crash before then keeps a prefix of whole records.
    public func record(all decisions: [(excerptID: String, decision: ExcerptCoding?)]) throws {
        guard !decisions.isEmpty else { return }
        var lines: [UInt8] = []
        var sequence = coding.journalSequence
        for (excerptID, decision) in decisions {
            sequence += 1
            lines += CodingJournal.encode(
                CodingJournal.Entry(sequence: sequence, excerptID: excerptID, record: decision))
        }
        try journal.append(lines)
        for (excerptID, decision) in decisions { coding.excerpts[excerptID] = decision }
        coding.journalSequence = sequence
        pendingEntries += decisions.count
    }

    /// Records many decisions by writing the snapshot itself rather than the journal first: for an import that
    /// writes a coder's records wholesale, where journalling each one would write everything twice. Durable when it
    /// returns; a crash before then leaves the snapshot as it was (the write is atomic) and none of them recorded.
    public func recordInSnapshot(all decisions: [(excerptID: String, decision: ExcerptCoding?)]) throws {
        guard !decisions.isEmpty else { return }
        let before = coding
        for (excerptID, decision) in decisions { coding.excerpts[excerptID] = decision }
        coding.journalSequence += decisions.count
        do { try compact() } catch {
            coding = before
            throw error
        }
    }

    /// Writes the snapshot (atomically) and empties the journal.
    public func compact() throws {
        let file = folder.url(StudyFolder.codingFile(coder))
        let unchanged =
            if let snapshotOnDisk { try ContentDigest.ofFile(file) == snapshotOnDisk } else {
                !FileSystem.exists(file)
            }
        guard unchanged else { throw SnapshotChanged(file: StudyFolder.codingFile(coder)) }
        let bytes = CodingFormat.prettyBytes(coding)
        let written = ContentDigest(bytes)
        // Left as it is only when it holds exactly these bytes: the digests agreeing is not proof enough to let a
        // change go unwritten.
        let alreadyOnDisk = try written == snapshotOnDisk && FileSystem.fileHolds(file, exactly: bytes)
        if !alreadyOnDisk { try AtomicFile.write(bytes, to: file) }
        snapshotOnDisk = written
        // A crash here leaves journal lines the snapshot already holds; their sequence numbers make replay skip them.
        try journal.truncate()
        pendingEntries = 0
    }

    /// Folds the journal into the snapshot and releases the lock.
    public func close() throws {
        defer {
            journal.close()
            lock.release()
        }
        if pendingEntries > 0 { try compact() }
    }
}
