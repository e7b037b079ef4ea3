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
        let lookUp = indexOfApplied
        let found = Self.slices(coders: scope.coders.count, excerpts: scope.excerpts.count).parallelMap { slice in
            Self.finishedCodings(of: study.codings[scope.coders[slice.coder]]!, scope.excerpts[slice.excerpts], lookUp)
        }
        var data = ReliabilityData(unitIDs: scope.excerpts, coders: scope.coders, codes: scope.codes)
        var revisions: [String: Set<Int>] = [:]
        for (slice, found) in found.enumerated() {
            let coder = slice / Self.slicesPerCoder
            for (unit, codes) in found.codings { data.setCoding(unit: unit, coder: coder, codes: codes) }
            if !found.revisions.isEmpty { revisions[scope.coders[coder], default: []].formUnion(found.revisions) }
        }
        if selection.onlyFinishedByAll { data = data.keepingUnitsFinishedByAllCoders() }
        if let level = selection.level {
            data = data.rollingUp(
                try StudyAgreementScope.ancestors(of: scope.codes, atLevel: level, in: study.codebook))
        }
        self.data = data
        self.warnings = Self.revisionWarnings(revisions, coders: scope.coders, current: study.codebook.revision)
    }

    /// Each coder's excerpts cut into this many slices, looked up side by side: the look-ups by id are most of the
    /// work of building the data.
    static let slicesPerCoder = 4

    static func slices(coders: Int, excerpts: Int) -> [(coder: Int, excerpts: Range<Int>)] {
        (0..<coders).flatMap { coder in
            (0..<slicesPerCoder).map { part in
                (coder, (excerpts * part / slicesPerCoder)..<(excerpts * (part + 1) / slicesPerCoder))
            }
        }
    }

    /// The excerpts of `excerpts` (by index into the whole list) the coder finished, with the indices of the codes
    /// applied, and the codebook revisions those decisions were made against.
    static func finishedCodings(
        of coding: Coding, _ excerpts: ArraySlice<String>, _ indexOfApplied: [String: Int]
    ) -> (codings: [(unit: Int, codes: [Int])], revisions: Set<Int>) {
        var codings: [(unit: Int, codes: [Int])] = []
        var revisions: Set<Int> = []
        var lastRevision: Int?
        for (unit, excerpt) in zip(excerpts.indices, excerpts) {
            guard let record = coding.excerpts[excerpt], record.finished else { continue }
            if record.codebookRevision != lastRevision {
                revisions.insert(record.codebookRevision)
                lastRevision = record.codebookRevision
            }
            codings.append((unit, record.codes.keys.compactMap { indexOfApplied[$0] }))
        }
        return (codings, revisions)
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
