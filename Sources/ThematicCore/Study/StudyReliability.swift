import Agreement

/// What an agreement analysis of a study looks at.
public struct AgreementSelection: Sendable {
    /// Coders to compare, in report order; nil: every coder who finished at least one excerpt.
    public var coders: [String]?
    /// Roll codes up to this level of the codebook tree (1 = top-level categories); nil: the codes themselves.
    public var level: Int?
    /// Only excerpts of these reviews; nil: all.
    public var reviews: [String]?
    /// Only excerpts every chosen coder finished.
    public var onlyFinishedByAll: Bool

    public init(coders: [String]? = nil, level: Int? = nil, reviews: [String]? = nil, onlyFinishedByAll: Bool = false) {
        self.coders = coders
        self.level = level
        self.reviews = reviews
        self.onlyFinishedByAll = onlyFinishedByAll
    }
}

/// A study's coding as reliability data: the unit is the excerpt, a coder's value is the set of codes applied to an
/// excerpt they finished, and an excerpt they have not finished is missing.
public struct StudyReliability: Sendable {
    public let data: ReliabilityData
    /// Things the reader of the figures must know, e.g. coders who worked against different codebook revisions.
    public let warnings: [String]

    public struct SelectionError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(study: Study, selection: AgreementSelection = AgreementSelection()) throws(SelectionError) {
        let coders = selection.coders ?? study.coders.filter { study.codings[$0]!.finishedCount > 0 }
        for coder in coders where study.codings[coder] == nil {
            throw SelectionError(description: "no coder named \"\(coder)\" in this study (coders: \(study.coders.joined(separator: ", ")))")
        }
        guard coders.count >= 2 else {
            throw SelectionError(description: "agreement needs at least two coders who have finished excerpts; this selection has \(coders.count) (\(coders.joined(separator: ", ")))")
        }
        var units = study.corpus.excerptIDs
        if let reviews = selection.reviews {
            for review in reviews where study.corpus.review(review) == nil {
                throw SelectionError(description: "no review \"\(review)\" in this study")
            }
            let wanted = Set(reviews)
            units = units.filter { study.corpus.review(containing: $0).map { wanted.contains($0.id) } ?? false }
        }
        let codebook = study.codebook
        let byID = codebook.codesByID
        // Codings of a merged code count for the code it was merged into.
        func current(_ id: String) -> String {
            var id = id
            var seen: Set<String> = []
            while case .merged(let target)? = byID[id]?.status, seen.insert(id).inserted { id = target }
            return id
        }
        var used: Set<String> = []
        for coder in coders {
            for record in study.codings[coder]!.excerpts.values where record.finished {
                for code in record.codes.keys { used.insert(current(code)) }
            }
        }
        let codes = codebook.codes.filter { $0.codable && ($0.status == .active || used.contains($0.id)) }.map(\.id)
        let codeIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        var data = ReliabilityData(unitIDs: units, coders: coders, codes: codes)
        var revisions: [String: Set<Int>] = [:]
        for (coderIndex, coder) in coders.enumerated() {
            let coding = study.codings[coder]!
            for (unitIndex, unit) in units.enumerated() {
                guard let record = coding.excerpts[unit], record.finished else { continue }
                revisions[coder, default: []].insert(record.codebookRevision)
                data.setCoding(unit: unitIndex, coder: coderIndex, codes: record.codes.keys.compactMap { codeIndex[current($0)] }.sorted())
            }
        }
        if selection.onlyFinishedByAll { data = data.keepingUnitsFinishedByAllCoders() }
        if let level = selection.level {
            guard level >= 1 else { throw SelectionError(description: "the level counts from 1 (the top of the codebook tree)") }
            var ancestorOf: [String: String] = [:]
            for code in codes {
                let chain = [code] + codebook.ancestors(of: code)
                if chain.count > level { ancestorOf[code] = chain[chain.count - level] }
            }
            data = data.rollingUp(ancestorOf)
        }
        self.data = data
        self.warnings = Self.revisionWarnings(revisions, coders: coders, current: codebook.revision)
    }

    private static func revisionWarnings(_ revisions: [String: Set<Int>], coders: [String], current: Int) -> [String] {
        let all = revisions.values.reduce(into: Set<Int>()) { $0.formUnion($1) }
        guard all.count > 1 || (all.first.map { $0 != current } ?? false) else { return [] }
        let detail = coders.compactMap { coder in
            revisions[coder].map { "\(coder) \($0.sorted().map(String.init).joined(separator: ", "))" }
        }.joined(separator: "; ")
        return ["coders worked against different codebook revisions (\(detail); current revision \(current)); a code whose definition changed between them may not have meant the same to each coder (see `thematic codebook history`)"]
    }
}
