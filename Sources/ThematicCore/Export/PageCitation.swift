/// Where an excerpt sits in its source document, in the words researchers cite it by: "3. Analysis · p. 12".
///
/// The coding and reconcile screens, `thematic retrieve` and the report all say it this way, so a page quoted from
/// one is found the same in the others.
extension Excerpt {
    /// "p. 12", or nil when the source has no pages (a text file).
    public var pageCitation: String? { page.map { "p. \($0)" } }

    /// The section followed by the page when it is known, e.g. "3. Analysis · p. 12"; the section alone otherwise.
    public func sectionAndPage(separator: String = " · ") -> String {
        pageCitation.map { section + separator + $0 } ?? section
    }

    /// The page as a table cell: the number, or empty when unknown, so a column keeps its shape across studies.
    public var pageField: String { page.map(String.init) ?? "" }
}
