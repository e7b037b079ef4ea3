/// How often each code was applied: finished excerpts per coder and in the consensus, to see what is never used.
public struct CodebookUsage: Sendable, Equatable {
    public var coders: [String]
    /// Code id -> coder -> finished excerpts with the code applied.
    public var byCoder: [String: [String: Int]]
    /// Code id -> consensus decisions applying it.
    public var consensus: [String: Int]

    public init(study: Study) {
        coders = study.coders
        byCoder = [:]
        consensus = [:]
        // Each coder's codes counted on a core of its own, in a flat table: a nested one costs two lookups per code
        // applied (a coder of 60,000 excerpts applies ~100,000), and a screen counts again after every change.
        let counted = Array(study.codings).parallelMap { entry in (entry.key, Self.finishedCounts(entry.value)) }
        for (coder, counts) in counted {
            for (code, count) in counts { byCoder[code, default: [:]][coder] = count }
        }
        for decision in study.consensus.excerpts.values {
            for code in decision.codes.keys { consensus[code, default: 0] += 1 }
        }
    }

    /// Code id -> the coder's finished excerpts with the code applied.
    private static func finishedCounts(_ coding: Coding) -> [String: Int] {
        var counts: [String: Int] = [:]
        for record in coding.excerpts.values where record.finished {
            for code in record.codes.keys { counts[code, default: 0] += 1 }
        }
        return counts
    }

    public func count(_ code: String, coder: String) -> Int { byCoder[code]?[coder] ?? 0 }

    /// Applications by every coder and the consensus together.
    public func total(_ code: String) -> Int { (byCoder[code]?.values.reduce(0, +) ?? 0) + (consensus[code] ?? 0) }

    /// Codes coders may apply that nobody has applied yet.
    public func unused(in codebook: Codebook) -> [Code] { codebook.applicableCodes.filter { total($0.id) == 0 } }
}
