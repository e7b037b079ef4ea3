import CanonicalJSON

/// What Thematic writes into a project's XML comments for its own exports, read back: each review's excerpts
/// (ids, sections, pages, lengths), title, attributes and consensus decisions (`thematic-review`), each coder's
/// records (`thematic-codings`), and attribute ids by label (`thematic-attributes`). Other tools ignore comments, so
/// a project that went through one of them is cut and read as any other; a comment that does not fit the text is
/// not used. So every `try?` here is safe: a payload that does not parse is read as absent, never as an error.
struct ThematicComments: Sendable {
    static let reviewMarker = "thematic-review "
    static let codingsMarker = "thematic-codings "
    static let attributesMarker = "thematic-attributes "

    struct Review: Sendable {
        struct Excerpt: Sendable {
            var id: String
            var section: String
            var page: Int?
            var length: Int
        }

        var id: String
        var title: String
        var source: String?
        var attributes: [String: String]
        var excerpts: [Excerpt]
        var consensus: [String: ConsensusDecision]

        /// The excerpts as stretches of the source text, which joins them with blank lines; nil if the text differs.
        func cuts(of text: String) -> [SourceTextCutter.Cut]? {
            // Walked as UTF-8 bytes, counting scalars (every byte that does not continue one starts one).
            let bytes = Array(text.utf8)
            var cuts: [SourceTextCutter.Cut] = []
            cuts.reserveCapacity(excerpts.count)
            var byte = 0
            var position = 0
            func advance(_ scalars: Int) -> Bool {
                var left = scalars
                while left > 0, byte < bytes.count {
                    byte += 1
                    while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                    left -= 1
                }
                position += scalars - left
                return left == 0
            }
            for (index, excerpt) in excerpts.enumerated() {
                if index > 0 {
                    guard byte + 2 <= bytes.count, bytes[byte] == 0x0A, bytes[byte + 1] == 0x0A else { return nil }
                    byte += 2
                    position += 2
                }
                let (startByte, start) = (byte, position)
                guard excerpt.length > 0, advance(excerpt.length) else { return nil }
                cuts.append(
                    SourceTextCutter.Cut(
                        section: excerpt.section, start: start, end: position,
                        text: String(decoding: bytes[startByte..<byte], as: UTF8.self), droppedReturns: []))
            }
            return byte == bytes.count ? cuts : nil
        }
    }

    struct Record: Sendable {
        var finished: Bool
        var memo: String?
        var whole: [String]
        var updated: String
        var codebookRevision: Int
    }

    /// Source GUID -> review.
    var reviews: [String: Review] = [:]
    /// Coder -> excerpt id -> record.
    var records: [String: [String: Record]] = [:]
    /// Attribute label -> id.
    var attributeIDs: [String: String] = [:]

    init(_ comments: [String]) {
        for comment in comments {
            // Comments can be megabytes long: trim only the spaces XML writers put before the marker.
            let text = comment.drop { $0 == " " }
            if text.hasPrefix(Self.reviewMarker) {
                readReview(text.dropFirst(Self.reviewMarker.count))
            } else if text.hasPrefix(Self.codingsMarker) {
                readRecords(text.dropFirst(Self.codingsMarker.count))
            } else if text.hasPrefix(Self.attributesMarker),
                let value = try? JSONParser.parse(Array(text.dropFirst(Self.attributesMarker.count).utf8)),
                case .object(let members) = value.kind
            {
                for member in members { if case .string(let id) = member.value.kind { attributeIDs[member.key] = id } }
            }
        }
    }

    private mutating func readReview(_ payload: Substring) {
        guard let value = try? JSONParser.parse(Array(payload.utf8)), let record = try? JSONRecord(value, at: .root),
            let guid = try? record.string("guid"), let id = try? record.string("id"),
            let title = try? record.string("title"),
            let excerpts = try? record.array("excerpts")
        else { return }
        var review = Review(
            id: id, title: title, source: try? record.optionalString("source"), attributes: [:], excerpts: [],
            consensus: [:])
        if case .object(let members)? = record.value("attributes")?.kind {
            for member in members {
                if case .string(let text) = member.value.kind { review.attributes[member.key] = text }
            }
        }
        for (index, excerpt) in excerpts.enumerated() {
            guard let fields = try? JSONRecord(excerpt, at: JSONPath.root.field("excerpts").index(index)),
                let excerptID = try? fields.string("id"), let section = try? fields.string("section"),
                let length = try? fields.int("length")
            else { return }
            review.excerpts.append(
                Review.Excerpt(id: excerptID, section: section, page: try? fields.optionalInt("page"), length: length))
        }
        if case .object(let members)? = record.value("consensus")?.kind {
            for member in members {
                if let decision = try? ConsensusFormat.decodeDecision(member.value, at: .root) {
                    review.consensus[member.key] = decision
                }
            }
        }
        reviews[RefiGUID.normalise(guid)] = review
    }

    private mutating func readRecords(_ payload: Substring) {
        guard let value = try? JSONParser.parse(Array(payload.utf8)), case .object(let coders) = value.kind else {
            return
        }
        for coder in coders {
            guard case .object(let excerpts) = coder.value.kind else { continue }
            for excerpt in excerpts {
                guard let record = try? JSONRecord(excerpt.value, at: .root),
                    let finished = try? record.bool("finished"),
                    let updated = try? record.string("updated"), let revision = try? record.int("codebookRevision")
                else { continue }
                let whole: [String] = ((try? record.array("whole")) ?? []).compactMap {
                    if case .string(let code) = $0.kind { code } else { nil }
                }
                records[coder.key, default: [:]][excerpt.key] = Record(
                    finished: finished, memo: try? record.optionalString("memo"), whole: whole,
                    updated: updated, codebookRevision: revision)
            }
        }
    }

    /// The `thematic-review` comment of one review: everything but its text, which is the source.
    static func reviewComment(_ review: ThematicCore.Review, sourceGUID: String, consensus: Consensus) -> String {
        var decisions: [(String, JSONValue)] = []
        for excerpt in review.excerpts {
            if let decision = consensus.excerpts[excerpt.id] {
                decisions.append((excerpt.id, ConsensusFormat.encodeDecision(decision)))
            }
        }
        let value = JSONValue.record([
            ("guid", .string(sourceGUID)), ("id", .string(review.id)), ("title", .string(review.title)),
            ("source", .optionalString(review.source)),
            ("attributes", .object(review.attributes.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            (
                "excerpts",
                .array(
                    review.excerpts.map { excerpt in
                        .record([
                            ("id", .string(excerpt.id)), ("section", .string(excerpt.section)),
                            ("page", excerpt.page.map { .int($0) }),
                            ("length", .int(excerpt.text.unicodeScalars.count)),
                        ])
                    })
            ),
            ("consensus", .object(decisions)),
        ])
        return reviewMarker + commentSafe(value)
    }

    static func attributesComment(_ attributes: [AttributeDefinition]) -> String {
        attributesMarker + commentSafe(.object(attributes.map { ($0.label, .string($0.id)) }))
    }

    /// Compact JSON has "--" only inside strings, where "-\u002d" says the same thing and keeps the comment valid.
    static func commentSafe(_ value: JSONValue) -> String {
        String(decoding: CanonicalWriter.compact(value), as: UTF8.self).replacingOccurrences(of: "--", with: "-\\u002d")
    }
}
