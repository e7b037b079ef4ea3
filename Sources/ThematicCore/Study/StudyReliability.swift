import Agreement

/// What an agreement analysis of a study looks at.
public struct AgreementSelection: Sendable {
    /// Coders to compare, in report order; nil: the study's design (`ComparedCoders`).
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
        let scope = try StudyAgreementScope(study: study, selection: selection)
        let codeIndex = Dictionary(uniqueKeysWithValues: scope.codes.enumerated().map { ($1, $0) })
        // Every id of the codebook with the index it counts for, so each applied code costs one look-up: an id the
        // codebook does not hold counts for no code.
        var indexOfApplied: [String: Int] = [:]
        for code in study.codebook.codes {
            if let index = codeIndex[scope.current(code.id)] { indexOfApplied[code.id] = index }
        }
        var data = ReliabilityData(unitIDs: scope.excerpts, coders: scope.coders, codes: scope.codes)
        var revisions: [String: Set<Int>] = [:]
        var indices: [Int] = []
        for (coderIndex, coder) in scope.coders.enumerated() {
            let coding = study.codings[coder]!
            var coderRevisions: Set<Int> = []
            for (unitIndex, unit) in scope.excerpts.enumerated() {
                guard let record = coding.excerpts[unit], record.finished else { continue }
                coderRevisions.insert(record.codebookRevision)
                indices.removeAll(keepingCapacity: true)
                for code in record.codes.keys {
                    if let index = indexOfApplied[code] { indices.append(index) }
                }
                indices.sort()
                data.setCoding(unit: unitIndex, coder: coderIndex, codes: indices)
            }
            if !coderRevisions.isEmpty { revisions[coder] = coderRevisions }
        }
        if selection.onlyFinishedByAll { data = data.keepingUnitsFinishedByAllCoders() }
        if let level = selection.level {
            data = data.rollingUp(
                try StudyAgreementScope.ancestors(of: scope.codes, atLevel: level, in: study.codebook))
        }
        self.data = data
        self.warnings = Self.revisionWarnings(revisions, coders: scope.coders, current: study.codebook.revision)
    }

    /// A warning when the coders' decisions were made against more than one codebook revision, or an old one.
    static func revisionWarnings(_ revisions: [String: Set<Int>], coders: [String], current: Int) -> [String] {
        let all = revisions.values.reduce(into: Set<Int>()) { $0.formUnion($1) }
        guard all.count > 1 || (all.first.map { $0 != current } ?? false) else { return [] }
        let detail = coders.compactMap { coder in
            revisions[coder].map { "\(coder) \($0.sorted().map(String.init).joined(separator: ", "))" }
        }.joined(separator: "; ")
        return [
            "coders worked against different codebook revisions (\(detail); current revision \(current)); a code whose definition changed between them may not have meant the same to each coder (see `thematic codebook history`)"
        ]
    }
}
