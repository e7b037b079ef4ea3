import CanonicalJSON

/// Reads every file of a study, checks each against the others, and reports every problem it finds.
///
/// Reading never writes: a study with problems is left byte-identical.
public enum StudyReader {
    /// The study, if it could be assembled, and every problem found (errors and warnings).
    public struct Result: Sendable {
        public var study: Study?
        public var problems: [StudyProblem]

        public var errors: [StudyProblem] { problems.filter { $0.severity == .error } }
        public var warnings: [StudyProblem] { problems.filter { $0.severity == .warning } }
    }

    /// Opens a study for use: throws when any file has an error; warnings are returned with the study.
    /// `coders` limits which coders' files are read (a blind coding session needs only its own).
    public static func load(_ folder: StudyFolder, coders: Set<String>? = nil) throws(StudyLoadError) -> (
        study: Study, warnings: [StudyProblem]
    ) {
        let result = read(folder, coders: coders)
        guard let study = result.study, result.errors.isEmpty else { throw StudyLoadError(problems: result.errors) }
        return (study, result.warnings)
    }

    public static func read(_ folder: StudyFolder, coders: Set<String>? = nil) -> Result {
        var problems: [StudyProblem] = []
        guard FileSystem.isDirectory(folder.path) else {
            return Result(study: nil, problems: [StudyProblem(file: "", message: "no such study folder")])
        }
        guard FileSystem.exists(folder.url(StudyFolder.manifestFile)) else {
            return Result(
                study: nil,
                problems: [
                    StudyProblem(
                        file: "",
                        message:
                            "not a study folder: it has no \(StudyFolder.manifestFile) (create a study with `thematic init`)"
                    )
                ])
        }
        let manifest = readFile(folder, StudyFolder.manifestFile, problems: &problems, decode: ManifestFormat.decode)
        let codebook = readFile(folder, StudyFolder.codebookFile, problems: &problems, decode: CodebookFormat.decode)
        let corpus = readCorpus(folder, problems: &problems)
        var codings: [String: Coding] = [:]
        var consensus = Consensus()
        if let codebook, let corpus {
            let context = ReferenceContext(codebook: codebook, corpus: corpus)
            codings = readCodings(folder, only: coders, context: context, problems: &problems)
            if FileSystem.exists(folder.url(StudyFolder.consensusFile)) {
                consensus = readConsensus(folder, context: context, problems: &problems) ?? consensus
            }
        }
        // assignments.json (issue 6) is optional; its excerpt ids are checked against the corpus when the corpus could
        // be read.
        let assignments = AssignmentsFormat.read(folder, corpus: corpus, problems: &problems)
        guard let manifest, let codebook, let corpus else { return Result(study: nil, problems: problems) }
        let study = Study(
            folder: folder, manifest: manifest, codebook: codebook, corpus: corpus, codings: codings,
            consensus: consensus, assignments: assignments)
        return Result(study: study, problems: problems)
    }

    /// Reads, parses and decodes one file, turning every failure into located problems.
    static func readFile<Value>(
        _ folder: StudyFolder, _ file: String, problems: inout [StudyProblem],
        decode: (JSONValue, inout FileProblems) throws(JSONShapeError) -> Value
    ) -> Value? {
        guard let (bytes, json) = parseFile(folder, file, problems: &problems) else { return nil }
        return decoded(json, of: bytes, file, problems: &problems, decode: decode)
    }

    /// Decodes one parsed file, turning every failure into located problems.
    static func decoded<Value>(
        _ json: JSONValue, of bytes: [UInt8], _ file: String, problems: inout [StudyProblem],
        decode: (JSONValue, inout FileProblems) throws(JSONShapeError) -> Value
    ) -> Value? {
        var found = FileProblems()
        do {
            let value = try decode(json, &found)
            problems += found.located(in: file, bytes: bytes)
            return value
        } catch {
            problems += found.located(in: file, bytes: bytes)
            let place = SourceText.location(ofOffset: error.offset, in: bytes)
            problems.append(
                StudyProblem(
                    file: file, line: place.line, column: place.column, path: error.path.description,
                    message: error.message))
            return nil
        }
    }

