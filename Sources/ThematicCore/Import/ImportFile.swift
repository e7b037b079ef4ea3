import CanonicalJSON

/// Reads one file to import: a PDF or Word report, plain text, Markdown, CSV or a review in the study's own corpus
/// format.
public enum ImportFile {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, pdf, docx, csv, json
        /// A REFI-QDA project: imported whole and on its own (`ProjectImport`), not read as reviews here.
        case qdpx
    }

    /// The format named by the file's extension (`.txt`, `.md`, `.pdf`, `.docx`, `.csv`, `.json`).
    public static func format(of path: String) -> Format? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "txt", "text": return .text
        case "md", "markdown": return .markdown
        case "pdf": return .pdf
        case "docx": return .docx
        case "csv": return .csv
        case "json": return .json
        case "qdpx": return .qdpx
        default: return nil
        }
    }

    /// Reads every file (on every core), returning what each holds, in order, and every problem found.
    public static func readAll(
        _ paths: [String], format: Format? = nil, reviewID: String? = nil, title: String? = nil,
        options: SplitOptions = SplitOptions(),
        progress: any ProgressReporter = .silent
    ) -> (contents: [ImportContent], problems: [ImportProblem]) {
        let counter = ProgressCounter("importing:", total: paths.count, unit: "files read", progress: progress)
        let results = paths.parallelMap { path -> Result<ImportContent, ImportProblem> in
            defer { counter.advance() }
            do throws(ImportProblem) {
                return .success(try read(path, format: format, reviewID: reviewID, title: title, options: options))
            } catch {
                return .failure(error)
            }
        }
        var contents: [ImportContent] = []
        var problems: [ImportProblem] = []
        for result in results {
            switch result {
            case .success(let content): contents.append(content)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (contents, problems)
    }

    /// Reads and splits `path`. `reviewID` overrides the id taken from the file name (text and Markdown only).
    public static func read(
        _ path: String, format: Format? = nil, reviewID: String? = nil, title: String? = nil,
        options: SplitOptions = SplitOptions()
    ) throws(ImportProblem) -> ImportContent {
        guard let format = format ?? self.format(of: path) else {
            throw ImportProblem(
                file: path,
                reason:
                    "cannot tell the format from the file name; name it .pdf, .docx, .txt, .md, .csv, .json or .qdpx, or give --format (a .doc file: save it as .docx first)"
            )
        }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readBytes(path, limit: FileSizeLimit.importedDocument) } catch {
            throw ImportProblem(file: path, reason: "cannot read: \(error.reason)")
        }
        return try parse(bytes, file: path, format: format, reviewID: reviewID, title: title, options: options)
    }

    /// Parses bytes already read; `file` names them in messages and gives the review id.
    public static func parse(
        _ bytes: [UInt8], file: String, format: Format, reviewID: String? = nil, title: String? = nil,
        options: SplitOptions = SplitOptions()
    ) throws(ImportProblem) -> ImportContent {
        switch format {
        case .text, .markdown, .pdf, .docx:
            let id = if let reviewID { reviewID } else { try idFromFileName(file) }
            if !Identifier.isValidID(id) {
                throw ImportProblem(file: file, reason: "\"\(id)\" is not a valid review id (\(Identifier.idRule))")
            }
            let document: SourceDocument
            switch format {
            case .pdf: document = try PDFText.read(bytes, path: file)
            case .docx: document = try DocxText.read(bytes, file: file)
            default:
                document = TextDocument.read(
                    try ImportedText.decode(bytes, file: file), markup: format == .markdown ? .markdown : .plainText)
            }
            let layout = ReportLayout(isMarkdown: format == .markdown, isEnglishWord: EnglishWords.contains).lay(
                document)
            let (excerpts, cut) = ExcerptSplitter.excerpts(from: layout.blocks, options: options)
            guard !excerpts.isEmpty else {
                throw ImportProblem(file: file, reason: "no paragraph of text to import (only headings)")
            }
            let summary = ImportedReview.LayoutSummary(
                removed: layout.removed, cutPassages: cut, pagesWithoutText: document.pagesWithoutText,
                pageCount: document.pageCount)
            return .reviews([
                ImportedReview(
                    id: id, title: title ?? layout.title ?? document.title, excerpts: excerpts, file: file,
                    layout: summary)
            ])
        case .csv:
            return try CSVImport.read(try ImportedText.decode(bytes, file: file), file: file)
        case .json:
            return .reviews([try readReviewJSON(bytes, file: file)])
        case .qdpx:
            throw ImportProblem(
                file: file, reason: "a REFI-QDA project (.qdpx) is imported on its own: `thematic import STUDY \(file)`"
            )
        }
    }

    /// A review id from a file name: its stem, with every character outside the id rule replaced by "-".
    public static func idFromFileName(_ path: String) throws(ImportProblem) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        var id = String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar in
                    scalar.isASCII
                        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                            || "._-".unicodeScalars.contains(scalar))
                        ? scalar : "-"
                }))
        while let first = id.unicodeScalars.first, !(first.properties.isAlphabetic || ("0"..."9").contains(first)) {
            id.removeFirst()
        }
        // Room for "-NNNN" excerpt numbers within the 64-character id rule.
        id = String(id.prefix(56))
        guard !id.isEmpty else {
            throw ImportProblem(
                file: path, reason: "the file name gives no usable review id; name the review with --review-id")
        }
        return id
    }

    private static func readReviewJSON(_ bytes: [UInt8], file: String) throws(ImportProblem) -> ImportedReview {
        _ = try ImportedText.decode(bytes, file: file)
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch {
            throw ImportProblem(file: file, line: error.line, reason: error.message)
        }
        var problems = FileProblems()
        let review: Review
        do { review = try ReviewFormat.decode(json, problems: &problems) } catch {
            throw ImportProblem(
                file: file, line: SourceText.location(ofOffset: error.offset, in: bytes).line,
                reason: "\(error.path.description): \(error.message)")
        }
        if let first = problems.items.first {
            throw ImportProblem(
                file: file, line: SourceText.location(ofOffset: first.offset, in: bytes).line,
                reason: "\(first.path.description): \(first.message)")
        }
        guard !review.excerpts.isEmpty else { throw ImportProblem(file: file, reason: "the review has no excerpts") }
        return ImportedReview(
            id: review.id, title: review.title, source: review.source, attributes: review.attributes,
            excerpts: review.excerpts.map { DraftExcerpt(section: $0.section, text: $0.text, page: $0.page) },
            givenIDs: review.excerpts.map(\.id), file: file)
    }
}
