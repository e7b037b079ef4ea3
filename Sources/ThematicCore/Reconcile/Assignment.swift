/// Which excerpts a coder is asked to code, and how they were chosen (`assignments.json`).
///
/// A coder may have several assignments (one per round); their excerpts together are the coder's work.
public struct Assignment: Sendable, Equatable {
    public enum Method: Sendable, Equatable {
        /// A seeded random sample of `percent` of the corpus; with `stratifiedByReview`, that share of every review.
        case sample(percent: Double, seed: Int, stratifiedByReview: Bool)
        /// Every excerpt of these reviews.
        case reviews([String])
        /// Every excerpt of the corpus.
        case all
    }

    public var coder: String
    public var method: Method
    /// Excerpt ids in reading order.
    public var excerpts: [String]
    /// Who assigned it, and when (ISO 8601 UTC).
    public var by: String?
    public var at: String

    public init(coder: String, method: Method, excerpts: [String], by: String? = nil, at: String) {
        self.coder = coder
        self.method = method
        self.excerpts = excerpts
        self.by = by
        self.at = at
    }

    /// How the excerpts were chosen, in the words of the command that chose them.
    public var methodDescription: String {
        switch method {
        case .sample(let percent, let seed, let stratified):
            "sample \(Assignment.percentText(percent))%\(stratified ? " of each review" : "") (seed \(seed))"
        case .reviews(let reviews): "reviews \(reviews.joined(separator: ", "))"
        case .all: "all excerpts"
        }
    }

    static func percentText(_ percent: Double) -> String {
        percent.rounded() == percent ? String(Int(percent)) : String(percent)
    }
}

/// Every assignment of a study, in the order they were made. No file means no assignments.
public struct Assignments: Sendable, Equatable {
    public var items: [Assignment]

    public init(items: [Assignment] = []) {
        self.items = items
    }

    /// Every excerpt assigned to `coder`, over all of their assignments.
    public func excerpts(of coder: String) -> Set<String> {
        items.reduce(into: Set<String>()) { set, assignment in
            if assignment.coder == coder { set.formUnion(assignment.excerpts) }
        }
    }
}