    static func parseFile(_ folder: StudyFolder, _ file: String, problems: inout [StudyProblem]) -> (
        [UInt8], JSONValue
    )? {
        guard let bytes = readBytes(folder, file, problems: &problems),
            let json = parse(bytes, file, problems: &problems)
        else { return nil }
        return (bytes, json)
    }

    static func readBytes(_ folder: StudyFolder, _ file: String, problems: inout [StudyProblem]) -> [UInt8]? {
        do {
            return try FileSystem.readBytes(folder.url(file))
        } catch {
            problems.append(
                StudyProblem(
                    file: file,
                    message: FileSystem.exists(folder.url(file))
                        ? "cannot read: \(error.reason)" : "missing: every study has this file"))
            return nil
        }
    }

    static func parse(_ bytes: [UInt8], _ file: String, problems: inout [StudyProblem]) -> JSONValue? {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            problems.append(StudyProblem(file: file, line: error.line, column: error.column, message: error.message))
            return nil
        }
    }

    /// A review file: straight from its bytes when it has its usual shape (`ReviewScan`), else parsed and decoded,
    /// which finds and locates every problem.
    private static func readReview(_ folder: StudyFolder, _ file: String, problems: inout [StudyProblem]) -> Review? {
        guard let bytes = readBytes(folder, file, problems: &problems) else { return nil }
        if let review = ReviewScan.read(bytes) { return review }
        guard let json = parse(bytes, file, problems: &problems) else { return nil }
        return decoded(json, of: bytes, file, problems: &problems, decode: ReviewFormat.decode)
    }

    private static func readCorpus(_ folder: StudyFolder, problems: inout [StudyProblem]) -> Corpus? {
        // git keeps no empty folders, so a fresh clone of a study without reviews has no corpus/ at all.
        guard FileSystem.isDirectory(folder.url(StudyFolder.corpusFolder)) else { return Corpus(reviews: []) }
        let names: [String]
        do { names = try FileSystem.list(folder.url(StudyFolder.corpusFolder)) } catch {
            problems.append(StudyProblem(file: StudyFolder.corpusFolder + "/", message: "cannot list: \(error.reason)"))
            return nil
        }
        var failed = false
        let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        // Reviews are independent files: read and decode them on every core.
        let decoded = files.parallelMap { name -> (Review?, [StudyProblem]) in
            var found: [StudyProblem] = []
            let review = readReview(folder, "\(StudyFolder.corpusFolder)/\(name)", problems: &found)
            return (review, found)
        }
        // Built before the problems are known, as nearly every study has none: its index says whether any excerpt
        // id is used twice, and only then is each id's first file looked for.
        let corpus = Corpus(reviews: decoded.compactMap(\.0))
        let hasDuplicateIDs = !corpus.excerptIDsAreDistinct
        // Excerpt id -> the file (its index in `files`) that used it first.
        var firstPlace: [String: Int] = [:]
        if hasDuplicateIDs { firstPlace.reserveCapacity(decoded.reduce(0) { $0 + ($1.0?.excerpts.count ?? 0) }) }
        for (fileIndex, (name, (decodedReview, found))) in zip(files, decoded).enumerated() {
            let file = "\(StudyFolder.corpusFolder)/\(name)"
            let problemCount = problems.count
            problems += found
            guard let review = decodedReview else {
                failed = true
                continue
            }
            let expectedID = String(name.dropLast(5))
            if review.id != expectedID {
                problems.append(
                    StudyProblem(
                        file: file, path: "id",
                        message: "the review id \"\(review.id)\" must match the file name (\(expectedID).json)"))
            }
            for index in review.excerpts.indices where hasDuplicateIDs {
                let id = review.excerpts[index].id
                if let other = firstPlace.updateValue(fileIndex, forKey: id) {
                    firstPlace[id] = other
                    problems.append(
                        StudyProblem(
                            file: file, path: "excerpts[\(index)].id",
                            message:
                                "duplicate excerpt id \"\(id)\" (already used in \(StudyFolder.corpusFolder)/\(files[other]))"
                        ))
                }
            }
            if problems[problemCount...].contains(where: { $0.severity == .error }) { failed = true }
        }
        return failed ? nil : corpus
    }

    private static func readCodings(
        _ folder: StudyFolder, only wanted: Set<String>?, context: ReferenceContext, problems: inout [StudyProblem]
    ) -> [String: Coding] {
        let codingsPath = folder.url(StudyFolder.codingsFolder)
        guard FileSystem.isDirectory(codingsPath) else { return [:] }
        var coders: Set<String> = []
        let names: [String]
        do { names = try FileSystem.list(codingsPath) } catch {
            // Loaded as no codings, a study would look uncoded, and an edit would skip every coder's file.
            problems.append(
                StudyProblem(file: StudyFolder.codingsFolder, message: "cannot list the folder: \(error.reason)"))
            return [:]
        }
        for name in names where !name.hasPrefix(".") {
            if name.hasSuffix(".json") { coders.insert(String(name.dropLast(5))) }
            if name.hasSuffix(".journal") { coders.insert(String(name.dropLast(8))) }
        }
        var codings: [String: Coding] = [:]
        let wantedCoders = coders.sorted().filter { wanted?.contains($0) ?? true }
        for coder in wantedCoders where !Identifier.isValidCoderName(coder) {
            problems.append(
                StudyProblem(
                    file: StudyFolder.codingFile(coder),
                    message: "\"\(coder)\" is not a valid coder name (\(Identifier.coderNameRule)); rename the file"))
        }
        // Each coder's files are independent: read them on every core.
        let valid = wantedCoders.filter(Identifier.isValidCoderName)
        let decoded = valid.parallelMap { coder -> (Coding?, [StudyProblem]) in
            var found: [StudyProblem] = []
            let coding = CodingReader.read(folder, coder: coder, context: context, problems: &found)
            return (coding, found)
        }
        for (coder, (coding, found)) in zip(valid, decoded) {
            problems += found
            if let coding { codings[coder] = coding }
        }
        return codings
    }

    private static func readConsensus(_ folder: StudyFolder, context: ReferenceContext, problems: inout [StudyProblem])
        -> Consensus?
    {
        readFile(folder, StudyFolder.consensusFile, problems: &problems) { json, found throws(JSONShapeError) in
            let consensus = try ConsensusFormat.decode(json, problems: &found)
            context.checkExcerpts(of: json, problems: &found) { id in
                consensus.excerpts[id].map { ($0.codes, $0.codebookRevision) }
            }
            return consensus
        }
    }
}

