/// One review read from an import file, before it is matched against the study.
public struct ImportedReview: Sendable, Equatable {
    public var id: String
    /// Nil when the file names no title: a new review is then titled with its id, a re-imported one keeps its title.
    public var title: String?
    public var source: String?
    public var attributes: [String: String]
    public var excerpts: [DraftExcerpt]
    /// Excerpt ids the file brought with it (a file in the study's own corpus format); they are kept for a new review.
    public var givenIDs: [String]?
    /// The file it came from, as the user named it.
    public var file: String

    public init(id: String, title: String? = nil, source: String? = nil, attributes: [String: String] = [:],
                excerpts: [DraftExcerpt], givenIDs: [String]? = nil, file: String) {
        self.id = id
        self.title = title
        self.source = source
        self.attributes = attributes
        self.excerpts = excerpts
        self.givenIDs = givenIDs
        self.file = file
    }
}

/// Attributes (and optionally title and source) for a review, from one row of an attributes spreadsheet.
public struct ReviewAttributes: Sendable, Equatable {
    public var reviewID: String
    public var title: String?
    public var source: String?
    public var attributes: [String: String]
    public var file: String
    public var line: Int

    public init(reviewID: String, title: String? = nil, source: String? = nil, attributes: [String: String], file: String, line: Int) {
        self.reviewID = reviewID
        self.title = title
        self.source = source
        self.attributes = attributes
        self.file = file
        self.line = line
    }
}

/// What one import file holds.
public enum ImportContent: Sendable, Equatable {
    case reviews([ImportedReview])
    case attributes([ReviewAttributes])
}
