import CanonicalJSON
import Foundation

/// REFI-QDA codebooks (.qdc, namespace urn:QDA-XML:codebook:1.0), the exchange format of NVivo, ATLAS.ti, MAXQDA,
/// QualCoder and Taguette.
///
/// A code's structured definition goes into its `Description`: first as readable text for the other tools, then a
/// last line `[Thematic] {...}` holding every field exactly, so our own files come back without loss. The codebook's
/// title, revision and history travel in an XML comment (`thematic-codebook {...}`), which other tools ignore.
/// Code groups are `<Set>`s of codes, each with a `[Thematic] {...}` line ending its Description for the group's id;
/// retired and merged codes are listed in two status sets of Thematic's own.
public enum RefiCodebook {
    public static let namespace = "urn:QDA-XML:codebook:1.0"
    static let blockMarker = "[Thematic] "
    static let commentMarker = "thematic-codebook "
    static let retiredSet = "Thematic: retired codes"
    static let mergedSet = "Thematic: merged codes"

    /// Where a `<Sets>` element goes. In a .qdc it follows `<Codes>` inside `<CodeBook>`, and a member is
    /// `<MemberCode guid=...>`; in a project (.qdpx) it is a child of `<Project>` after `<Sources>`, and a member is
    /// `<MemberCode targetGUID=...>`, as the two schemas of REFI-QDA 1.0 differ.
    public enum SetsPlace: Sendable {
        case codebook, project

        var memberAttribute: String { self == .codebook ? "guid" : "targetGUID" }
    }

    /// A codebook read from a REFI-QDA file, and what could not be carried over.
    public struct Imported: Sendable {
        public var codebook: Codebook
        /// Code GUID (normalised) -> the code id it became.
        public var codeIDs: [String: String]
        public var warnings: [String]
    }

