/// Whose coding a matrix, a retrieval or a report counts: one coder, the lead's consensus, or a rule across coders.
///
/// Only finished excerpts count as coded: an excerpt a coder has not finished is "not coded yet", never "no code".
public enum CodingSource: Sendable, Equatable {
    case coder(String)
    case consensus
    case rule(CoderRule)

    /// How the codes of several coders combine into one coding of an excerpt.
    ///
    /// Each rule looks at the coders who finished that excerpt (an excerpt one coder finished counts with that
    /// coder's codes alone), so the rules differ only on double-coded excerpts.
    public enum CoderRule: String, Sendable, Equatable, CaseIterable {
        /// A code counts when at least one coder applied it.
        case any
        /// A code counts when every coder who finished the excerpt applied it.
        case all
        /// A code counts when more than half of the coders who finished the excerpt applied it (with two coders: both).
        case majority
    }

    /// What the output says about where its numbers come from.
    public func description(in study: Study) -> String {
        switch self {
        case .coder(let name):
            return "coder \(name)"
        case .consensus:
            let leads = Set(study.consensus.excerpts.values.map(\.lead)).sorted()
            let decided = study.consensus.excerpts.count
            return "consensus (" + (leads.isEmpty ? "" : "lead \(leads.joined(separator: ", ")); ")
                + "only the \(decided) excerpt\(decided == 1 ? "" : "s") with a decision count)"
        case .rule(let rule):
            let coders = study.coders.joined(separator: ", ")
            switch rule {
            case .any:
                return "rule any: a code counts when any coder who finished the excerpt applied it (coders \(coders))"
            case .all:
                return "rule all: a code counts when every coder who finished the excerpt applied it (coders \(coders))"
            case .majority:
                return
                    "rule majority: a code counts when more than half of the coders who finished the excerpt applied it (coders \(coders))"
            }
        }
    }

    /// Checks that the source exists in the study, with a message for the researcher when it does not.
    public func validate(in study: Study) throws(ExportError) {
        switch self {
        case .coder(let name):
            guard study.codings[name] != nil else {
                let known =
                    study.coders.isEmpty
                    ? "the study has no coder yet" : "coders: \(study.coders.joined(separator: ", "))"
                throw ExportError("no coder \"\(name)\" in this study (\(known))")
            }
        case .consensus:
            guard !study.consensus.excerpts.isEmpty else {
                throw ExportError("the study has no consensus decision yet")
            }
        case .rule:
            guard !study.codings.isEmpty else { throw ExportError("the study has no coder yet") }
        }
    }
}

/// A problem with what was asked of an export, phrased for the researcher.
public struct ExportError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = message }
}

/// The coded excerpts of a study under one source: which excerpts count as coded, and with which codes.
///
/// Codes are held as small integers in reading order so that a 60,000-excerpt study is counted in well under a
/// second; the spans of an excerpt's codes are worked out when asked for (`codes(of:)`), for retrieval and reports.
/// Codes that were merged into another code count as that code, so old codings stay meaningful.
public struct SourceCoding: Sendable {
    public let source: CodingSource
    let study: Study
    let codeIndex: CodeIndex
    /// Per excerpt in reading order (`Corpus.excerptIDs`): the codes counted, or nil when not coded under the source.
    let coded: [[Int32]?]
    /// Reading position of each review's first excerpt.
    let reviewStarts: [Int]
    let codesByID: [String: Code]

    public init(study: Study, source: CodingSource) {
        self.source = source
        self.study = study
        var starts: [Int] = []
        var excerptCount = 0
        for review in study.corpus.reviews {
            starts.append(excerptCount)
            excerptCount += review.excerpts.count
        }
        var codeIndex = CodeIndex(study.codebook)
        var coded = [[Int32]?](repeating: nil, count: excerptCount)
        func position(_ excerptID: String) -> Int? {
            study.corpus.positions[excerptID].map { starts[$0.review] + $0.excerpt }
        }
        func numbers(_ applied: [String: AppliedCode]) -> [Int32] {
            var result: [Int32] = []
            result.reserveCapacity(applied.count)
            for id in applied.keys {
                let code = codeIndex.index(of: id)
                if !result.contains(code) { result.append(code) }
            }
            return result
        }
        switch source {
        case .coder(let name):
            for (excerptID, record) in study.codings[name]?.excerpts ?? [:] where record.finished {
                if let position = position(excerptID) { coded[position] = numbers(record.codes) }
            }
        case .consensus:
            for (excerptID, decision) in study.consensus.excerpts {
                if let position = position(excerptID) { coded[position] = numbers(decision.codes) }
            }
        case .rule(let rule):
            let codings = study.coders.map { study.codings[$0]!.excerpts }
            // Scratch buffers reused for every excerpt: each code with the number of coders who applied it.
            var codes: [Int32] = []
            var coders: [Int] = []
            var position = 0
            for review in study.corpus.reviews {
                for excerpt in review.excerpts {
                    defer { position += 1 }
                    codes.removeAll(keepingCapacity: true)
                    coders.removeAll(keepingCapacity: true)
                    var finished = 0
                    for coding in codings {
                        guard let record = coding[excerpt.id], record.finished else { continue }
                        finished += 1
                        for code in numbers(record.codes) {
                            if let slot = codes.firstIndex(of: code) {
                                coders[slot] += 1
                            } else {
                                codes.append(code)
                                coders.append(1)
                            }
                        }
                    }
                    guard finished > 0 else { continue }
                    coded[position] = codes.indices.filter { rule.counts(coders[$0], of: finished) }.map { codes[$0] }
                }
            }
        }
        self.codeIndex = codeIndex
        self.coded = coded
        reviewStarts = starts
        codesByID = study.codebook.codesByID
    }

