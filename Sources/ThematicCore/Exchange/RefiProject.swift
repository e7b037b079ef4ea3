import CanonicalJSON
import Foundation
import ZIPFoundation

/// REFI-QDA projects (.qdpx): a zip of `project.qde` (namespace urn:QDA-XML:project:1.0) and the sources as plain
/// text. A study becomes one text source per review (its excerpts joined by blank lines), each coder a User, and
/// each applied code a PlainTextSelection coded by that coder, positions in Unicode scalars. The consensus is
/// exported as a user named "consensus" (no coder can have that name).
///
/// What REFI-QDA cannot say (an excerpt finished with no code, an excerpt's memo, when it was coded and against
/// which revision) travels in an XML comment in each source (`thematic-codings {...}`), so our own files come back
/// without loss.
public enum RefiProject {
    public static let namespace = "urn:QDA-XML:project:1.0"
    static let commentMarker = "thematic-codings "
    static let separator = "\n\n"

    /// Codings read from a project, by coder and excerpt, with the codebook they refer to.
    public struct Imported: Sendable {
        public var codebook: RefiCodebook.Imported
        public var codings: [String: [String: ExcerptCoding]]
        public var warnings: [String]
    }

    /// The scope that keeps a study's GUIDs stable across exports: its creation time never changes.
    public static func scope(of study: Study) -> String { "study:\(study.manifest.created)" }

