extension CodebookEditor {
    /// Replaces the study's codes and groups with `imported`'s (one revision, an "import" entry in the history; a study
    /// with codes keeps its title and history). Refused when a code that codings use would disappear or stop being
    /// applicable.
    @discardableResult
    public func importCodebook(
        _ imported: Codebook, from file: String, by editor: String, note: String? = nil,
        at time: String = Timestamp.now()
    ) throws -> Codebook {
        try importCodebook(
            imported, into: try StudyReader.load(folder).study, from: file, by: editor, note: note, at: time)
    }

    /// The same into `study` as the caller has just read it (the codebook on disk must still be at its revision).
    @discardableResult
    func importCodebook(
        _ imported: Codebook, into study: Study, from file: String, by editor: String, note: String? = nil,
        at time: String = Timestamp.now()
    ) throws -> Codebook {
        if let refusal = CodebookGuard.refusal(editor: editor, coders: study.coders, settings: study.manifest.settings)
        {
            throw CodebookEditError(refusal)
        }
        try Self.requireCodesInUse(study, kept: imported)
        var book = study.codebook
        if study.codebook.codes.isEmpty {
            // A study without codes takes the codebook whole: its title and description, and a Thematic codebook's
            // revisions and history too, so the revisions its coders' records name still mean what they meant.
            book.title = imported.title
            book.description = imported.description ?? book.description
            book.source = imported.source ?? book.source
            if !imported.history.isEmpty {
                book.history = imported.history
                book.revision = imported.revision
            }
        }
        book.codes = imported.codes
        book.groups = imported.groups
        book.revision += 1
        book.history.append(
            CodebookChange(
                revision: book.revision, at: time, by: editor,
                action: .import(file: file, codes: imported.codes.count, groups: imported.groups.count), note: note))
        try writeCodebook(book, replacing: study.codebook.revision)
        return book
    }

    /// Imports a project's codebook, then its codings of the study's own reviews, each coder's through their session
    /// (the codebook first: codings may name codes only it has). `project` is planned with `existingReviewsOnly`, so
    /// no record names an excerpt the study lacks. Records of excerpts the project codes replace the coder's own.
    /// Returns the number of excerpt records written per coder.
    @discardableResult
    public func importProject(
        _ project: RefiProjectImport, from file: String, by editor: String, note: String? = nil,
        at time: String = Timestamp.now()
    ) throws -> [String: Int] {
        let study = try StudyReader.load(folder).study
        let records = project.records(in: study.corpus.reviews)
        try ProjectImport.requireWritable(coders: Array(records.keys), folder: folder)
        if !study.codebook.hasSameCodesAndGroups(as: project.codebook.codebook) {
            try importCodebook(project.codebook.codebook, into: study, from: file, by: editor, note: note, at: time)
        }
        return try ProjectImport.writeRecords(records, folder: folder)
    }

    static func requireCodesInUse(_ study: Study, kept book: Codebook) throws {
        let codes = book.codesByID
        var missing: [String: Int] = [:]
        for coding in study.codings.values {
            for record in coding.excerpts.values {
                for code in record.codes.keys where !(codes[code]?.codable ?? false) { missing[code, default: 0] += 1 }
            }
        }
        for decision in study.consensus.excerpts.values {
            for code in decision.codes.keys where !(codes[code]?.codable ?? false) { missing[code, default: 0] += 1 }
        }
        guard missing.isEmpty else {
            let list = missing.sorted { $0.key < $1.key }.map {
                "\($0.key) (\($0.value) coding\($0.value == 1 ? "" : "s"))"
            }.joined(separator: ", ")
            throw CodebookEditError(
                "the imported codebook lacks codes the study's codings use, or has them as categories: \(list); nothing was changed"
            )
        }
    }
}

extension Codebook {
    /// Whether an import of `other` would leave the codes and groups as they are (titles and history aside).
    func hasSameCodesAndGroups(as other: Codebook) -> Bool { codes == other.codes && groups == other.groups }
}
