/// A REFI-QDA project (.qdpx) read in full and checked, before anything is mapped onto a study: its users, codebook,
/// text sources with their text, selections and codings, notes, variables and cases, and a count of what Thematic
/// cannot carry (media sources, PDF selections by coordinates, graphs, links).
///
/// Real files differ from the standard, and each difference is read: the project document may be named after the
/// project instead of `project.qde` (ATLAS.ti), source paths may lack `internal://` (qc), GUIDs may have braces or
/// capitals, and a source's text file may be missing (reported, not fatal). Refused, naming the element and its line:
/// a repeated GUID, and a selection outside its source's text.
public struct RefiProjectFile: Sendable {
    public struct User: Sendable, Equatable {
        public var guid: String
        /// The name as the tool wrote it (`name`, else `id`).
        public var name: String
    }

    /// A coding of a code by a user, on a selection or a whole source.
    public struct Coding: Sendable, Equatable {
        public var codeGUID: String
        public var userGUID: String?
        public var created: String?
        public var noteGUIDs: [String]
    }

    /// A range of a source's text, in Unicode scalars from its start.
    public struct Selection: Sendable, Equatable {
        public var guid: String
        public var line: Int
        public var start: Int
        public var end: Int
        public var userGUID: String?
        public var created: String?
        public var description: String?
        public var codings: [Coding]
        public var noteGUIDs: [String]
    }

    public struct TextSource: Sendable, Equatable {
        public var guid: String
        public var name: String
        public var description: String?
        public var line: Int
        /// The source's plain text; nil when the archive lacks its file.
        public var text: String?
        /// Why `text` is nil, or where it came from when not from the plain-text file.
        public var textNote: String?
        public var userGUID: String?
        public var selections: [Selection]
        /// Codings of the whole source.
        public var codings: [Coding]
        public var noteGUIDs: [String]
        /// Variable GUID -> value.
        public var values: [String: String]
    }

    public struct Note: Sendable, Equatable {
        public var name: String?
        public var text: String
        public var userGUID: String?
    }

    public struct Case: Sendable, Equatable {
        public var name: String
        /// Variable GUID -> value.
        public var values: [String: String]
        public var sourceGUIDs: [String]
    }

    public var file: String
    public var name: String?
    public var origin: String?
    public var creatingUserGUID: String?
    public var users: [User]
    public var codebook: RefiCodebook.Imported
    public var sources: [TextSource]
    /// Note GUID -> note.
    public var notes: [String: Note]
    /// Variable GUID -> name.
    public var variables: [String: String]
    public var variableOrder: [String]
    public var cases: [Case]
    /// What cannot be carried into a study, by kind ("audio sources"), with counts.
    public var notCarried: [String: Int]
    public var warnings: [String]
    /// The document's XML comments, in order: Thematic's own describe excerpts and coding records exactly.
    public var comments: [String]

    /// True for a project Thematic wrote: its comments describe excerpts and coding records exactly.
    public var isThematicExport: Bool { origin == "Thematic" }

