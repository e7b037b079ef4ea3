/// Attributes (and optionally title and source) for a review, from one row of an attributes spreadsheet.
public struct ReviewAttributes: Sendable, Equatable {
    public var reviewID: String
    public var title: String?
    public var source: String?
    public var attributes: [String: String]
    public var file: String
    public var line: Int

    public init(
        reviewID: String, title: String? = nil, source: String? = nil, attributes: [String: String], file: String,
        line: Int
    ) {
        self.reviewID = reviewID
        self.title = title
        self.source = source
        self.attributes = attributes
        self.file = file
        self.line = line
    }
}
