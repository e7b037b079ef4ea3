import CanonicalJSON

/// Reads one coder's snapshot and replays their journal on top of it.
enum CodingReader {
    /// Everything a writing session needs to carry on from what is on disk.
    struct Loaded {
        var coding: Coding
        /// The snapshot's bytes as read (nil: no snapshot yet), to notice if someone else replaces the file.
        var snapshotBytes: [UInt8]?
        var journal: CodingJournal.Contents
    }

    static func read(_ folder: StudyFolder, coder: String, context: ReferenceContext?, problems: inout [StudyProblem])
        -> Coding?
    {
        load(folder, coder: coder, context: context, problems: &problems)?.coding
    }

    static func load(_ folder: StudyFolder, coder: String, context: ReferenceContext?, problems: inout [StudyProblem])
        -> Loaded?
    {
        let file = StudyFolder.codingFile(coder)
        let journalFile = StudyFolder.journalFile(coder)
        var journal = CodingJournal.Contents()
        if FileSystem.exists(folder.url(journalFile)) {
            do {
                journal = CodingJournal.read(try FileSystem.readBytes(folder.url(journalFile)), file: journalFile)
            } catch {
                problems.append(StudyProblem(file: journalFile, message: "cannot read: \(error.reason)"))
                return nil
            }
        }
        var coding = Coding(coder: coder)
        var snapshotBytes: [UInt8]?
        let before = problems.count
        if FileSystem.exists(folder.url(file)) {
            guard let bytes = StudyReader.readBytes(folder, file, problems: &problems) else { return nil }
            snapshotBytes = bytes
            if let scanned = scanned(bytes, coder: coder, context: context, journal: journal) {
                coding = scanned
            } else {
                guard
                    let decoded = decoded(
                        bytes, coder: coder, context: context, journal: journal, problems: &problems)
                else { return nil }
                coding = decoded
            }
        }
        problems += journal.problems
        for (entry, located) in zip(journal.entries, journal.recordValues)
        where entry.sequence > coding.journalSequence {
            if let record = entry.record, let context {
                var found = FileProblems()
                context.check(
                    excerptID: entry.excerptID, codes: record.codes, revision: record.codebookRevision,
                    value: nil, path: JSONPath.root.field("record"), problems: &found)
                problems += found.items.map {
                    StudyProblem(
                        file: journalFile, line: located.line, path: $0.path.description, message: $0.message,
                        severity: $0.severity)
                }
            }
            coding.excerpts[entry.excerptID] = entry.record
            coding.journalSequence = entry.sequence
        }
        if problems[before...].contains(where: { $0.severity == .error }) { return nil }
        return Loaded(coding: coding, snapshotBytes: snapshotBytes, journal: journal)
    }

    /// The snapshot as the fast scan reads it, when the scan is sure of the file and nothing in it is a problem: a
    /// problem found needs the JSON tree for its place, so nil sends the file to `decoded`, which finds it again.
    private static func scanned(
        _ bytes: [UInt8], coder: String, context: ReferenceContext?, journal: CodingJournal.Contents
    ) -> Coding? {
        // Records the journal may replace are checked once the snapshot's journal sequence says which it does.
        let journalled = Set(journal.entries.map(\.excerptID))
        var walk = context.map { CorpusWalk($0.corpus) }
        // Each record is checked as it is read, in the file's order, in which `walk` finds its excerpt cheaply; its
        // codes are taken as plain here and checked below, each distinct code once.
        let read = CodingSnapshotScan.read(bytes) { id, record in
            // (An empty set still hashes every id it is asked about.)
            guard let context, journalled.isEmpty || !journalled.contains(id) else { return true }
            return context.passes(
                excerptID: id, codes: record.codes, revision: record.codebookRevision, codesArePlain: true,
                walk: &walk!)
        }
        guard let scanned = read, scanned.coding.coder == coder else { return nil }
        let coding = scanned.coding
        guard let context else { return coding }
        guard scanned.codeIDs.allSatisfy(context.plainCodes.contains) else { return nil }
        let replaced = replacedExcerpts(journal, after: coding.journalSequence)
        for id in journalled.subtracting(replaced) {
            guard let record = coding.excerpts[id] else { continue }
            guard
                context.passes(
                    excerptID: id, codes: record.codes, revision: record.codebookRevision, codesArePlain: true,
                    walk: &walk!)
            else { return nil }
        }
        return coding
    }

    /// The snapshot read through its JSON tree, every problem located in the file; nil when it cannot be read at all.
    private static func decoded(
        _ bytes: [UInt8], coder: String, context: ReferenceContext?, journal: CodingJournal.Contents,
        problems: inout [StudyProblem]
    ) -> Coding? {
        let file = StudyFolder.codingFile(coder)
        guard let json = StudyReader.parse(bytes, file, problems: &problems) else { return nil }
        return StudyReader.decoded(json, of: bytes, file, problems: &problems) { json, found throws(JSONShapeError) in
            let coding = try CodingFormat.decode(json, problems: &found)
            if coding.coder != coder {
                var coderOffset = json.offset
                if case .object(let top) = json.kind, let field = top.first(where: { $0.key == "coder" }) {
                    coderOffset = field.value.offset
                }
                found.error(
                    JSONPath.root.field("coder"), coderOffset,
                    "the file says coder \"\(coding.coder)\" but is named for \"\(coder)\"; each coder's file is codings/<coder>.json"
                )
            }
            context?.checkExcerpts(
                of: json, skipping: replacedExcerpts(journal, after: coding.journalSequence), problems: &found
            ) { id in coding.excerpts[id].map { ($0.codes, $0.codebookRevision) } }
            return coding
        }
    }

    /// Excerpts whose snapshot record the journal replaces; they are checked as the journal has them: a kill between
    /// a journal append and the snapshot's replacement leaves the snapshot naming, say, an excerpt a re-import then
    /// removed.
    private static func replacedExcerpts(_ journal: CodingJournal.Contents, after sequence: Int) -> Set<String> {
        Set(journal.entries.lazy.filter { $0.sequence > sequence }.map(\.excerptID))
    }
}
