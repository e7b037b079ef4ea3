/// Which of a split's parts each excerpt coded with the old code gets, worked out before anything is written, so a
/// lead can see it (`thematic codebook split --dry-run`) and `CodebookEditor.split` can check that none is dropped.
///
///     let plan = try SplitPlan(splitting: "A3", into: [.new(id: "A3a", name: "Police"), .existing("B1")],
///                              rules: [SplitPlan.Rule("B1:school", parts: parts)!], fallback: "A3a", in: study)
public struct SplitPlan: Sendable, Equatable {
    /// One code a split goes into: ID=NAME for a new code, else the id of a code the codebook has.
    public enum Part: Sendable, Equatable {
        case new(id: String, name: String)
        case existing(String)

        /// Reads ID=NAME as a new code and anything else as an existing code's id.
        public init(_ text: String) {
            let pieces = text.split(separator: "=", maxSplits: 1).map(String.init)
            self = pieces.count == 2 ? .new(id: pieces[0], name: pieces[1]) : .existing(text)
        }

        public var id: String {
            switch self {
            case .new(let id, _): id
            case .existing(let id): id
            }
        }
    }

    /// ID:TEXT: an excerpt whose text contains TEXT, ignoring case, gets the part ID.
    public struct Rule: Sendable, Equatable {
        public var code: String
        public var text: String

        /// Nil unless `text` is ID:TEXT with ID one of `parts`: a rule naming no part could never assign anything.
        public init?(_ text: String, parts: [Part]) {
            let pieces = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard pieces.count == 2, parts.contains(where: { $0.id == pieces[0] }) else { return nil }
            code = pieces[0]
            self.text = pieces[1]
        }
    }

    /// EXCERPT=ID[,ID]: the lead's own choice for one excerpt, over any rule or default.
    public struct Choice: Sendable, Equatable {
        public var excerpt: String
        public var codes: [String]

        public init?(_ text: String) {
            let pieces = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { return nil }
            excerpt = pieces[0]
            codes = pieces[1].split(separator: ",").map(String.init)
        }
    }

    /// The codes the split goes into, new ones under the old code's parent with its colour.
    public let parts: [Code]
    /// Excerpt id to the parts it gets; an excerpt no rule, choice or default assigns is missing.
    public let assignment: [String: [String]]
    /// Every excerpt coded with the old code, with who coded it.
    public let coded: [String: [String]]

    public init(
        splitting code: String, into parts: [Part], rules: [Rule] = [], choices: [Choice] = [], fallback: String? = nil,
        in study: Study
    ) throws(CodebookEditError) {
        guard let old = study.codebook.code(code) else {
            throw CodebookEditError("no code \"\(code)\" in the codebook")
        }
        self.parts = try parts.map { part throws(CodebookEditError) -> Code in
            switch part {
            case .new(let id, let name):
                return Code(id: id, name: name, parent: old.parent, colour: old.colour)
            case .existing(let id):
                guard let existing = study.codebook.code(id) else {
                    throw CodebookEditError("--into \(id): no such code; write ID=NAME for a new one")
                }
                return existing
            }
        }
        coded = CodebookEditor.excerptsCoded(code, in: study)
        var assignment: [String: [String]] = [:]
        for excerpt in coded.keys {
            let text = study.corpus.excerpt(excerpt)?.text.lowercased() ?? ""
            var given: [String] = []
            for rule in rules where text.contains(rule.text.lowercased()) && !given.contains(rule.code) {
                given.append(rule.code)
            }
            assignment[excerpt] = given.isEmpty ? fallback.map { [$0] } : given
        }
        for choice in choices { assignment[choice.excerpt] = choice.codes }
        self.assignment = assignment
    }
}