    /// Reads and checks a .qdpx archive. Throws, naming the file, the element and the reason, for anything that would
    /// make the import wrong.
    public static func read(_ bytes: [UInt8], file: String, progress: any ProgressReporter = .silent) throws(RefiError)
        -> RefiProjectFile
    {
        progress.report("reading the project: unpacking the archive", done: 0, total: 0, unit: "")
        let (documentPath, document, entries) = try projectDocument(
            try RefiProject.unzip(bytes, file: file), file: file)
        let place = "\(file)/\(documentPath)"
        progress.report("reading the project: reading \(documentPath)", done: 0, total: 0, unit: "")
        let (root, comments) = try RefiXMLReader.read(document, file: place)
        guard root.name == "Project" else {
            throw RefiError(
                file: place, message: "expected a REFI-QDA project (a <Project> element), found <\(root.name)>")
        }
        try requireUniqueGUIDs(root, file: place)
        let codebook = try RefiCodebook.read(
            root.child("CodeBook") ?? RefiElement(name: "CodeBook", attributes: [:]), sets: root.child("Sets"),
            comments: comments,
            file: place, title: root.attribute("name").map { "\($0) codebook" } ?? "Imported codebook")
        var project = RefiProjectFile(
            file: file, name: root.attribute("name"), origin: root.attribute("origin"),
            creatingUserGUID: root.attribute("creatingUserGUID").map(RefiGUID.normalise),
            users: [], codebook: codebook, sources: [], notes: [:], variables: [:], variableOrder: [],
            cases: [], notCarried: [:], warnings: codebook.warnings, comments: comments)
        for user in root.child("Users")?.children("User") ?? [] {
            guard let guid = user.attribute("guid").map(RefiGUID.normalise) else { continue }
            project.users.append(User(guid: guid, name: user.attribute("name") ?? user.attribute("id") ?? ""))
        }
        for variable in root.child("Variables")?.children("Variable") ?? [] {
            guard let guid = variable.attribute("guid").map(RefiGUID.normalise) else { continue }
            project.variables[guid] = variable.attribute("name") ?? guid
            project.variableOrder.append(guid)
        }
        for element in root.child("Cases")?.children("Case") ?? [] {
            project.cases.append(
                Case(
                    name: element.attribute("name") ?? "", values: values(of: element),
                    sourceGUIDs: element.children("SourceRef").compactMap {
                        $0.attribute("targetGUID").map(RefiGUID.normalise)
                    }))
            let selections = element.children("SelectionRef").count
            if selections > 0 {
                project.count("case memberships of selections (a case is a whole source here)", selections)
            }
        }
        for note in root.child("Notes")?.children("Note") ?? [] {
            guard let guid = note.attribute("guid").map(RefiGUID.normalise) else { continue }
            let text =
                note.child("PlainTextContent")?.text ?? textFile(of: note, entries: entries).flatMap {
                    try? RefiSourceText.decode($0)
                } ?? ""
            project.notes[guid] = Note(
                name: note.attribute("name"), text: text.trimmingCharacters(in: .whitespacesAndNewlines),
                userGUID: note.attribute("creatingUser").map(RefiGUID.normalise))
        }
        let sources = root.child("Sources")?.children ?? []
        for (index, element) in sources.enumerated() {
            progress.report("reading the project:", done: index, total: sources.count, unit: "sources read")
            switch element.name {
            case "TextSource":
                project.sources.append(try textSource(element, entries: entries, file: place))
            case "PDFSource":
                let selections = element.children("PDFSelection").count
                if selections > 0 { project.count("PDF selections by coordinates", selections) }
                if let representation = element.child("Representation") {
                    var source = try textSource(representation, entries: entries, file: place)
                    source.name = element.attribute("name") ?? source.name
                    source.guid = element.attribute("guid").map(RefiGUID.normalise) ?? source.guid
                    source.codings += codings(of: element)
                    project.sources.append(source)
                } else {
                    project.count("PDF sources without a text representation", 1)
                }
            case "PictureSource": project.count("picture sources", 1)
            case "AudioSource": project.count("audio sources", 1)
            case "VideoSource": project.count("video sources", 1)
            default: project.count("sources of an unknown kind <\(element.name)>", 1)
            }
        }
        for (element, kind) in [("Graphs", "graphs"), ("Links", "links")] {
            let count = root.child(element)?.children.count ?? 0
            if count > 0 { project.count(kind, count) }
        }
        return project
    }

    mutating func count(_ kind: String, _ number: Int) { notCarried[kind, default: 0] += number }

    /// The project document: `project.qde`, else the one `.qde` file in the archive (ATLAS.ti names it after the
    /// project; some archives hold a folder). Returns the entries relative to the document's folder.
    private static func projectDocument(_ entries: [String: [UInt8]], file: String) throws(RefiError) -> (
        String, [UInt8], [String: [UInt8]]
    ) {
        if let bytes = entries["project.qde"] { return ("project.qde", bytes, entries) }
        let documents = entries.keys.filter { $0.lowercased().hasSuffix(".qde") }.sorted()
        guard let path = documents.first else {
            throw RefiError(
                file: file, message: "no project.qde (or other .qde file) inside: not a REFI-QDA project (.qdpx)")
        }
        guard documents.count == 1 else {
            throw RefiError(
                file: file,
                message:
                    "\(documents.count) project documents inside (\(documents.joined(separator: ", "))) and none named project.qde: cannot tell which is the project"
            )
        }
        guard let slash = path.lastIndex(of: "/") else { return (path, entries[path]!, entries) }
        let folder = path[...slash]
        var relative = entries
        for (name, bytes) in entries where name.hasPrefix(folder) {
            relative[String(name.dropFirst(folder.count))] = bytes
        }
        return (path, entries[path]!, relative)
    }

