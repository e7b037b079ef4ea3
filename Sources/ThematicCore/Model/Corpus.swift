/// One source document, e.g. one serious case review, with its attributes and its excerpts in reading order.
public struct Review: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    /// A link or citation to the published review, when there is one.
    public var source: String?
    /// Attribute id -> value, e.g. "year" -> "2016", "childAgeBand" -> "Under 1".
    public var attributes: [String: String]
    public var excerpts: [Excerpt]

    public init(
        id: String, title: String, source: String? = nil, attributes: [String: String] = [:], excerpts: [Excerpt] = []
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.attributes = attributes
        self.excerpts = excerpts
    }
}

/// The unit of coding: a passage of a review with a stable id.
public struct Excerpt: Sendable, Equatable, Identifiable {
    public var id: String
    public var section: String
    public var text: String
    /// The 1-based page of the source document (a PDF's page) where the excerpt starts, when the source has pages.
    public var page: Int?

    public init(id: String, section: String, text: String, page: Int? = nil) {
        self.id = id
        self.section = section
        self.text = text
        self.page = page
    }
}

/// Every review of a study, ordered by review id, and an index from excerpt id to its place.
public struct Corpus: Sendable, Equatable {
    public private(set) var reviews: [Review]
    /// Excerpt id -> (review index, excerpt index within the review).
    public private(set) var positions: [String: ExcerptPosition]

    public struct ExcerptPosition: Sendable, Equatable {
        public var review: Int
        public var excerpt: Int
    }

    public init(reviews: [Review]) {
        self.reviews = reviews.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var positions: [String: ExcerptPosition] = [:]
        positions.reserveCapacity(self.reviews.reduce(0) { $0 + $1.excerpts.count })
        // Back to front, so that an id used twice keeps its first place: one hash per excerpt, its id the only part
        // of it touched.
        for reviewIndex in self.reviews.indices.reversed() {
            let excerpts = self.reviews[reviewIndex].excerpts
            for excerptIndex in excerpts.indices.reversed() {
                positions[excerpts[excerptIndex].id] = ExcerptPosition(review: reviewIndex, excerpt: excerptIndex)
            }
        }
        self.positions = positions
    }

    public var excerptCount: Int { positions.count }

    /// Whether no excerpt id is used twice, so that the index holds the place of every excerpt.
    public var excerptIDsAreDistinct: Bool { positions.count == reviews.reduce(0) { $0 + $1.excerpts.count } }

    public func excerpt(_ id: String) -> Excerpt? {
        positions[id].map(excerpt(at:))
    }

    public func excerpt(at position: ExcerptPosition) -> Excerpt {
        reviews[position.review].excerpts[position.excerpt]
    }

    public func review(containing excerptID: String) -> Review? {
        positions[excerptID].map { reviews[$0.review] }
    }

    public func review(_ id: String) -> Review? { reviews.first { $0.id == id } }

    /// Every excerpt id in reading order: reviews by id, excerpts in their review's order.
    public var excerptIDs: [String] { reviews.flatMap { $0.excerpts.map(\.id) } }
}