    /// The .qdc document; `scope` names the study, so that GUIDs are stable across exports of it.
    public static func export(_ codebook: Codebook, scope: String) -> [UInt8] {
        var xml = XMLText()
        xml.open(
            "CodeBook",
            [
                ("xmlns", namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", "\(namespace) Codebook.xsd"), ("origin", "Thematic"),
            ])
        write(codebook, scope: scope, into: &xml)
        writeSets(codebook, scope: scope, place: .codebook, into: &xml)
        xml.close("CodeBook")
        return Array(xml.text.utf8)
    }

    /// Reads a .qdc document; a malformed or truncated one throws and nothing is changed anywhere.
    public static func read(_ bytes: [UInt8], file: String, title: String) throws(RefiError) -> Imported {
        let (root, comments) = try RefiXMLReader.read(bytes, file: file)
        guard root.name == "CodeBook" else {
            throw RefiError(
                file: file, message: "expected a REFI-QDA codebook (a <CodeBook> element), found <\(root.name)>")
        }
        return try read(root, sets: root.child("Sets"), comments: comments, file: file, title: title)
    }

    /// The code's GUID: the one another tool gave it, else derived from the study and its id.
    static func guid(_ code: Code, scope: String) -> String { code.guid ?? derivedGUID(code.id, scope: scope) }

    static func derivedGUID(_ id: String, scope: String) -> String { RefiGUID.make("\(scope)/code/\(id)") }

    static func groupGUID(_ group: CodeGroup, scope: String) -> String {
        group.guid ?? RefiGUID.make("\(scope)/group/\(group.id)")
    }

    /// `<Codes>` of a codebook, inside a CodeBook element, and the comment with its title and history.
    static func write(_ codebook: Codebook, scope: String, into xml: inout XMLText) {
        var header = codebook
        header.codes = []
        header.groups = []
        // Compact JSON has "--" only inside strings, where "-\u002d" says the same thing and keeps the comment valid.
        let payload = String(decoding: CanonicalWriter.compact(CodebookFormat.encode(header)), as: UTF8.self)
            .replacingOccurrences(of: "--", with: "-\\u002d")
        xml.comment(commentMarker + payload)
        xml.open("Codes")
        func writeChildren(of parent: String?) {
            for code in codebook.children(of: parent) {
                let children = codebook.children(of: code.id)
                xml.open(
                    "Code",
                    [
                        ("guid", guid(code, scope: scope)), ("name", code.name),
                        ("isCodable", code.codable ? "true" : "false"),
                        ("color", code.colour),
                    ], empty: false)
                xml.element("Description", description(of: code))
                if !children.isEmpty { writeChildren(of: code.id) }
                xml.close("Code")
            }
        }
        writeChildren(of: nil)
        xml.close("Codes")
    }

    /// `<Sets>`: the code groups, then the status sets of retired and merged codes; nothing when there are none.
    static func writeSets(_ codebook: Codebook, scope: String, place: SetsPlace, into xml: inout XMLText) {
        let retired = codebook.codes.filter { $0.status == .retired }
        let merged = codebook.codes.filter { if case .merged = $0.status { true } else { false } }
        guard !codebook.groups.isEmpty || !retired.isEmpty || !merged.isEmpty else { return }
        let guids = Dictionary(
            codebook.codes.map { ($0.id, guid($0, scope: scope)) }, uniquingKeysWith: { first, _ in first })
        func members(_ ids: [String]) {
            for id in ids {
                xml.open(
                    "MemberCode", [(place.memberAttribute, guids[id] ?? derivedGUID(id, scope: scope))], empty: true)
            }
        }
        xml.open("Sets")
        for group in codebook.groups {
            xml.open("Set", [("guid", groupGUID(group, scope: scope)), ("name", group.name)])
            xml.element("Description", description(of: group))
            members(group.codes)
            xml.close("Set")
        }
        for (name, codes) in [(retiredSet, retired), (mergedSet, merged)] where !codes.isEmpty {
            xml.open("Set", [("guid", RefiGUID.make("\(scope)/set/\(name)")), ("name", name)])
            members(codes.map(\.id))
            xml.close("Set")
        }
        xml.close("Sets")
    }

    /// The group's description for other tools, then its exact fields for Thematic.
    static func description(of group: CodeGroup) -> String {
        let block = JSONValue.record([
            ("id", .string(group.id)), ("description", .optionalString(group.description)),
            ("guid", .optionalString(group.guid)),
        ])
        let exact = blockMarker + String(decoding: CanonicalWriter.compact(block), as: UTF8.self)
        return group.description.map { $0 + "\n\n" + exact } ?? exact
    }

    /// Readable text for other tools, then the exact fields for Thematic.
    static func description(of code: Code) -> String {
        var parts: [String] = []
        if let brief = code.brief { parts.append(brief) }
        for (label, value) in [
            ("Full definition", code.full), ("When to use", code.whenToUse),
            ("When not to use", code.whenNotToUse), ("Example", code.example),
        ] {
            if let value { parts.append("\(label): \(value)") }
        }
        var mergedInto: String?
        if case .merged(let target) = code.status { mergedInto = target }
        let status =
            switch code.status {
            case .active: "active"
            case .retired: "retired"
            case .merged: "merged"
            }
        let block = JSONValue.record([
            ("id", .string(code.id)), ("status", .string(status)), ("mergedInto", .optionalString(mergedInto)),
            ("brief", .optionalString(code.brief)), ("full", .optionalString(code.full)),
            ("whenToUse", .optionalString(code.whenToUse)), ("whenNotToUse", .optionalString(code.whenNotToUse)),
            ("example", .optionalString(code.example)), ("hotkey", .optionalString(code.hotkey)),
            ("source", .optionalString(code.source)), ("guid", .optionalString(code.guid)),
        ])
        parts.append(blockMarker + String(decoding: CanonicalWriter.compact(block), as: UTF8.self))
        return parts.joined(separator: "\n\n")
    }

    /// The codebook of a CodeBook element and a Sets element: a .qdc's own, or, in a project, the Project's.
    static func read(_ root: RefiElement, sets: RefiElement?, comments: [String], file: String, title: String)
        throws(RefiError) -> Imported
    {
        var codebook = Codebook(title: title)
        var warnings: [String] = []
        if let comment = comments.first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(commentMarker) }) {
            let payload = comment.trimmingCharacters(in: .whitespaces).dropFirst(commentMarker.count)
            var problems = FileProblems()
            // An optional header another tool may have mangled: without it the codebook is read from its XML alone.
            if let value = try? JSONParser.parse(Array(payload.utf8)),
                let header = try? CodebookFormat.decode(value, problems: &problems)
            {
                codebook = header
            } else {
                warnings.append(
                    "the Thematic comment with the codebook's title and history could not be read; they were not imported"
                )
            }
        }
        var importer = CodeImporter(file: file)
        if let codes = root.child("Codes") { importer.read(codes, parent: nil) }
        importer.applySets(sets)
        importer.resolveMerges()
        codebook.codes = importer.codes
        codebook.groups = importer.groups
        warnings += importer.warnings
        var problems = FileProblems()
        do {
            _ = try CodebookFormat.decode(CodebookFormat.encode(codebook), problems: &problems)
        } catch {
            throw RefiError(file: file, message: error.message)
        }
        if let problem = problems.items.first(where: { $0.severity == .error }) {
            throw RefiError(file: file, message: "\(problem.path): \(problem.message)")
        }
        return Imported(codebook: codebook, codeIDs: importer.idsByGUID, warnings: warnings)
    }
}

