/// What the excerpt-level and the span-level agreement data of a study share: the chosen coders, the excerpts looked
/// at, the codes compared and how an applied code id counts, so both analyses compare the same things.
struct StudyAgreementScope {
    /// In report order; by default the study's design (`ComparedCoders`).
    let coders: [String]
    /// In corpus order, only those of the chosen reviews.
    let excerpts: [String]
    /// Codable codes, in codebook order, that are active or were applied (after following merges).
    let codes: [String]
    private let codesByID: [String: Code]

    init(study: Study, selection: AgreementSelection) throws(StudyReliability.SelectionError) {
        let coders = selection.coders ?? ComparedCoders(designOf: study).coders
        for coder in coders where study.codings[coder] == nil {
            throw .init(
                description:
                    "no coder named \"\(coder)\" in this study (coders: \(study.coders.joined(separator: ", ")))")
        }
        guard coders.count >= 2 else {
            throw .init(
                description:
                    "agreement needs at least two coders who have finished excerpts; this selection has \(coders.count) (\(coders.joined(separator: ", ")))"
            )
        }
        var excerpts = study.corpus.excerptIDs
        if let reviews = selection.reviews {
            for review in reviews where study.corpus.review(review) == nil {
                throw .init(description: "no review \"\(review)\" in this study")
            }
            let wanted = Set(reviews)
            excerpts = excerpts.filter { study.corpus.review(containing: $0).map { wanted.contains($0.id) } ?? false }
        }
        self.coders = coders
        self.excerpts = excerpts
        let byID = study.codebook.codesByID
        codesByID = byID
        // Whether a code no longer active was applied matters only when the codebook has one: a pass over every
        // coding otherwise.
        var used: Set<String> = []
        if study.codebook.codes.contains(where: { $0.codable && $0.status != .active }) {
            var applied: Set<String> = []
            for coder in coders {
                for record in study.codings[coder]!.excerpts.values where record.finished {
                    applied.formUnion(record.codes.keys)
                }
            }
            used = Set(applied.map { Self.current($0, byID) })
        }
        codes = study.codebook.codes.filter { $0.codable && ($0.status == .active || used.contains($0.id)) }.map(\.id)
    }

    /// The code an applied id counts for: codings of a merged code count for the code it was merged into.
    func current(_ id: String) -> String { Self.current(id, codesByID) }

    private static func current(_ id: String, _ byID: [String: Code]) -> String {
        var id = id
        var seen: Set<String> = []
        while case .merged(let target)? = byID[id]?.status, seen.insert(id).inserted { id = target }
        return id
    }

    /// Code -> its ancestor at `level` of the codebook tree (1 = top), for the codes deeper than that.
    static func ancestors(of codes: [String], atLevel level: Int, in codebook: Codebook) throws(StudyReliability
        .SelectionError) -> [String: String]
    {
        guard level >= 1 else { throw .init(description: "the level counts from 1 (the top of the codebook tree)") }
        var ancestorOf: [String: String] = [:]
        for code in codes {
            let chain = [code] + codebook.ancestors(of: code)
            if chain.count > level { ancestorOf[code] = chain[chain.count - level] }
        }
        return ancestorOf
    }
}
