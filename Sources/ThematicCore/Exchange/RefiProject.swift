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
    static let separator = "\n\n"

    /// The scope that keeps a study's GUIDs stable across exports: its creation time never changes.
    public static func scope(of study: Study) -> String { "study:\(study.manifest.created)" }

    /// The .qdpx archive's bytes.
    public static func export(_ study: Study) throws -> [UInt8] {
        let scope = scope(of: study)
        let users = study.coders + (study.consensus.excerpts.isEmpty ? [] : ["consensus"])
        var xml = XMLText()
        xml.open(
            "Project",
            [
                ("xmlns", namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", "\(namespace) Project.xsd"), ("name", study.manifest.title),
                ("origin", "Thematic"), ("creationDateTime", study.manifest.created),
            ])
        xml.open("Users")
        for user in users {
            xml.open("User", [("guid", RefiGUID.make("\(scope)/user/\(user)")), ("name", user)], empty: true)
        }
        xml.close("Users")
        xml.open("CodeBook")
        RefiCodebook.write(study.codebook, scope: scope, into: &xml)
        xml.close("CodeBook")
        writeCases(study, scope: scope, into: &xml)
        let codeGUIDs = Dictionary(
            uniqueKeysWithValues: study.codebook.codes.map { ($0.id, RefiCodebook.guid($0, scope: scope)) })
        var texts: [(String, String)] = []
        xml.open("Sources")
        for review in study.corpus.reviews {
            let guid = RefiGUID.make("\(scope)/review/\(review.id)")
            texts.append((guid, review.excerpts.map(\.text).joined(separator: separator)))
            xml.open("TextSource", [("guid", guid), ("name", review.id), ("plainTextPath", "internal://\(guid).txt")])
            xml.element("Description", review.title)
            // Two comments per review: XML parsers cap a single comment's length (libxml2 at 10 MB).
            xml.comment(ThematicComments.reviewComment(review, sourceGUID: guid, consensus: study.consensus))
            xml.comment(ThematicComments.codingsMarker + ThematicComments.commentSafe(records(study, review)))
            var start = 0
            for excerpt in review.excerpts {
                let length = excerpt.text.unicodeScalars.count
                for user in users {
                    let applied =
                        user == "consensus"
                        ? study.consensus.excerpts[excerpt.id]?.codes : study.codings[user]?.excerpts[excerpt.id]?.codes
                    let when =
                        user == "consensus"
                        ? study.consensus.excerpts[excerpt.id]?.at : study.codings[user]?.excerpts[excerpt.id]?.updated
                    for (code, application) in (applied ?? [:]).sorted(by: { $0.key < $1.key }) {
                        let ranges = application.spans.isEmpty ? [TextSpan(start: 0, end: length)] : application.spans
                        for (index, span) in ranges.enumerated() {
                            let name = "\(user)/\(excerpt.id)/\(code)/\(index)"
                            xml.open(
                                "PlainTextSelection",
                                [
                                    ("guid", RefiGUID.make("\(scope)/selection/\(name)")), ("name", excerpt.id),
                                    ("startPosition", String(start + span.start)),
                                    ("endPosition", String(start + span.end)),
                                    ("creatingUser", RefiGUID.make("\(scope)/user/\(user)")),
                                    ("creationDateTime", when),
                                ])
                            if let memo = application.memo { xml.element("Description", memo) }
                            xml.open(
                                "Coding",
                                [
                                    ("guid", RefiGUID.make("\(scope)/coding/\(name)")),
                                    ("creatingUser", RefiGUID.make("\(scope)/user/\(user)")),
                                ])
                            xml.open(
                                "CodeRef",
                                [("targetGUID", codeGUIDs[code] ?? RefiCodebook.derivedGUID(code, scope: scope))],
                                empty: true)
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
        return try zip(
            [("project.qde", Array(xml.text.utf8))] + texts.map { ("sources/\($0.0).txt", Array($0.1.utf8)) })
    }

    /// A zip archive of the files, in order, with a fixed date so that the same study gives the same bytes.
    static func zip(_ files: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in files { try add(path, bytes, to: archive) }
        return Array(archive.data ?? Data())
    }

    /// Review attributes as text variables, and each review as a case holding its source.
    private static func writeCases(_ study: Study, scope: String, into xml: inout XMLText) {
        let attributes = study.manifest.attributes
        guard !attributes.isEmpty, !study.corpus.reviews.isEmpty else { return }
        xml.comment(ThematicComments.attributesComment(attributes))
        xml.open("Variables")
        for attribute in attributes {
            xml.open(
                "Variable",
                [
                    ("guid", RefiGUID.make("\(scope)/variable/\(attribute.id)")), ("name", attribute.label),
                    ("typeOfVariable", "Text"),
                ], empty: true)
        }
        xml.close("Variables")
        xml.open("Cases")
        for review in study.corpus.reviews {
            xml.open("Case", [("guid", RefiGUID.make("\(scope)/case/\(review.id)")), ("name", review.id)])
            for attribute in attributes {
                guard let value = review.attributes[attribute.id] else { continue }
                xml.open("VariableValue")
                xml.open(
                    "VariableRef", [("targetGUID", RefiGUID.make("\(scope)/variable/\(attribute.id)"))], empty: true)
                xml.element("TextValue", value)
                xml.close("VariableValue")
            }
            xml.open("SourceRef", [("targetGUID", RefiGUID.make("\(scope)/review/\(review.id)"))], empty: true)
            xml.close("Case")
        }
        xml.close("Cases")
    }

    /// Per coder and excerpt of one review: what selections cannot carry.
    private static func records(_ study: Study, _ review: Review) -> JSONValue {
        JSONValue.object(
            study.coders.map { coder in
                (
                    coder,
                    JSONValue.object(
                        review.excerpts.compactMap { excerpt in
                            study.codings[coder]?.excerpts[excerpt.id].map { (excerpt.id, $0) }
                        }.map { excerpt, record in
                            (
                                excerpt,
                                JSONValue.record([
                                    ("finished", .bool(record.finished)), ("memo", .optionalString(record.memo)),
                                    (
                                        "whole",
                                        .array(
                                            record.codeIDs.filter { record.codes[$0]?.spans.isEmpty ?? false }.map {
                                                .string($0)
                                            })
                                    ),
                                    ("updated", .string(record.updated)),
                                    ("codebookRevision", .int(record.codebookRevision)),
                                ])
                            )
                        })
                )
            })
    }

    private static func add(_ path: String, _ bytes: [UInt8], to archive: Archive) throws {
        let data = Data(bytes)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count),
            modificationDate: Date(timeIntervalSince1970: 946_684_800),
            compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    static func unzip(_ bytes: [UInt8], file: String) throws(RefiError) -> [String: [UInt8]] {
        do {
            // Read from a file: ZIPFoundation's in-memory archive traps on an entry whose header lies past the end of
            // the data (weichsel/ZIPFoundation#394), where the file-backed one throws. The copy holds the project's
            // text, so it goes in a folder only its owner can enter.
            let scratch = try FileSystem.createPrivateFolder(prefix: NSTemporaryDirectory() + "thematic-unzip-")
            // Removing the scratch copy may fail only if the temporary folder is gone; left behind, it is private.
            defer { try? FileSystem.removeTree(scratch) }
            let copy = URL(fileURLWithPath: scratch + "/project.zip")
            try Data(bytes).write(to: copy)
            let archive = try Archive(url: copy, accessMode: .read)
            var entries: [String: [UInt8]] = [:]
            var total = 0
            for entry in archive where entry.type == .file {
                // Straight into an array of the entry's size (a project document can be over 100 MB), but no more
                // than 64 MiB on the word of the archive's header alone: a damaged or hostile header can claim
                // gigabytes for a few bytes of data. A larger entry grows as its data arrives.
                var content: [UInt8] = []
                content.reserveCapacity(min(Int(clamping: entry.uncompressedSize), 64 << 20))
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    total += chunk.count
                    guard total <= FileSizeLimit.importedDocument else { throw UnpackedTooLarge() }
                    content.append(contentsOf: chunk)
                }
                entries[entry.path] = content
            }
            return entries
        } catch is UnpackedTooLarge {
            throw RefiError(
                file: file,
                message: "unpacks to more than the \(FileSizeLimit.describe(FileSizeLimit.importedDocument)) "
                    + "Thematic imports (a damaged archive, or a zip bomb?); nothing was read")
        } catch {
            throw RefiError(file: file, message: "not a readable zip archive (\(error)); is the file complete?")
        }
    }

    /// The archive's entries together unpack to more than an import takes.
    private struct UnpackedTooLarge: Error {}
}
