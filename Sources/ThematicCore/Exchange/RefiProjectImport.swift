import CanonicalJSON

/// What a REFI-QDA project becomes in a study, worked out in full before anything is written: one review per text
/// source, the codebook, each user's codings as a coder's records, notes as memos, case variables as review
/// attributes, and a list of everything that could not be carried.
///
/// Excerpt records are keyed by review id and excerpt index, because excerpt ids are given only when the reviews
/// are matched against the study (`CorpusImport.plan`); `records(for:)` turns them into ids.
public struct RefiProjectImport: Sendable {
    /// A user of the project and the coder name their codings are filed under.
    public struct CoderMapping: Sendable, Equatable {
        public var userName: String
        public var coder: String
        /// Excerpts the user coded (records written).
        public var excerpts: Int
    }

    public struct Options: Sendable {
        public var split: SplitOptions
        /// User name (or id) -> coder name, from `--coder-map`.
        public var coderMap: [String: String]
        /// Only codings of reviews the study has, on its excerpts as they are (the codebook-only import): a source
        /// that matches no review by id, name or title is skipped, and no review is written.
        public var existingReviewsOnly: Bool
        public var now: String

        public init(
            split: SplitOptions = SplitOptions(), coderMap: [String: String] = [:], existingReviewsOnly: Bool = false,
            now: String = Timestamp.now()
        ) {
            self.split = split
            self.coderMap = coderMap
            self.existingReviewsOnly = existingReviewsOnly
            self.now = now
        }
    }

    public var file: String
    public var reviews: [ImportedReview]
    public var codebook: RefiCodebook.Imported
    public var attributes: [AttributeDefinition]
    public var coders: [CoderMapping]
    /// Coder -> review id -> excerpt index -> record.
    var codings: [String: [String: [Int: ExcerptCoding]]]
    /// Review id -> excerpt index -> decision (only from Thematic's own exports).
    var consensus: [String: [Int: ConsensusDecision]]
    /// Sources with no text, and why.
    public var emptySources: [String]
    /// Sources that match no review of the study (`existingReviewsOnly`).
    public var skippedSources: [String]
    public var notCarried: [String: Int]
    public var warnings: [String]

    /// Maps `project` onto `study`; throws for a coder map that names no user or gives an invalid name.
    public static func plan(_ project: RefiProjectFile, study: Study, options: Options = Options()) throws(RefiError)
        -> RefiProjectImport
    {
        var builder = Builder(project: project, study: study, options: options)
        try builder.build()
        return builder.result
    }

    /// Each coder's records by excerpt id, once the reviews have their excerpt ids (`reviews` in the study as the
    /// import leaves them).
    public func records(in reviews: [Review]) -> [String: [String: ExcerptCoding]] {
        let byID = Dictionary(reviews.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [String: [String: ExcerptCoding]] = [:]
        for (coder, perReview) in codings {
            for (reviewID, records) in perReview {
                guard let excerpts = byID[reviewID]?.excerpts else { continue }
                for (index, record) in records where index < excerpts.count {
                    result[coder, default: [:]][excerpts[index].id] = record
                }
            }
        }
        return result
    }

    /// The consensus decisions by excerpt id (see `records(in:)`).
    public func decisions(in reviews: [Review]) -> [String: ConsensusDecision] {
        var result: [String: ConsensusDecision] = [:]
        for review in reviews {
            for (index, decision) in consensus[review.id] ?? [:] where index < review.excerpts.count {
                result[review.excerpts[index].id] = decision
            }
        }
        return result
    }

    public var recordCount: Int { codings.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } }
    public var decisionCount: Int { consensus.values.reduce(0) { $0 + $1.count } }
}

/// Builds a `RefiProjectImport` source by source.
private struct Builder {
    let project: RefiProjectFile
    let study: Study
    let options: RefiProjectImport.Options
    var result: RefiProjectImport
    /// User GUID -> coder name ("consensus" for the consensus of a Thematic export).
    var coderOfUser: [String: String] = [:]
    var attributeOfVariable: [String: String] = [:]
    var described: ThematicComments
    let revision: Int