/// What codings may refer to: the excerpts of the corpus and the codes of the codebook.
struct ReferenceContext {
    let codebook: Codebook
    let codes: [String: Code]
    /// Codes that may be applied without remark (codable, not merged): nearly every coding names only these, and
    /// finding one here copies no `Code`.
    let plainCodes: Set<String>
    let corpus: Corpus

    init(codebook: Codebook, corpus: Corpus) {
        self.codebook = codebook
        self.codes = codebook.codesByID
        self.plainCodes = Set(
            codes.values.lazy.filter { code in
                if case .merged = code.status { return false }
                return code.codable
            }.map(\.id))
        self.corpus = corpus
    }

    /// Checks one excerpt's codes against the corpus and codebook; `value` is the record's JSON, for positions.
    /// The path is built only for a problem: a study's check runs once per record, tens of thousands of times.
    func check(
        excerptID: String, codes applied: [String: AppliedCode], revision: Int, value: JSONValue?,
        path: @autoclosure () -> JSONPath, problems: inout FileProblems
    ) {
        let offset = value?.offset ?? 0
        // Only the spans need the excerpt itself; its place says it exists.
        guard let place = corpus.positions[excerptID] else {
            problems.error(
                path(), offset,
                "unknown excerpt \"\(excerptID)\": no review in corpus/ has it (was it removed or renamed?)")
            return
        }
        if revision > codebook.revision {
            problems.warning(
                path().field("codebookRevision"), offset,
                "coded against codebook revision \(revision), but codebook.json is at revision \(codebook.revision) (an older codebook came in?)"
            )
        }
        if nothingToReport(applied, at: place, codesArePlain: false) { return }
        var textLength: Int?
        for (codeID, application) in applied.sorted(by: { $0.key < $1.key }) {
            var codePath: JSONPath { path().field("codes").key(codeID) }
            var codeOffset: Int { memberOffset(value, "codes", codeID) ?? offset }
            guard let code = codes[codeID] else {
                problems.error(codePath, codeOffset, "unknown code \"\(codeID)\": not in codebook.json")
                continue
            }
            if !code.codable {
                problems.error(
                    codePath, codeOffset,
                    "code \"\(codeID)\" (\(code.name)) is a category that only groups codes; it cannot be applied")
            }
            if case .merged(let target) = code.status {
                problems.warning(
                    codePath, codeOffset,
                    "code \"\(codeID)\" was merged into \"\(target)\"; this coding still names the old code")
            }
            for (index, span) in application.spans.enumerated() {
                // The excerpt exists: its place was found above.
                let length = textLength ?? StudySpanReliability.scalarCount(corpus.excerpt(at: place).text)
                textLength = length
                if !Self.fits(span, length) {
                    problems.error(
                        codePath.field("spans").index(index), codeOffset,
                        "span [\(span.start), \(span.end)) does not fit the excerpt's text (\(length) characters; start must be below end)"
                    )
                }
            }
        }
    }