/// Turns nested `<Code>` elements into codes in tree order, with ids that are valid and unique, and `<Set>`s into
/// code groups.
struct CodeImporter {
    let file: String
    var codes: [Code] = []
    var groups: [CodeGroup] = []
    var idsByGUID: [String: String] = [:]
    var warnings: [String] = []
    private var used: Set<String> = []
    private var usedGroupIDs: Set<String> = []
    /// Codes whose Description had the exact `[Thematic]` block.
    private var described: Set<String> = []
    private var hotkeys: Set<String> = []

    init(file: String) {
        self.file = file
    }

    mutating func read(_ element: RefiElement, parent: String?) {
        for child in element.children("Code") {
            let name = child.attribute("name")?.trimmingCharacters(in: .whitespaces) ?? ""
            let description = child.child("Description")?.text
            var code = Code(
                id: "", name: name.isEmpty ? "Unnamed code" : name, parent: parent,
                codable: (child.attribute("isCodable") ?? "true").lowercased() != "false")
            if name.isEmpty { warnings.append("a code without a name was named \"Unnamed code\"") }
            if let color = child.attribute("color") {
                let colour = color.hasPrefix("#") ? color : "#" + color
                if CodebookFormat.isColour(colour) {
                    code.colour = colour
                } else {
                    warnings.append("code \"\(code.name)\": colour \"\(color)\" is not #RRGGBB; left out")
                }
            }
            let block = description.flatMap(Self.block)
            if let block {
                apply(block, to: &code)
            } else if let text = description?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                code.brief = text
            }
            if code.id.isEmpty || used.contains(code.id) || !Identifier.isValidID(code.id) {
                code.id = freshID(for: code.name)
            }
            if let hotkey = code.hotkey, !hotkeys.insert(hotkey).inserted { code.hotkey = nil }
            used.insert(code.id)
            if block != nil { described.insert(code.id) }
            if let guid = child.attribute("guid").map(RefiGUID.normalise) {
                idsByGUID[guid] = code.id
                // Another tool's GUID is kept; a Thematic export's is derived again from the study and the id.
                if block == nil, RefiGUID.isNormalised(guid) { code.guid = guid }
            }
            codes.append(code)
            read(child, parent: code.id)
        }
    }

    /// Status sets written by Thematic retire their codes whose descriptions lost the exact block (another tool
    /// rewrote them); every other set becomes a code group, unless it holds only sources or notes.
    mutating func applySets(_ sets: RefiElement?) {
        for set in sets?.children("Set") ?? [] {
            let name = set.attribute("name") ?? ""
            // A .qdc names a member by `guid`, a project by `targetGUID` (see RefiCodebook.SetsPlace).
            let members = set.children("MemberCode").compactMap {
                ($0.attribute("targetGUID") ?? $0.attribute("guid")).map(RefiGUID.normalise)
            }
            guard name == RefiCodebook.retiredSet || name == RefiCodebook.mergedSet else {
                readGroup(set, name: name, members: members)
                continue
            }
            for id in members.compactMap({ idsByGUID[$0] }) where !described.contains(id) {
                guard let index = codes.firstIndex(where: { $0.id == id }) else { continue }
                codes[index].status = .retired
                if name == RefiCodebook.mergedSet {
                    warnings.append(
                        "code \(id) was merged, but the file no longer says into which code; it is imported as retired")
                }
            }
        }
    }

    /// A set as a group: its id and exact fields from our block, else an id made from its name and the tool's GUID.
    private mutating func readGroup(_ set: RefiElement, name: String, members: [String]) {
        let others = set.children("MemberSource").count + set.children("MemberNote").count
        let codes = members.compactMap { idsByGUID[$0] }
        let displayName = name.isEmpty ? "Unnamed group" : name
        if codes.isEmpty && others > 0 {
            warnings.append(
                "set \"\(displayName)\" was not imported: it holds \(others) source\(others == 1 ? "" : "s") or note\(others == 1 ? "" : "s") and no code"
            )
            return
        }
        let description = set.child("Description")?.text
        let block = description.flatMap(Self.block)
        var group = CodeGroup(id: block?["id"] ?? "", name: displayName)
        if let block {
            group.description = block["description"]
            group.guid = block["guid"]
        } else {
            let text = description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            group.description = text.isEmpty ? nil : text
            group.guid = set.attribute("guid").map(RefiGUID.normalise).flatMap { RefiGUID.isNormalised($0) ? $0 : nil }
        }
        if group.id.isEmpty || usedGroupIDs.contains(group.id) || !Identifier.isValidID(group.id) {
            group.id = Self.freshID(for: displayName, taken: usedGroupIDs)
        }
        usedGroupIDs.insert(group.id)
        for code in codes where !group.codes.contains(code) { group.codes.append(code) }
        let left = members.count - codes.count + others
        if left > 0 {
            warnings.append(
                "group \"\(displayName)\": \(left) member\(left == 1 ? " that is not a code" : "s that are not codes") of this codebook \(left == 1 ? "was" : "were") left out"
            )
        }
        groups.append(group)
    }

    /// A merge target that did not come along makes the code retired instead.
    mutating func resolveMerges() {
        for index in codes.indices {
            if case .merged(let target) = codes[index].status, !used.contains(target) || target == codes[index].id {
                warnings.append(
                    "code \(codes[index].id) was merged into \(target), which is not in the file; it is imported as retired"
                )
                codes[index].status = .retired
            }
        }
    }

    private mutating func apply(_ block: [String: String], to code: inout Code) {
        code.id = block["id"] ?? ""
        code.brief = block["brief"]
        code.full = block["full"]
        code.whenToUse = block["whenToUse"]
        code.whenNotToUse = block["whenNotToUse"]
        code.example = block["example"]
        code.hotkey = block["hotkey"]
        code.source = block["source"]
        code.guid = block["guid"]
        switch block["status"] {
        case "retired": code.status = .retired
        case "merged": code.status = block["mergedInto"].map { .merged(into: $0) } ?? .retired
        default: code.status = .active
        }
    }

    /// The fields of a Description's last `[Thematic] {...}` line, if it has one.
    static func block(_ description: String) -> [String: String]? {
        // A block that does not parse is left as part of the description, as another tool's text would be.
        guard let range = description.range(of: RefiCodebook.blockMarker, options: .backwards),
            range.lowerBound == description.startIndex
                || description[description.index(before: range.lowerBound)] == "\n",
            let value = try? JSONParser.parse(Array(description[range.upperBound...].utf8)),
            case .object(let members) = value.kind
        else { return nil }
        var fields: [String: String] = [:]
        for member in members { if case .string(let text) = member.value.kind { fields[member.key] = text } }
        return fields
    }

    private func freshID(for name: String) -> String { Self.freshID(for: name, taken: used) }

    /// An id made from the name: letters, digits, '.', '-', '_'; numbered when taken.
    private static func freshID(for name: String, taken used: Set<String>) -> String {
        var base = String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar in
                    scalar.isASCII
                        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "."
                            || scalar == "-" || scalar == "_")
                        ? scalar : "_"
                }
            ).prefix(56))
        if base.first.map({ !$0.isLetter && !$0.isNumber }) ?? true { base = "c" + base }
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }
}
