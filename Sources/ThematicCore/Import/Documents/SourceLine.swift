/// One line of a source document as its reader gives it, before the report's layout is worked out.
///
/// Readers keep every character they read: blank lines, page numbers, running headers and contents lines all come
/// through, because deciding what is layout and what is content is `ReportLayout`'s job, and it accounts for
/// everything it removes.
public struct SourceLine: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// A physical line of text (a PDF line, a line of a text file): it may continue the paragraph above it.
        /// An empty or all-space `.line` is a blank line.
        case line
        /// A whole paragraph (a Word paragraph): never joined to the one before.
        case paragraph
        /// A heading the document itself marks as one (a Word heading style, a Markdown `#` line), with its level.
        case heading(level: Int)
        /// One row of a table, its cells joined by " | "; `first` marks the first row of a table.
        case tableRow(first: Bool)
    }

    public var text: String
    /// The 1-based page the line is on, when the document has pages (a PDF, a Word file with page breaks).
    public var page: Int?
    public var role: Role

    public init(_ text: String, page: Int? = nil, role: Role = .line) {
        self.text = text
        self.page = page
        self.role = role
    }
}

/// A source document read by one of the readers (`PDFText`, `DocxText`, plain text), ready for `ReportLayout`.
public struct SourceDocument: Sendable, Equatable {
    public var lines: [SourceLine]
    /// The title the document's metadata gives (a PDF's or Word file's Title), when it is a real title.
    public var title: String?
    /// Pages that hold no text at all (a scanned image), reported so their absence is never silent.
    public var pagesWithoutText: [Int]
    /// Pages the document has, when it has pages.
    public var pageCount: Int?

    public init(lines: [SourceLine], title: String? = nil, pagesWithoutText: [Int] = [], pageCount: Int? = nil) {
        self.lines = lines
        self.title = title
        self.pagesWithoutText = pagesWithoutText
        self.pageCount = pageCount
    }
}
