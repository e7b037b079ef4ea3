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