    /// The .qdpx archive's bytes.
    public static func export(_ study: Study) throws -> [UInt8] {
        let scope = scope(of: study)
        let users = study.coders + (study.consensus.excerpts.isEmpty ? [] : ["consensus"])
        var xml = XMLText()
        xml.open("Project", [("xmlns", namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                             ("xsi:schemaLocation", "\(namespace) Project.xsd"), ("name", study.manifest.title),
                             ("origin", "Thematic"), ("creationDateTime", study.manifest.created)])
        xml.open("Users")
        for user in users { xml.open("User", [("guid", RefiGUID.make("\(scope)/user/\(user)")), ("name", user)], empty: true) }
        xml.close("Users")
        xml.open("CodeBook")
        RefiCodebook.write(study.codebook, scope: scope, into: &xml)
        xml.close("CodeBook")
        writeCases(study, scope: scope, into: &xml)
        let codeGUIDs = Dictionary(uniqueKeysWithValues: study.codebook.codes.map { ($0.id, RefiCodebook.guid($0, scope: scope)) })
        var texts: [(String, String)] = []
        xml.open("Sources")
        for review in study.corpus.reviews {
            let guid = RefiGUID.make("\(scope)/review/\(review.id)")
            texts.append((guid, review.excerpts.map(\.text).joined(separator: separator)))
            xml.open("TextSource", [("guid", guid), ("name", review.id), ("plainTextPath", "internal://\(guid).txt")])
            xml.element("Description", review.title)
            // One comment per review: XML parsers cap a single comment's length (libxml2 at 10 MB).
            xml.comment(commentMarker + metadata(study, review))
            var start = 0
            for excerpt in review.excerpts {
                let length = excerpt.text.unicodeScalars.count
                for user in users {
                    let applied = user == "consensus" ? study.consensus.excerpts[excerpt.id]?.codes : study.codings[user]?.excerpts[excerpt.id]?.codes
                    let when = user == "consensus" ? study.consensus.excerpts[excerpt.id]?.at : study.codings[user]?.excerpts[excerpt.id]?.updated
                    for (code, application) in (applied ?? [:]).sorted(by: { $0.key < $1.key }) {
                        let ranges = application.spans.isEmpty ? [TextSpan(start: 0, end: length)] : application.spans
                        for (index, span) in ranges.enumerated() {
                            let name = "\(user)/\(excerpt.id)/\(code)/\(index)"
                            xml.open("PlainTextSelection", [("guid", RefiGUID.make("\(scope)/selection/\(name)")), ("name", excerpt.id),
                                                            ("startPosition", String(start + span.start)), ("endPosition", String(start + span.end)),
                                                            ("creatingUser", RefiGUID.make("\(scope)/user/\(user)")), ("creationDateTime", when)])
                            if let memo = application.memo { xml.element("Description", memo) }
                            xml.open("Coding", [("guid", RefiGUID.make("\(scope)/coding/\(name)")), ("creatingUser", RefiGUID.make("\(scope)/user/\(user)"))])
                            xml.open("CodeRef", [("targetGUID", codeGUIDs[code] ?? RefiCodebook.derivedGUID(code, scope: scope))], empty: true)
                            xml.close("Coding")
                            xml.close("PlainTextSelection")
                        }
                    }
                }
                start += length + separator.unicodeScalars.count
            }
            xml.close("TextSource")
        }
        xml.close("Sources")
        RefiCodebook.writeSets(study.codebook, scope: scope, place: .project, into: &xml)
        xml.close("Project")
        return try zip([("project.qde", Array(xml.text.utf8))] + texts.map { ("sources/\($0.0).txt", Array($0.1.utf8)) })
    }

    /// A zip archive of the files, in order, with a fixed date so that the same study gives the same bytes.
    static func zip(_ files: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in files { try add(path, bytes, to: archive) }
        return Array(archive.data ?? Data())
    }

    /// Reads a .qdpx: its codebook, and its text codings mapped onto the excerpts of `corpus`.
    public static func read(_ bytes: [UInt8], file: String, corpus: Corpus, title: String, codebookRevision: Int,
                            now: String = Timestamp.now()) throws(RefiError) -> Imported {
        let entries = try unzip(bytes, file: file)
        guard let project = entries.first(where: { $0.key.lowercased().hasSuffix("project.qde") })?.value else {
            throw RefiError(file: file, message: "no project.qde inside: not a REFI-QDA project (.qdpx)")
        }
        let (root, comments) = try RefiXMLReader.read(project, file: "\(file)/project.qde")
        guard root.name == "Project" else {
            throw RefiError(file: "\(file)/project.qde", message: "expected a REFI-QDA project (a <Project> element), found <\(root.name)>")
        }
        let codebook = try RefiCodebook.read(root.child("CodeBook") ?? RefiElement(name: "CodeBook", attributes: [:]), sets: root.child("Sets"), comments: comments,
                                             file: "\(file)/project.qde", title: root.attribute("name").map { "\($0) codebook" } ?? title)
        var warnings = codebook.warnings
        var users: [String: String] = [:]
        for user in root.child("Users")?.children("User") ?? [] {
            guard let guid = user.attribute("guid") else { continue }
            let name = user.attribute("name") ?? user.attribute("id") ?? "coder"
            users[RefiGUID.normalise(guid)] = name == "consensus" ? name : coderName(name)
        }
        var codings: [String: [String: ExcerptCoding]] = [:]
        var skippedConsensus = 0
        for source in root.child("Sources")?.children("TextSource") ?? [] {
            let name = source.attribute("name") ?? ""
            guard let review = corpus.review(name) ?? corpus.reviews.first(where: { $0.title == source.child("Description")?.text }) else {
                if !source.children("PlainTextSelection").isEmpty { warnings.append("source \"\(name)\" matches no review of the study; its codings were not imported") }
                continue
            }
            let path = (source.attribute("plainTextPath") ?? "").replacingOccurrences(of: "internal://", with: "")
            let text = entries.first { $0.key == "sources/\(path)" || $0.key == path }.map { String(decoding: $0.value, as: UTF8.self) }
                ?? review.excerpts.map(\.text).joined(separator: separator)
            let ranges = excerptRanges(review, in: text)
            for selection in source.children("PlainTextSelection") {
                guard let start = selection.attribute("startPosition").flatMap({ Int($0) }),
                      let end = selection.attribute("endPosition").flatMap({ Int($0) }), start < end else { continue }
                for coding in selection.children("Coding") {
                    let userGUID = (coding.attribute("creatingUser") ?? selection.attribute("creatingUser")).map(RefiGUID.normalise) ?? ""
                    let coder = users[userGUID] ?? "imported"
                    guard coder != "consensus" else { skippedConsensus += 1; continue }
                    for reference in coding.children("CodeRef") {
                        guard let code = reference.attribute("targetGUID").flatMap({ codebook.codeIDs[RefiGUID.normalise($0)] }) else {
                            warnings.append("a selection in \"\(name)\" refers to a code that is not in the codebook; left out")
                            continue
                        }
                        var placed = false
                        // Ranges are in text order: start at the first one ending after the selection starts.
                        var low = 0, high = ranges.count
                        while low < high {
                            let middle = (low + high) / 2
                            if ranges[middle].1.end <= start { low = middle + 1 } else { high = middle }
                        }
                        for (excerpt, range) in ranges[low...].prefix(while: { $0.1.start < end }) {
                            placed = true
                            let span = TextSpan(start: max(start, range.start) - range.start, end: min(end, range.end) - range.start)
                            let application = AppliedCode(spans: [span], memo: selection.child("Description")?.text)
                            var record = codings[coder]?[excerpt] ?? ExcerptCoding(finished: true, updated: selection.attribute("creationDateTime") ?? now,
                                                                                   codebookRevision: codebookRevision)
                            record.codes[code] = record.codes[code].map { CodingRewrite.combine($0, application) } ?? application
                            codings[coder, default: [:]][excerpt] = record
                        }
                        if !placed { warnings.append("a selection [\(start), \(end)) in \"\(name)\" lies outside every excerpt; left out") }
                    }
                }
            }
        }
        if skippedConsensus > 0 { warnings.append("\(skippedConsensus) coding\(skippedConsensus == 1 ? "" : "s") by \"consensus\" were not imported: the consensus is reconciled in Thematic, not imported") }
        var described: Set<String> = []
        for comment in comments where comment.trimmingCharacters(in: .whitespaces).hasPrefix(commentMarker) {
            described.formUnion(applyMetadata(String(comment.trimmingCharacters(in: .whitespaces).dropFirst(commentMarker.count)), to: &codings))
        }
        // Without our comment, a selection covering a whole excerpt is a code applied to the whole excerpt.
        for (coder, records) in codings {
            for (excerpt, record) in records where !described.contains("\(coder)/\(excerpt)") {
                let length = corpus.excerpt(excerpt)?.text.unicodeScalars.count ?? -1
                for (code, application) in record.codes where application.spans == [TextSpan(start: 0, end: length)] {
                    codings[coder]?[excerpt]?.codes[code]?.spans = []
                }
            }
        }
        return Imported(codebook: codebook, codings: codings, warnings: warnings)
    }

    /// Review attributes as text variables, and each review as a case holding its source.
    private static func writeCases(_ study: Study, scope: String, into xml: inout XMLText) {
        let attributes = study.manifest.attributes
        guard !attributes.isEmpty, !study.corpus.reviews.isEmpty else { return }
        xml.open("Variables")
        for attribute in attributes {
            xml.open("Variable", [("guid", RefiGUID.make("\(scope)/variable/\(attribute.id)")), ("name", attribute.label), ("typeOfVariable", "Text")], empty: true)
        }
        xml.close("Variables")
        xml.open("Cases")
        for review in study.corpus.reviews {
            xml.open("Case", [("guid", RefiGUID.make("\(scope)/case/\(review.id)")), ("name", review.id)])
            for attribute in attributes {
                guard let value = review.attributes[attribute.id] else { continue }
                xml.open("VariableValue")
                xml.open("VariableRef", [("targetGUID", RefiGUID.make("\(scope)/variable/\(attribute.id)"))], empty: true)
                xml.element("TextValue", value)
                xml.close("VariableValue")
            }
            xml.open("SourceRef", [("targetGUID", RefiGUID.make("\(scope)/review/\(review.id)"))], empty: true)
            xml.close("Case")
        }
        xml.close("Cases")
    }

    /// Per coder and excerpt of one review: what selections cannot carry.
    private static func metadata(_ study: Study, _ review: Review) -> String {
        let value = JSONValue.object(study.coders.map { coder in
            (coder, JSONValue.object(review.excerpts.compactMap { excerpt in
                study.codings[coder]?.excerpts[excerpt.id].map { (excerpt.id, $0) }
            }.map { excerpt, record in
                (excerpt, JSONValue.record([("finished", .bool(record.finished)), ("memo", .optionalString(record.memo)),
                                            ("whole", .array(record.codeIDs.filter { record.codes[$0]?.spans.isEmpty ?? false }.map { .string($0) })),
                                            ("updated", .string(record.updated)), ("codebookRevision", .int(record.codebookRevision))]))
            }))
        })
        return String(decoding: CanonicalWriter.compact(value), as: UTF8.self).replacingOccurrences(of: "--", with: "-\\u002d")
    }

    /// Returns the "coder/excerpt" keys it described.
    private static func applyMetadata(_ payload: String, to codings: inout [String: [String: ExcerptCoding]]) -> Set<String> {
        var described: Set<String> = []
        guard let value = try? JSONParser.parse(Array(payload.utf8)), case .object(let coders) = value.kind else { return described }
        for coder in coders {
            guard case .object(let excerpts) = coder.value.kind else { continue }
            for excerpt in excerpts {
                guard let record = try? JSONRecord(excerpt.value, at: .root), let finished = try? record.bool("finished"),
                      let updated = try? record.string("updated"), let revision = try? record.int("codebookRevision") else { continue }
                var coding = codings[coder.key]?[excerpt.key] ?? ExcerptCoding(finished: finished, updated: updated, codebookRevision: revision)
                coding.finished = finished
                coding.memo = try? record.optionalString("memo")
                coding.updated = updated
                coding.codebookRevision = revision
                for case .string(let code) in (try? record.array("whole"))?.map(\.kind) ?? [] { coding.codes[code]?.spans = [] }
                codings[coder.key, default: [:]][excerpt.key] = coding
                described.insert("\(coder.key)/\(excerpt.key)")
            }
        }
        return described
    }

    /// Each excerpt's [start, end) in the source text, in Unicode scalars, found in reading order.
    static func excerptRanges(_ review: Review, in text: String) -> [(String, TextSpan)] {
        let scalars = Array(text.unicodeScalars)
        var ranges: [(String, TextSpan)] = []
        var from = 0
        for excerpt in review.excerpts {
            let needle = Array(excerpt.text.unicodeScalars)
            guard !needle.isEmpty, needle.count <= scalars.count else { continue }
            var position = from
            while position + needle.count <= scalars.count, !scalars[position..<(position + needle.count)].elementsEqual(needle) { position += 1 }
            guard position + needle.count <= scalars.count else { continue }
            ranges.append((excerpt.id, TextSpan(start: position, end: position + needle.count)))
            from = position + needle.count
        }
        return ranges
    }

    /// A user's name as a valid coder name: lower case, other characters as '-'.
    static func coderName(_ name: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.lowercased().unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") ? scalar : "-"
        }).prefix(40))
        return Identifier.isValidCoderName(cleaned) ? cleaned : "coder-" + cleaned.filter { $0 != "-" }.prefix(30)
    }

    private static func add(_ path: String, _ bytes: [UInt8], to archive: Archive) throws {
        let data = Data(bytes)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 946_684_800),
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    static func unzip(_ bytes: [UInt8], file: String) throws(RefiError) -> [String: [UInt8]] {
        do {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            var entries: [String: [UInt8]] = [:]
            for entry in archive where entry.type == .file {
                var content = Data()
                _ = try archive.extract(entry) { content.append($0) }
                entries[entry.path] = Array(content)
            }
            return entries
        } catch {
            throw RefiError(file: file, message: "not a readable zip archive (\(error)); is the file complete?")
        }
    }
}