    init(project: RefiProjectFile, study: Study, options: RefiProjectImport.Options) {
        self.project = project
        self.study = study
        self.options = options
        described = ThematicComments(project.isThematicExport ? project.comments : [])
        let sameCodes = study.codebook.hasSameCodesAndGroups(as: project.codebook.codebook)
        revision = sameCodes ? study.codebook.revision : study.codebook.revision + 1
        result = RefiProjectImport(
            file: project.file, reviews: [], codebook: project.codebook, attributes: [], coders: [], codings: [:],
            consensus: [:], emptySources: [], skippedSources: [], notCarried: project.notCarried,
            warnings: project.warnings)
    }

    mutating func build() throws(RefiError) {
        try nameCoders()
        nameAttributes()
        var usedIDs = Set<String>()
        let sourcesPerCase = caseValuesBySource()
        var referencedNotes = Set<String>()
        for source in project.sources {
            referencedNotes.formUnion(
                source.noteGUIDs + source.selections.flatMap { $0.noteGUIDs + $0.codings.flatMap(\.noteGUIDs) }
                    + source.codings.flatMap(\.noteGUIDs))
            guard let text = source.text else {
                result.emptySources.append("\"\(source.name)\": \(source.textNote ?? "no text")")
                continue
            }
            if let note = source.textNote { result.warnings.append("source \"\(source.name)\": \(note)") }
            let structure = described.reviews[source.guid]
            if options.existingReviewsOnly {
                guard let review = existingReview(for: source, structure: structure) else {
                    result.skippedSources.append(source.name)
                    continue
                }
                let (cuts, indexes) = Self.locate(review, in: text)
                placeCodings(
                    of: source, reviewID: review.id, cuts: cuts, exact: structure != nil, excerptIndex: { indexes[$0] })
                if let structure { applyRecords(structure, reviewID: review.id) }
                attachSourceNotes(source, reviewID: review.id)
                continue
            }
            let cuts =
                structure.flatMap { $0.cuts(of: text) }
                ?? SourceTextCutter(options: options.split, selected: source.selections.map { $0.start..<$0.end }).cut(
                    text)
            if structure != nil, cuts.count != structure?.excerpts.count {
                result.warnings.append(
                    "source \"\(source.name)\": its text no longer matches the excerpts Thematic exported; it was cut again"
                )
            }
            guard !cuts.isEmpty else {
                result.emptySources.append("\"\(source.name)\": its text is empty")
                continue
            }
            let id = reviewID(for: source, structure: structure, used: &usedIDs)
            var attributes = structure?.attributes ?? [:]
            for (variable, value) in source.values.merging(
                sourcesPerCase[source.guid] ?? [:], uniquingKeysWith: { own, _ in own })
            {
                if let attribute = attributeOfVariable[variable], attributes[attribute] == nil {
                    attributes[attribute] = value
                }
            }
            let exact = structure != nil && cuts.count == structure?.excerpts.count
            result.reviews.append(
                ImportedReview(
                    id: id,
                    title: structure?.title ?? source.description.flatMap { $0.isEmpty ? nil : $0 } ?? source.name,
                    source: structure?.source, attributes: attributes,
                    excerpts: cuts.enumerated().map {
                        DraftExcerpt(
                            section: $1.section, text: $1.text, page: exact ? structure?.excerpts[$0].page : nil)
                    },
                    givenIDs: exact ? structure.map { $0.excerpts.map(\.id) } : nil, file: project.file))
            placeCodings(of: source, reviewID: id, cuts: cuts, exact: exact, excerptIndex: { $0 })
            if let structure, exact {
                applyRecords(structure, reviewID: id)
            } else {
                finishCodedReviews(reviewID: id, excerptCount: cuts.count)
            }
            attachSourceNotes(source, reviewID: id)
        }
        let loose = Set(project.notes.keys).subtracting(referencedNotes).count
        if loose > 0 {
            result.notCarried["notes not attached to a source or selection (project memos)", default: 0] += loose
        }
        result.coders = coderSummary()
    }

