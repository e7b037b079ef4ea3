extension CodebookEditor {
    /// Replaces the study's codes and groups with `imported`'s (one revision, an "import" entry in the history; the study keeps
    /// its title and history). Refused when a code that codings use would disappear or stop being applicable.
    @discardableResult
    public func importCodebook(_ imported: Codebook, from file: String, by editor: String, note: String? = nil,
                               at time: String = Timestamp.now()) throws -> Codebook {
        let study = try StudyReader.load(folder).study
        if let refusal = CodebookGuard.refusal(editor: editor, coders: study.coders, settings: study.manifest.settings) { throw CodebookEditError(refusal) }
        try Self.requireCodesInUse(study, kept: imported)
        var book = study.codebook
        book.codes = imported.codes
        book.groups = imported.groups
        book.revision += 1
        let groups = imported.groups.isEmpty ? "" : ", \(imported.groups.count) group\(imported.groups.count == 1 ? "" : "s")"
        book.history.append(CodebookChange(revision: book.revision, at: time, by: editor, action: "import", codes: [],
                                           detail: "from \(file): \(imported.codes.count) codes" + groups, note: note))
        try writeCodebook(book, replacing: study.codebook.revision)
        return book
    }

    /// Imports a project's codebook, then its codings, each coder's through their session (the codebook first:
    /// codings may name codes only it has). Records of excerpts the project codes replace the coder's own.
    /// Returns the number of excerpt records written per coder.
    @discardableResult
    public func importProject(_ project: RefiProject.Imported, from file: String, by editor: String, note: String? = nil,
                              at time: String = Timestamp.now()) throws -> [String: Int] {
        let study = try StudyReader.load(folder).study
        for coder in project.codings.keys.sorted() where !Identifier.isValidCoderName(coder) {
            throw CodebookEditError("\"\(coder)\" is not a valid coder name (\(Identifier.coderNameRule))")
        }
        for coder in project.codings.keys.sorted() {
            do {
                try CoderLock(path: folder.url(StudyFolder.lockFile(coder)), displayName: StudyFolder.codingFile(coder)).release()
            } catch let held as CoderLock.Held {
                throw CodebookEditError("\(coder) has the study open in a coding session (\(held.holder)); import their codings after they close it. Nothing was changed.")
            } catch {
                // No codings folder yet: the session creates it.
            }
        }
        if study.codebook.codes != project.codebook.codebook.codes || study.codebook.groups != project.codebook.codebook.groups {
            try importCodebook(project.codebook.codebook, from: file, by: editor, note: note, at: time)
        }
        var written: [String: Int] = [:]
        for (coder, records) in project.codings.sorted(by: { $0.key < $1.key }) {
            let session = try CodingSession(folder: folder, coder: coder)
            defer { try? session.close() }
            let changed = records.sorted(by: { $0.key < $1.key }).filter { session.coding.excerpts[$0.key] != $0.value }
            try session.record(all: changed.map { ($0.key, $0.value) })
            if !changed.isEmpty { written[coder] = changed.count }
            try session.close()
        }
        return written
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
            let list = missing.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) coding\($0.value == 1 ? "" : "s"))" }.joined(separator: ", ")
            throw CodebookEditError("the imported codebook lacks codes the study's codings use, or has them as categories: \(list); nothing was changed")
        }
    }
}
