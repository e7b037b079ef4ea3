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
            guard let (bytes, json) = StudyReader.parseFile(folder, file, problems: &problems) else { return nil }
            snapshotBytes = bytes
            var found = FileProblems()
            do {
                coding = try CodingFormat.decode(json, problems: &found)
            } catch {
                let place = SourceText.location(ofOffset: error.offset, in: bytes)
                problems.append(
                    StudyProblem(
                        file: file, line: place.line, column: place.column, path: error.path.description,
                        message: error.message))
                return nil
            }
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
            if let context, case .object(let top) = json.kind,
                case .object(let members)? = top.first(where: { $0.key == "excerpts" })?.value.kind
            {
                // A record the journal replaces is checked as the journal has it: a kill between a journal append and
                // the snapshot's replacement leaves the snapshot naming, say, an excerpt a re-import then removed.
                let replaced = Set(
                    journal.entries.lazy.filter { $0.sequence > coding.journalSequence }.map(\.excerptID))
                for member in members where !replaced.contains(member.key) {
                    guard let record = coding.excerpts[member.key] else { continue }
                    context.check(
                        excerptID: member.key, codes: record.codes, revision: record.codebookRevision,
                        value: member.value, path: JSONPath.root.field("excerpts").key(member.key), problems: &found)
                }
            }
            problems += found.located(in: file, bytes: bytes)
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
}
