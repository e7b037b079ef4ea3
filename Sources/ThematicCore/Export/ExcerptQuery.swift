/// Finds the excerpts that have every one of some codes and none of others, under one source: the material for
/// reading a theme in depth. A category stands for every code under it.
public struct ExcerptQuery: Sendable, Equatable {
    /// Every one of these must be present (the first is `--code`, the rest `--and`).
    public var required: [String]
    /// None of these may be present (`--not`).
    public var excluded: [String]

    public init(required: [String], excluded: [String] = []) {
        self.required = required
        self.excluded = excluded
    }

    /// The matching excerpts in reading order, each with the spans of the codes that made it match.
    public func run(study: Study, coding: SourceCoding) throws(ExportError) -> [RetrievedExcerpt] {
        guard !required.isEmpty else { throw ExportError("name at least one code to retrieve (--code)") }
        let codes = study.codebook.codesByID
        for id in required + excluded where codes[id] == nil {
            throw ExportError("no code \"\(id)\" in the codebook")
        }
        let requiredSets = required.map { numbers(family(of: $0, in: study.codebook), coding) }
        let excludedSet = numbers(
            excluded.reduce(into: Set<String>()) { $0.formUnion(family(of: $1, in: study.codebook)) }, coding)
        let wanted = requiredSets.reduce(into: Set<Int32>()) { $0.formUnion($1) }
        let isWanted = { (id: String) in coding.codeIndex.number(of: id).map(wanted.contains) ?? false }
        var found: [RetrievedExcerpt] = []
        var position = 0
        for review in study.corpus.reviews {
            for excerpt in review.excerpts {
                defer { position += 1 }
                guard let applied = coding.coded[position],
                    requiredSets.allSatisfy({ !$0.isDisjoint(with: applied) }),
                    excludedSet.isDisjoint(with: applied),
                    let codes = coding.codes(of: excerpt.id)
                else { continue }
                found.append(
                    RetrievedExcerpt(
                        review: review, excerpt: excerpt, matched: codes.filter { isWanted($0.key) },
                        otherCodes: codes.keys.filter { !isWanted($0) }.sorted()))
            }
        }
        return found
    }

    /// The numbers a coding gives these code ids.
    func numbers(_ ids: Set<String>, _ coding: SourceCoding) -> Set<Int32> {
        Set(ids.compactMap { coding.codeIndex.number(of: $0) })
    }

    /// A code and every code under it.
    func family(of id: String, in codebook: Codebook) -> Set<String> {
        var children: [String: [String]] = [:]
        for code in codebook.codes {
            if let parent = code.parent { children[parent, default: []].append(code.id) }
        }
        var members: Set<String> = [id]
        var waiting = [id]
        while let next = waiting.popLast() {
            for child in children[next] ?? [] where members.insert(child).inserted { waiting.append(child) }
        }
        return members
    }

    /// "with A1 and B2, without C3", for headers and messages.
    public var criteria: String {
        "with " + required.joined(separator: " and ")
            + (excluded.isEmpty ? "" : ", without " + excluded.joined(separator: " or "))
    }
}

/// One excerpt a query found, with its review and the codes that matched.
public struct RetrievedExcerpt: Sendable, Equatable {
    public var review: Review
    public var excerpt: Excerpt
    /// Matching code id -> its spans (empty: the whole excerpt).
    public var matched: [String: [TextSpan]]
    /// The excerpt's other codes under the same source.
    public var otherCodes: [String]

    public init(review: Review, excerpt: Excerpt, matched: [String: [TextSpan]], otherCodes: [String]) {
        self.review = review
        self.excerpt = excerpt
        self.matched = matched
        self.otherCodes = otherCodes
    }

    /// The matched code ids in a stable order.
    public var matchedCodes: [String] { matched.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    /// The text cut into pieces, each marked when it lies in a span of a matching code. A code applied to the whole
    /// excerpt marks nothing (the whole text is the coded text).
    public var pieces: [(text: String, coded: Bool)] {
        let scalars = Array(excerpt.text.unicodeScalars)
        var ranges = matched.values.flatMap { $0 }
            .map { TextSpan(start: max(0, min($0.start, scalars.count)), end: max(0, min($0.end, scalars.count))) }
            .filter { $0.start < $0.end }
            .sorted()
        var merged: [TextSpan] = []
        for range in ranges {
            if let last = merged.last, range.start <= last.end {
                merged[merged.count - 1].end = max(last.end, range.end)
            } else {
                merged.append(range)
            }
        }
        ranges = merged
        var result: [(String, Bool)] = []
        var position = 0
        func text(_ from: Int, _ to: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[from..<to])
            return String(view)
        }
        for range in ranges {
            if position < range.start { result.append((text(position, range.start), false)) }
            result.append((text(range.start, range.end), true))
            position = range.end
        }
        if position < scalars.count { result.append((text(position, scalars.count), false)) }
        return result
    }

    /// The coded passages alone: the marked pieces, or the whole text when a matching code covers the whole excerpt.
    public var codedText: String {
        if matched.values.contains(where: \.isEmpty) { return excerpt.text }
        return pieces.filter(\.coded).map(\.text).joined(separator: " … ")
    }
}