    /// Every element that declares a GUID declares a different one: references would be ambiguous otherwise.
    private static func requireUniqueGUIDs(_ root: RefiElement, file: String) throws(RefiError) {
        // Well-formed GUIDs are compared as 128-bit numbers (a project has one per selection and coding: millions);
        // others as normalised text.
        var seen = Set<GUIDNumber>()
        var seenText = Set<String>()
        var repeated: (element: RefiElement, raw: String)?
        func visit(_ element: RefiElement) {
            guard repeated == nil else { return }
            if let raw = element.attributes["guid"] {
                let isNew =
                    GUIDNumber(raw).map { seen.insert($0).inserted }
                    ?? seenText.insert(RefiGUID.normalise(raw)).inserted
                if !isNew { repeated = (element, raw) }
            }
            for child in element.children { visit(child) }
        }
        visit(root)
        guard let (element, raw) = repeated else { return }
        let first = firstElement(withGUID: RefiGUID.normalise(raw), in: root)
        throw RefiError(
            file: file,
            message:
                "line \(element.line): <\(element.name) guid=\"\(raw)\"> repeats the GUID of the <\(first?.name ?? "")> at line \(first?.line ?? 0); every GUID in a project must be unique"
        )
    }

    private static func firstElement(withGUID guid: String, in element: RefiElement) -> RefiElement? {
        if element.attributes["guid"].map(RefiGUID.normalise) == guid { return element }
        for child in element.children { if let found = firstElement(withGUID: guid, in: child) { return found } }
        return nil
    }

    private static func textSource(_ element: RefiElement, entries: [String: [UInt8]], file: String) throws(RefiError)
        -> TextSource
    {
        let guid = element.attribute("guid").map(RefiGUID.normalise) ?? ""
        let name = element.attribute("name") ?? guid
        var source = TextSource(
            guid: guid, name: name, description: element.child("Description")?.text, line: element.line,
            text: nil, textNote: nil, userGUID: element.attribute("creatingUser").map(RefiGUID.normalise),
            selections: [], codings: codings(of: element), noteGUIDs: noteRefs(of: element),
            values: values(of: element))
        try readText(of: element, into: &source, entries: entries, file: file)
        let length = source.text?.unicodeScalars.count
        for selection in element.children("PlainTextSelection") {
            source.selections.append(try self.selection(selection, sourceName: name, length: length, file: file))
        }
        return source
    }

    private static func readText(
        of element: RefiElement, into source: inout TextSource, entries: [String: [UInt8]], file: String
    ) throws(RefiError) {
        if let inline = element.child("PlainTextContent") {
            source.text = inline.text
            return
        }
        if let bytes = textFile(of: element, entries: entries) {
            do { source.text = try RefiSourceText.decode(bytes) } catch {
                throw RefiError(
                    file: file,
                    message:
                        "line \(element.line): the text of source \"\(source.name)\" (\(element.attribute("plainTextPath") ?? "")) \(error.reason)"
                )
            }
            return
        }
        if let path = element.attribute("richTextPath"), let bytes = entry(path, in: entries) {
            do {
                let document = try DocxText.read(bytes, file: path)
                source.text = document.lines.map(\.text).joined(separator: "\n")
                source.textNote =
                    "its text is read from the Word file (no plain-text version in the project); selections may be off where the tools render it differently"
            } catch {
                source.textNote = "its Word file cannot be read (\(error.reason))"
            }
            return
        }
        let path = element.attribute("plainTextPath") ?? element.attribute("richTextPath")
        source.textNote = path.map { "its text file \($0) is not in the project archive" } ?? "it names no text file"
    }

    /// The plain-text file a source or note names, with or without `internal://`, under `sources/` or at the top.
    private static func textFile(of element: RefiElement, entries: [String: [UInt8]]) -> [UInt8]? {
        element.attribute("plainTextPath").flatMap { entry($0, in: entries) }
    }