    /// Checks every record of the file's top-level `excerpts` object that `record` finds, each located at its value;
    /// `skipping` names excerpts checked elsewhere.
    func checkExcerpts(
        of json: JSONValue, skipping: Set<String> = [], problems: inout FileProblems,
        record: (String) -> (codes: [String: AppliedCode], revision: Int)?
    ) {
        guard case .object(let top) = json.kind,
            case .object(let members)? = top.first(where: { $0.key == "excerpts" })?.value.kind
        else { return }
        for member in members where !skipping.contains(member.key) {
            guard let (codes, revision) = record(member.key) else { continue }
            check(
                excerptID: member.key, codes: codes, revision: revision, value: member.value,
                path: JSONPath.root.field("excerpts").key(member.key), problems: &problems)
        }
    }

    /// Whether `check` would report nothing about this record, for a reader without its JSON, which reads the file
    /// again with it only when there is something to report. `codesArePlain`: the caller knows that every code the
    /// record names is plainly applicable (codable, not merged). The reader goes through a file's records in id
    /// order, and finds each excerpt with `walk`.
    func passes(
        excerptID: String, codes applied: [String: AppliedCode], revision: Int, codesArePlain: Bool,
        walk: inout CorpusWalk
    ) -> Bool {
        guard let place = walk.position(of: excerptID) else { return false }
        return revision <= codebook.revision && nothingToReport(applied, at: place, codesArePlain: codesArePlain)
    }

    /// Whether every code is plainly applicable and every span fits the text, as in nearly every record: then no
    /// code needs sorting or copying, and the excerpt's text (at `place`) is measured only for spans.
    private func nothingToReport(
        _ applied: [String: AppliedCode], at place: Corpus.ExcerptPosition, codesArePlain: Bool
    ) -> Bool {
        var textLength: Int?
        for (codeID, application) in applied {
            guard codesArePlain || plainCodes.contains(codeID) else { return false }
            for span in application.spans {
                let length = textLength ?? StudySpanReliability.scalarCount(corpus.excerpt(at: place).text)
                textLength = length
                guard Self.fits(span, length) else { return false }
            }
        }
        return true
    }

    private static func fits(_ span: TextSpan, _ textLength: Int) -> Bool {
        span.start >= 0 && span.end <= textLength && span.start < span.end
    }

    private func memberOffset(_ value: JSONValue?, _ field: String, _ key: String) -> Int? {
        guard case .object(let members)? = value?.kind,
            case .object(let inner)? = members.first(where: { $0.key == field })?.value.kind
        else { return nil }
        return inner.first { $0.key == key }?.value.offset
    }
}
