import CanonicalJSON
import Glibc

/// Writes a study's files in their canonical form, touching only files whose bytes would change.
public enum StudyWriter {
    /// Every file of the study with the bytes it should hold, by study-relative path.
    public static func files(of study: Study) -> [(path: String, bytes: [UInt8])] {
        enum Part: Sendable {
            case manifest, codebook, consensus, assignments
            case review(Review)
            case coding(Coding)
        }
        // assignments.json exists only once a lead has assigned work.
        let parts: [Part] =
            [.manifest, .codebook, .consensus] + (study.assignments.items.isEmpty ? [] : [.assignments])
            + study.corpus.reviews.map { .review($0) }
            + study.coders.map { .coding(study.codings[$0]!) }
        // Files are independent: encode them on every core.
        return parts.parallelMap { part -> (path: String, bytes: [UInt8]) in
            switch part {
            case .manifest: (StudyFolder.manifestFile, CanonicalWriter.pretty(ManifestFormat.encode(study.manifest)))
            case .codebook: (StudyFolder.codebookFile, CanonicalWriter.pretty(CodebookFormat.encode(study.codebook)))
            case .consensus:
                (StudyFolder.consensusFile, CanonicalWriter.pretty(ConsensusFormat.encode(study.consensus)))
            case .assignments:
                (StudyFolder.assignmentsFile, CanonicalWriter.pretty(AssignmentsFormat.encode(study.assignments)))
            case .review(let review):
                (StudyFolder.reviewFile(review.id), CanonicalWriter.pretty(ReviewFormat.encode(review)))
            case .coding(let coding):
                (StudyFolder.codingFile(coding.coder), CodingFormat.prettyBytes(coding))
            }
        }
    }

    /// Saves into `folder` (the study's own by default); returns the paths that were written. A folder that is new
    /// or empty becomes the study's, as private as its manifest says (`StudySettings.folderMode`).
    @discardableResult
    public static func save(_ study: Study, to folder: StudyFolder? = nil) throws -> [String] {
        let target = folder ?? study.folder
        let isNewFolder = try !FileSystem.isDirectory(target.path) || FileSystem.list(target.path).isEmpty
        if isNewFolder {
            try FileSystem.createDirectories(target.path)
            guard chmod(target.path, study.manifest.settings.folderMode) == 0 else {
                throw FileError(path: target.path, action: "make the study folder private", errno: errno)
            }
        }
        try target.refuseLinkedSubfolders()
        try FileSystem.createDirectories(target.url(StudyFolder.corpusFolder))
        try FileSystem.createDirectory(target.url(StudyFolder.codingsFolder))
        // Each file is replaced on its own (atomically); doing them on every core overlaps the fsyncs.
        let outcomes = files(of: study).parallelMap { file -> Result<String?, FileError> in
            let url = target.url(file.path)
            // An unreadable file is simply written again.
            if FileSystem.exists(url), (try? FileSystem.readBytes(url)) == file.bytes { return .success(nil) }
            do throws(FileError) {
                try AtomicFile.write(file.bytes, to: url)
                return .success(file.path)
            } catch {
                return .failure(error)
            }
        }
        var written: [String] = []
        for outcome in outcomes {
            if let path = try outcome.get() { written.append(path) }
        }
        let gitignore = target.url(StudyFolder.gitignoreFile)
        if !FileSystem.exists(gitignore) {
            try AtomicFile.write(Array(StudyCreator.gitignore.utf8), to: gitignore)
            written.append(StudyFolder.gitignoreFile)
        }
        return written
    }
}

/// Creates new studies.
public enum StudyCreator {
    /// Lock files belong to running sessions and temporary files to interrupted writes: neither belongs in git.
    /// Journals are the coder's own acknowledged work and are committed with the snapshot.
    public static let gitignore =
        "# Written by Thematic: files that belong to running sessions, not to the study.\n*.lock\n.*.tmp\n"

    /// Creates `folder` as a new, empty study; refuses a folder that already has files in it. Only its owner may read
    /// it, unless `shareWithGroup` lets the owner's group read it too.
    public static func create(
        at folder: StudyFolder, title: String, codebook: Codebook?, shareWithGroup: Bool = false,
        now: String = Timestamp.now()
    ) throws -> Study {
        if FileSystem.isDirectory(folder.path), !(try FileSystem.list(folder.path)).isEmpty {
            throw FileError(
                path: folder.path, action: "create a study", reason: "the folder already exists and is not empty")
        }
        var book = codebook ?? Codebook(title: "\(title) codebook")
        if book.history.isEmpty {
            book.history = [
                CodebookChange(
                    revision: book.revision, at: now, by: "thematic", action: .create,
                    note: "empty codebook created with the study")
            ]
        }
        let manifest = StudyManifest(
            title: title, created: now,
            attributes: [
                AttributeDefinition(id: "year", label: "Year"), AttributeDefinition(id: "region", label: "Region"),
                AttributeDefinition(id: "childAgeBand", label: "Child age band"),
                AttributeDefinition(id: "incidentType", label: "Incident type"),
            ], settings: StudySettings(shareWithGroup: shareWithGroup))
        let study = Study(
            folder: folder, manifest: manifest, codebook: book, corpus: Corpus(reviews: []), codings: [:],
            consensus: Consensus())
        try StudyWriter.save(study)
        return study
    }

    /// Reads a codebook file (e.g. one of Codebooks/) on its own, with located errors.
    public static func readCodebook(_ path: String) throws(StudyLoadError) -> Codebook {
        var problems: [StudyProblem] = []
        let folder = StudyFolder(path: FileSystem.parent(of: path))
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard let codebook = StudyReader.readFile(folder, name, problems: &problems, decode: CodebookFormat.decode),
            !problems.contains(where: { $0.severity == .error })
        else {
            throw StudyLoadError(
                problems: problems.map {
                    var problem = $0
                    problem.file = path
                    return problem
                })
        }
        return codebook
    }
}