    /// An archive entry a source names: `internal://` (or another scheme, such as MAXQDA's `relative://`),
    /// percent-escapes and GUID braces aside, under `sources/` or at the top; else a file of the same name under
    /// `sources/`.
    private static func entry(_ path: String, in entries: [String: [UInt8]]) -> [UInt8]? {
        var name = path
        if let scheme = name.range(of: "://") {
            name = String(name[scheme.upperBound...])
        } else if name.hasPrefix("internal:") {
            name = String(name.dropFirst(9))
        }
        let decoded = name.removingPercentEncoding ?? name
        // A GUID-named file may be written with or without the braces and capitals of the GUID in the path.
        let bare = decoded.filter { $0 != "{" && $0 != "}" }
        for candidate in [name, decoded, bare, bare.lowercased()] {
            if let bytes = entries["sources/\(candidate)"] ?? entries[candidate] { return bytes }
        }
        let last = decoded.split(separator: "/").last.map(String.init) ?? decoded
        return entries["sources/\(last)"]
    }

    private static func selection(_ element: RefiElement, sourceName: String, length: Int?, file: String)
        throws(RefiError) -> Selection
    {
        let guid = element.attribute("guid").map(RefiGUID.normalise) ?? ""
        let tag = "line \(element.line): <PlainTextSelection guid=\"\(element.attribute("guid") ?? "")\">"
        guard let start = element.attribute("startPosition").flatMap(position),
            let end = element.attribute("endPosition").flatMap(position)
        else {
            throw RefiError(
                file: file,
                message:
                    "\(tag) needs whole-number startPosition and endPosition (found \"\(element.attribute("startPosition") ?? "")\" and \"\(element.attribute("endPosition") ?? "")\")"
            )
        }
        guard start >= 0, start <= end else {
            throw RefiError(
                file: file,
                message:
                    "\(tag): startPosition \(start) and endPosition \(end) are not a range of the text (start must be 0 or more and not after the end)"
            )
        }
        if let length, end > length {
            throw RefiError(
                file: file,
                message:
                    "\(tag): the selection [\(start), \(end)) lies outside the text of source \"\(sourceName)\", which has \(length) characters"
            )
        }
        return Selection(
            guid: guid, line: element.line, start: start, end: end,
            userGUID: element.attribute("creatingUser").map(RefiGUID.normalise),
            created: element.attribute("creationDateTime"), description: element.child("Description")?.text,
            codings: codings(of: element), noteGUIDs: noteRefs(of: element))
    }

    /// A position attribute as a whole number, spaces around it allowed.
    private static func position(_ text: String) -> Int? {
        Int(text) ?? Int(text.trimmingCharacters(in: .whitespaces))
    }

    private static func codings(of element: RefiElement) -> [Coding] {
        element.children("Coding").flatMap { coding in
            coding.children("CodeRef").compactMap { reference in
                reference.attribute("targetGUID").map {
                    Coding(
                        codeGUID: RefiGUID.normalise($0),
                        userGUID: coding.attribute("creatingUser").map(RefiGUID.normalise),
                        created: coding.attribute("creationDateTime"), noteGUIDs: noteRefs(of: coding))
                }
            }
        }
    }

    private static func noteRefs(of element: RefiElement) -> [String] {
        element.children("NoteRef").compactMap { $0.attribute("targetGUID").map(RefiGUID.normalise) }
    }

    /// `VariableValue`s by variable GUID, each value as text whatever its type.
    private static func values(of element: RefiElement) -> [String: String] {
        var values: [String: String] = [:]
        for value in element.children("VariableValue") {
            guard let variable = value.child("VariableRef")?.attribute("targetGUID").map(RefiGUID.normalise),
                let content = value.children.first(where: { $0.name.hasSuffix("Value") })
            else { continue }
            let text = content.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { values[variable] = text }
        }
        return values
    }
}

/// A GUID's 32 hex digits as a number, braces, hyphens and case aside; nil for anything else.
private struct GUIDNumber: Hashable {
    var high: UInt64 = 0
    var low: UInt64 = 0

    init?(_ text: String) {
        var digits = 0
        for byte in text.utf8 {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "-"), UInt8(ascii: "{"), UInt8(ascii: "}"): continue
            default: return nil
            }
            guard digits < 32 else { return nil }
            if digits < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            digits += 1
        }
        guard digits == 32 else { return nil }
    }
}

/// A source's plain-text file as text: UTF-8 with any byte order mark dropped (it is not a character of the text
/// that positions count), or UTF-16 with one.
enum RefiSourceText {
    struct Unreadable: Error {
        var reason: String
    }

    static func decode(_ bytes: [UInt8]) throws(Unreadable) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index in
                littleEndian
                    ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                    : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            }
            return String(decoding: units, as: UTF16.self)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else { throw Unreadable(reason: "is not UTF-8 text") }
        return text
    }
}