    // MARK: Names

    /// Every user gets a coder name: from `--coder-map`, else derived from their name, unique within the project.
    private mutating func nameCoders() throws(RefiError) {
        var taken = Set<String>()
        let names = Set(project.users.map(\.name))
        for key in options.coderMap.keys.sorted() where !names.contains(key) {
            throw RefiError(
                file: project.file,
                message:
                    "--coder-map names \"\(key)\", but the project's users are \(project.users.map { "\"\($0.name)\"" }.joined(separator: ", ")); nothing was imported"
            )
        }
        for (key, coder) in options.coderMap.sorted(by: { $0.key < $1.key }) where !Identifier.isValidCoderName(coder) {
            throw RefiError(
                file: project.file,
                message:
                    "--coder-map \"\(key)=\(coder)\": \"\(coder)\" is not a valid coder name (\(Identifier.coderNameRule))"
            )
        }
        for user in project.users {
            if project.isThematicExport, user.name == "consensus" {
                coderOfUser[user.guid] = "consensus"
                continue
            }
            let chosen = options.coderMap[user.name]
            let coder =
                chosen ?? RefiNames.unique(RefiNames.derive(user.name), among: taken) { "\($0.prefix(36))-\($1)" }
            taken.insert(coder)
            coderOfUser[user.guid] = coder
        }
    }

    /// Variables become attributes: their Thematic id when the project is ours, else one made from the name.
    private mutating func nameAttributes() {
        var taken = Set(study.manifest.attributes.map(\.id))
        let labels = Dictionary(
            study.manifest.attributes.map { ($0.label, $0.id) }, uniquingKeysWith: { first, _ in first })
        for guid in project.variableOrder {
            let name = project.variables[guid] ?? guid
            if let existing = labels[name] {
                attributeOfVariable[guid] = existing
                continue
            }
            let id = RefiNames.unique(described.attributeIDs[name] ?? RefiNames.attributeID(name), among: taken) {
                "\($0)\($1)"
            }
            taken.insert(id)
            attributeOfVariable[guid] = id
            result.attributes.append(AttributeDefinition(id: id, label: name))
        }
    }

    /// A case's values, for the one source it holds, when no other case holds that source.
    private mutating func caseValuesBySource() -> [String: [String: String]] {
        var casesOfSource: [String: Int] = [:]
        for member in project.cases where member.sourceGUIDs.count == 1 {
            casesOfSource[member.sourceGUIDs[0], default: 0] += 1
        }
        var values: [String: [String: String]] = [:]
        var unmapped = 0
        for member in project.cases where !member.values.isEmpty {
            if member.sourceGUIDs.count == 1, casesOfSource[member.sourceGUIDs[0]] == 1 {
                values[member.sourceGUIDs[0]] = member.values
            } else {
                unmapped += 1
            }
        }
        if unmapped > 0 {
            result.notCarried[
                "cases with variables that hold no source or several (their values are not one review's attributes)",
                default: 0] += unmapped
        }
        return values
    }

    private func reviewID(
        for source: RefiProjectFile.TextSource, structure: ThematicComments.Review?, used: inout Set<String>
    ) -> String {
        // A source name that makes no valid id gets a made-up one; the import report names the source beside it.
        let base = structure?.id ?? ((try? ImportFile.idFromFileName(source.name)) ?? "source")
        let id = RefiNames.unique(base, among: used) { "\($0.prefix(50))-\($1)" }
        used.insert(id)
        return id
    }

    // MARK: Codings

    private func coder(
        _ coding: RefiProjectFile.Coding, _ selection: RefiProjectFile.Selection?, _ source: RefiProjectFile.TextSource
    ) -> String {
        let user = coding.userGUID ?? selection?.userGUID ?? source.userGUID ?? project.creatingUserGUID
        return user.flatMap { coderOfUser[$0] } ?? "imported"
    }

    /// The review of the study a source is: by the id Thematic gave it, its name as an id, its name, or its title.
    private func existingReview(for source: RefiProjectFile.TextSource, structure: ThematicComments.Review?) -> Review?
    {
        let corpus = study.corpus
        return structure.flatMap { corpus.review($0.id) } ?? (try? ImportFile.idFromFileName(source.name)).flatMap {
            corpus.review($0)
        }
            ?? corpus.review(source.name)
            ?? corpus.reviews.first { $0.title == source.description || $0.title == source.name }
    }

    /// The study's excerpts of `review` found in the source text, in reading order, with each one's index.
    private static func locate(_ review: Review, in text: String) -> ([SourceTextCutter.Cut], [Int]) {
        let scalars = Array(text.unicodeScalars)
        var cuts: [SourceTextCutter.Cut] = []
        var indexes: [Int] = []
        var from = 0
        for (index, excerpt) in review.excerpts.enumerated() {
            let needle = Array(excerpt.text.unicodeScalars)
            guard !needle.isEmpty, needle.count <= scalars.count else { continue }
            var position = from
            while position + needle.count <= scalars.count,
                !scalars[position..<(position + needle.count)].elementsEqual(needle)
            { position += 1 }
            guard position + needle.count <= scalars.count else { continue }
            cuts.append(
                SourceTextCutter.Cut(
                    section: excerpt.section, start: position, end: position + needle.count, text: excerpt.text,
                    droppedReturns: []))
            indexes.append(index)
            from = position + needle.count
        }
        return (cuts, indexes)
    }

    private mutating func placeCodings(
        of source: RefiProjectFile.TextSource, reviewID: String, cuts: [SourceTextCutter.Cut], exact: Bool,
        excerptIndex: (Int) -> Int
    ) {
        var unknownCodes = 0
        var offText = 0
        for selection in source.selections {
            let memo = memo(description: selection.description, notes: selection.noteGUIDs)
            for coding in selection.codings {
                let coder = coder(coding, selection, source)
                guard coder != "consensus" else { continue }
                guard let code = project.codebook.codeIDs[coding.codeGUID] else {
                    unknownCodes += 1
                    continue
                }
                let applicationMemo = join(memo, self.memo(description: nil, notes: coding.noteGUIDs))
                var placed = false
                for index in overlapping(cuts, selection.start..<selection.end) {
                    let cut = cuts[index]
                    let span = TextSpan(
                        start: cut.local(max(selection.start, cut.start)), end: cut.local(min(selection.end, cut.end)))
                    guard span.start < span.end else { continue }
                    placed = true
                    let whole = !exact && span == TextSpan(start: 0, end: cut.text.unicodeScalars.count)
                    apply(
                        code, AppliedCode(spans: whole ? [] : [span], memo: applicationMemo), coder: coder,
                        reviewID: reviewID,
                        index: excerptIndex(index), when: coding.created ?? selection.created)
                }
                if !placed { offText += 1 }
            }
        }
        for coding in source.codings {
            let coder = coder(coding, nil, source)
            guard let code = project.codebook.codeIDs[coding.codeGUID] else {
                unknownCodes += 1
                continue
            }
            for index in cuts.indices {
                apply(
                    code, AppliedCode(memo: memo(description: nil, notes: coding.noteGUIDs)), coder: coder,
                    reviewID: reviewID,
                    index: excerptIndex(index), when: coding.created)
            }
        }
        if unknownCodes > 0 {
            result.warnings.append(
                "source \"\(source.name)\": \(unknownCodes) coding\(unknownCodes == 1 ? "" : "s") of codes that are not in the codebook were left out"
            )
        }
        if offText > 0 {
            result.warnings.append(
                "source \"\(source.name)\": \(offText) coding\(offText == 1 ? "" : "s") of selections holding only spaces or line breaks (no excerpt text) were left out"
            )
        }
    }

    private mutating func apply(
        _ code: String, _ application: AppliedCode, coder: String, reviewID: String, index: Int, when: String?
    ) {
        var record =
            result.codings[coder]?[reviewID]?[index]
            ?? ExcerptCoding(finished: true, updated: when ?? options.now, codebookRevision: revision)
        record.codes[code] = record.codes[code].map { CodingRewrite.combine($0, application) } ?? application
        if let when, when > record.updated { record.updated = when }
        result.codings[coder, default: [:]][reviewID, default: [:]][index] = record
    }

    /// Excerpt indexes whose range overlaps `range` (cuts are in text order and do not overlap).
    private func overlapping(_ cuts: [SourceTextCutter.Cut], _ range: Range<Int>) -> [Int] {
        var low = 0, high = cuts.count
        while low < high {
            let middle = (low + high) / 2
            if cuts[middle].end <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return Array((low..<cuts.count).prefix { cuts[$0].start < range.upperBound })
    }

    /// Another tool has no "finished": a coder who coded anything in a source is taken to have read all of it, so
    /// each excerpt they left uncoded is finished with no code (as NVivo's coding comparison counts uncoded text).
    private mutating func finishCodedReviews(reviewID: String, excerptCount: Int) {
        for coder in result.codings.keys where coder != "consensus" {
            guard var records = result.codings[coder]?[reviewID], !records.isEmpty else { continue }
            let latest = records.values.map(\.updated).max() ?? options.now
            for index in 0..<excerptCount where records[index] == nil {
                records[index] = ExcerptCoding(finished: true, updated: latest, codebookRevision: revision)
            }
            result.codings[coder]?[reviewID] = records
        }
    }

    /// Thematic's own records: finished or not, memo, whole-excerpt codes, time and revision, and the consensus.
    private mutating func applyRecords(_ structure: ThematicComments.Review, reviewID: String) {
        let coderOfName = Dictionary(
            project.users.compactMap { user in coderOfUser[user.guid].map { (user.name, $0) } },
            uniquingKeysWith: { first, _ in first })
        for (name, records) in described.records {
            guard let coder = coderOfName[name] else { continue }
            for (index, excerpt) in structure.excerpts.enumerated() {
                guard let described = records[excerpt.id] else { continue }
                var record =
                    result.codings[coder]?[reviewID]?[index]
                    ?? ExcerptCoding(
                        finished: described.finished, updated: described.updated,
                        codebookRevision: described.codebookRevision)
                record.finished = described.finished
                record.memo = described.memo
                record.updated = described.updated
                record.codebookRevision = described.codebookRevision
                for code in described.whole { record.codes[code]?.spans = [] }
                result.codings[coder, default: [:]][reviewID, default: [:]][index] = record
            }
        }
        let indexOf = Dictionary(
            structure.excerpts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (excerptID, decision) in structure.consensus {
            if let index = indexOf[excerptID] { result.consensus[reviewID, default: [:]][index] = decision }
        }
    }

    /// Notes on a source become the excerpt memo of its first excerpt, in the record of the note's author.
    private mutating func attachSourceNotes(_ source: RefiProjectFile.TextSource, reviewID: String) {
        for guid in source.noteGUIDs {
            guard let note = project.notes[guid], !note.text.isEmpty else { continue }
            let user = note.userGUID ?? source.userGUID ?? project.creatingUserGUID
            let coder = user.flatMap { coderOfUser[$0] } ?? "imported"
            guard coder != "consensus" else { continue }
            var record =
                result.codings[coder]?[reviewID]?[0]
                ?? ExcerptCoding(finished: false, updated: options.now, codebookRevision: revision)
            let text = note.name.map { "\($0): \(note.text)" } ?? note.text
            record.memo = join(record.memo, "Note on the source: \(text)")
            result.codings[coder, default: [:]][reviewID, default: [:]][0] = record
        }
    }

    private func memo(description: String?, notes: [String]) -> String? {
        var parts: [String] = []
        if let description = description?.trimmingCharacters(in: .whitespacesAndNewlines), !description.isEmpty {
            parts.append(description)
        }
        for guid in notes {
            if let text = project.notes[guid]?.text, !text.isEmpty, !parts.contains(text) { parts.append(text) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    private func join(_ first: String?, _ second: String?) -> String? {
        guard let first else { return second }
        guard let second, second != first else { return first }
        return first + "\n\n" + second
    }

    private func coderSummary() -> [RefiProjectImport.CoderMapping] {
        project.users.compactMap { user in
            guard let coder = coderOfUser[user.guid], coder != "consensus" else { return nil }
            let excerpts = result.codings[coder]?.values.reduce(0) { $0 + $1.count } ?? 0
            return RefiProjectImport.CoderMapping(userName: user.name, coder: coder, excerpts: excerpts)
        }
            + (result.codings["imported"].map {
                [
                    RefiProjectImport.CoderMapping(
                        userName: "(no user named)", coder: "imported", excerpts: $0.values.reduce(0) { $0 + $1.count })
                ]
            } ?? [])
    }
}

/// Names another tool's users and variables get in a study.
enum RefiNames {
    /// "José Pérez" -> "jose-perez": accents dropped, lower case, other characters as '-', at most 40 characters.
    static func derive(_ name: String) -> String {
        coderName(name) ?? "coder"
    }

    /// As `derive`, but nil when nothing of the name is left to make a coder name from.
    static func coderName(_ name: String) -> String? {
        let words = plainWords(name)
        var coder = String(words.joined(separator: "-").prefix(40))
        while coder.hasSuffix("-") { coder.removeLast() }
        if coder == "consensus" { coder = "consensus-user" }
        return Identifier.isValidCoderName(coder) ? coder : nil
    }

    /// `name`, or the first of `numbered(name, 2)`, `numbered(name, 3)`... that is not `taken`.
    static func unique(_ name: String, among taken: Set<String>, numbered: (String, Int) -> String) -> String {
        var candidate = name
        var number = 2
        while taken.contains(candidate) {
            candidate = numbered(name, number)
            number += 1
        }
        return candidate
    }

    /// "Child age band" -> "childAgeBand".
    static func attributeID(_ name: String) -> String {
        let words = plainWords(name)
        let id = words.enumerated().map { $0 == 0 ? $1 : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
        let trimmed = String(id.prefix(64))
        return Identifier.isValidID(trimmed) ? trimmed : "attribute"
    }

    /// Lower-case ASCII words of a name, accents dropped (the letter kept), every other character a separator.
    private static func plainWords(_ name: String) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in name.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}

extension RefiProjectImport {
    /// The import summary's lines after the reviews': codebook, coders, consensus, attributes, empty sources and
    /// what could not be carried, so nothing is left out without a word.
    public func summary(study: Study) -> [String] {
        var lines: [String] = []
        let book = codebook.codebook
        let codable = book.codes.filter(\.codable).count
        if study.codebook.hasSameCodesAndGroups(as: book) {
            lines.append("codebook: \(book.codes.count) codes, the same as the study's")
        } else {
            lines.append(
                "codebook: \(book.codes.count) codes (\(codable) codable) replace the study's \(study.codebook.codes.count) (revision \(study.codebook.revision + 1))"
            )
        }
        if coders.isEmpty {
            lines.append("coders: none (the project has no codings of text)")
        } else {
            lines.append(
                "coders: "
                    + coders.map {
                        "\"\($0.userName)\" -> \($0.coder) (\($0.excerpts == 0 ? "no codings" : "\($0.excerpts) excerpt\($0.excerpts == 1 ? "" : "s")"))"
                    }.joined(separator: ", "))
        }
        if decisionCount > 0 { lines.append("consensus: \(decisionCount) decision\(decisionCount == 1 ? "" : "s")") }
        if !attributes.isEmpty {
            lines.append("attributes: " + attributes.map { "\($0.id) (\"\($0.label)\")" }.joined(separator: ", "))
        }
        if !emptySources.isEmpty {
            lines.append("empty sources, no review made: " + emptySources.joined(separator: "; "))
        }
        if !notCarried.isEmpty {
            lines.append(
                "not carried: "
                    + notCarried.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        return lines
    }
}
