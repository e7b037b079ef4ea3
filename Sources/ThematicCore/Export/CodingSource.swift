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
            return "consensus" + (leads.isEmpty ? "" : " (lead \(leads.joined(separator: ", ")))")
        case .rule(let rule):
            let coders = study.coders.joined(separator: ", ")
            switch rule {
            case .any: return "rule any: a code counts when any coder who finished the excerpt applied it (coders \(coders))"
            case .all: return "rule all: a code counts when every coder who finished the excerpt applied it (coders \(coders))"
            case .majority: return "rule majority: a code counts when more than half of the coders who finished the excerpt applied it (coders \(coders))"
            }
        }
    }

    /// Checks that the source exists in the study, with a message for the researcher when it does not.
    public func validate(in study: Study) throws(ExportError) {
        switch self {
        case .coder(let name):
            guard study.codings[name] != nil else {
                let known = study.coders.isEmpty ? "the study has no coder yet" : "coders: \(study.coders.joined(separator: ", "))"
                throw ExportError("no coder \"\(name)\" in this study (\(known))")
            }
        case .consensus:
            guard !study.consensus.excerpts.isEmpty else { throw ExportError("the study has no consensus decision yet") }
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

/// The coded excerpts of a study under one source: for each excerpt counted as coded, its codes and their spans.
///
/// Codes that were merged into another code count as that code, so old codings stay meaningful.
public struct SourceCoding: Sendable {
    public var source: CodingSource
    /// Excerpt id -> code id -> spans (empty: the whole excerpt). An excerpt absent here is not coded under the source.
    public var excerpts: [String: [String: [TextSpan]]]

    public init(study: Study, source: CodingSource) {
        self.source = source
        let codes = study.codebook.codesByID
        var excerpts: [String: [String: [TextSpan]]] = [:]
        switch source {
        case .coder(let name):
            for (excerptID, record) in study.codings[name]?.excerpts ?? [:] where record.finished {
                excerpts[excerptID] = Self.resolved(record.codes, codes)
            }
        case .consensus:
            for (excerptID, decision) in study.consensus.excerpts {
                excerpts[excerptID] = Self.resolved(decision.codes, codes)
            }
        case .rule(let rule):
            var finished: [String: [[String: [TextSpan]]]] = [:]
            for coder in study.coders {
                for (excerptID, record) in study.codings[coder]!.excerpts where record.finished {
                    finished[excerptID, default: []].append(Self.resolved(record.codes, codes))
                }
            }
            for (excerptID, codings) in finished {
                excerpts[excerptID] = Self.combine(codings, rule)
            }
        }
        self.excerpts = excerpts
    }

    /// Several coders' codes of one excerpt under a rule; spans are the union of the spans of the coders who
    /// applied the code, and the whole excerpt when any of them applied it to the whole excerpt.
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
        for (code, count) in appliedBy {
            let counts = switch rule {
            case .any: count >= 1
            case .all: count == codings.count
            case .majority: count * 2 > codings.count
            }
            if counts { result[code] = whole.contains(code) ? [] : spans[code, default: []].sorted() }
        }
        return result
    }

    /// Applied codes with merged codes replaced by the code they were merged into (spans combined).
    static func resolved(_ applied: [String: AppliedCode], _ codes: [String: Code]) -> [String: [TextSpan]] {
        var result: [String: [TextSpan]] = [:]
        for (id, code) in applied {
            let target = mergeTarget(id, codes)
            if let existing = result[target] {
                result[target] = existing.isEmpty || code.spans.isEmpty ? [] : Array(Set(existing + code.spans)).sorted()
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