    /// The number of excerpts coded under the source.
    public var codedCount: Int { coded.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Whether the excerpt counts as coded under the source (finished, or decided for the consensus).
    public func isCoded(_ excerptID: String) -> Bool {
        guard let position = readingPosition(of: excerptID) else { return false }
        return coded[position] != nil
    }

    /// The excerpt's codes under the source with their spans (empty: the whole excerpt), or nil when not coded.
    ///
    /// Under a rule, spans are the union of the spans of the coders who applied the code, and the whole excerpt
    /// when any of them applied it to the whole excerpt.
    public func codes(of excerptID: String) -> [String: [TextSpan]]? {
        guard isCoded(excerptID) else { return nil }
        let codes = codesByID
        switch source {
        case .coder(let name):
            return Self.resolved(study.codings[name]!.excerpts[excerptID]!.codes, codes)
        case .consensus:
            return Self.resolved(study.consensus.excerpts[excerptID]!.codes, codes)
        case .rule(let rule):
            let finished = study.coders.compactMap { coder -> [String: [TextSpan]]? in
                guard let record = study.codings[coder]!.excerpts[excerptID], record.finished else { return nil }
                return Self.resolved(record.codes, codes)
            }
            return Self.combine(finished, rule)
        }
    }

    func readingPosition(of excerptID: String) -> Int? {
        guard let position = study.corpus.positions[excerptID] else { return nil }
        return reviewStarts[position.review] + position.excerpt
    }

    /// Several coders' codes of one excerpt under a rule, with their spans (see `codes(of:)`).
    static func combine(_ codings: [[String: [TextSpan]]], _ rule: CodingSource.CoderRule) -> [String: [TextSpan]] {
        var appliedBy: [String: Int] = [:]
        var spans: [String: Set<TextSpan>] = [:]
        var whole: Set<String> = []
        for coding in codings {
            for (code, codeSpans) in coding {
                appliedBy[code, default: 0] += 1
                if codeSpans.isEmpty { whole.insert(code) } else { spans[code, default: []].formUnion(codeSpans) }
            }
        }
        var result: [String: [TextSpan]] = [:]
        for (code, count) in appliedBy where rule.counts(count, of: codings.count) {
            result[code] = whole.contains(code) ? [] : spans[code, default: []].sorted()
        }
        return result
    }

    /// Applied codes with merged codes replaced by the code they were merged into (spans combined).
    static func resolved(_ applied: [String: AppliedCode], _ codes: [String: Code]) -> [String: [TextSpan]] {
        var result: [String: [TextSpan]] = [:]
        for (id, code) in applied {
            let target = mergeTarget(id, codes)
            if let existing = result[target] {
                result[target] =
                    existing.isEmpty || code.spans.isEmpty ? [] : Array(Set(existing + code.spans)).sorted()
            } else {
                result[target] = code.spans
            }
        }
        return result
    }

    /// Follows `merged(into:)` links to the code that stands for `id` now (stops on a cycle).
    static func mergeTarget(_ id: String, _ codes: [String: Code]) -> String {
        var current = id
        var seen: Set<String> = [id]
        while case .merged(let into)? = codes[current]?.status, !seen.contains(into) {
            seen.insert(into)
            current = into
        }
        return current
    }
}

extension CodingSource.CoderRule {
    /// Whether a code `coders` of `finished` coders applied counts under the rule.
    func counts(_ coders: Int, of finished: Int) -> Bool {
        switch self {
        case .any: coders >= 1
        case .all: coders == finished
        case .majority: coders * 2 > finished
        }
    }
}

/// Code ids as small integers, with a merged code numbered as the code it was merged into.
struct CodeIndex: Sendable {
    private(set) var ids: [String] = []
    private var numbers: [String: Int32] = [:]

    init(_ codebook: Codebook) {
        let codes = codebook.codesByID
        for code in codebook.codes where numbers[code.id] == nil {
            let target = SourceCoding.mergeTarget(code.id, codes)
            numbers[code.id] = number(forTarget: target)
        }
    }

    /// The number of a code id the index knows.
    func number(of id: String) -> Int32? { numbers[id] }

    /// The number of a code id; an id the codebook does not know gets a number of its own.
    mutating func index(of id: String) -> Int32 {
        if let known = numbers[id] { return known }
        let new = number(forTarget: id)
        numbers[id] = new
        return new
    }

    private mutating func number(forTarget target: String) -> Int32 {
        if let known = numbers[target] { return known }
        ids.append(target)
        numbers[target] = Int32(ids.count - 1)
        return Int32(ids.count - 1)
    }
}
