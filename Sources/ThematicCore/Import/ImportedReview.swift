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
    /// What reading the document's layout removed and cut (text, Markdown, PDF and Word files; nil for CSV and JSON).
    public var layout: LayoutSummary?

    /// What the import report says about a document's layout, so nothing leaves the text without a word.
    public struct LayoutSummary: Sendable, Equatable {
        /// Lines removed as page furniture, with the reason.
        public var removed: [LaidOutReport.Removal]
        /// Passages longer than the maximum length, cut into several excerpts at sentence ends.
        public var cutPassages: Int
        /// Pages without any text (scanned images): their content is not in the study.
        public var pagesWithoutText: [Int]
        public var pageCount: Int?

        public init(removed: [LaidOutReport.Removal], cutPassages: Int, pagesWithoutText: [Int], pageCount: Int?) {
            self.removed = removed
            self.cutPassages = cutPassages
            self.pagesWithoutText = pagesWithoutText
            self.pageCount = pageCount
        }
    }

    public init(
        id: String, title: String? = nil, source: String? = nil, attributes: [String: String] = [:],
        excerpts: [DraftExcerpt], givenIDs: [String]? = nil, file: String, layout: LayoutSummary? = nil
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.attributes = attributes
        self.excerpts = excerpts
        self.givenIDs = givenIDs
        self.file = file
        self.layout = layout
    }
}
