/// One identifying detail found in one place a reader sees: an excerpt's text, its section name, a review's title,
/// or one of a review's attribute values.
public struct IdentifierFinding: Sendable, Equatable, Hashable {
    /// Where in a review a finding is. Offsets count Unicode scalars of that place's own text.
    public enum Field: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// An excerpt's text: coded spans are offsets into it.
        case text
        /// An excerpt's section name. Consecutive excerpts usually share one, so a finding in it is reported once per
        /// review and names the first excerpt carrying it.
        case section
        /// The review's title.
        case title
        /// The value of the review attribute with this id (e.g. "author").
        case attribute(String)

        /// How the field is written after `#` in a reference and in `identifiers.json`: `section`, `title`,
        /// `attribute:NAME`; the text has no tag.
        public var tag: String? {
            switch self {
            case .text: nil
            case .section: "section"
            case .title: "title"
            case .attribute(let name): "attribute:\(name)"
            }
        }

        /// The field a tag names, or nil when it names none (`text` is accepted for the excerpt's text).
        public init?(tag: String) {
            switch tag {
            case "text": self = .text
            case "section": self = .section
            case "title": self = .title
            default:
                guard tag.hasPrefix("attribute:"), tag.count > "attribute:".count else { return nil }
                self = .attribute(String(tag.dropFirst("attribute:".count)))
            }
        }

        /// Whether the finding's `excerptID` names a review (title, attribute) rather than an excerpt.
        public var isReviewField: Bool {
            switch self {
            case .text, .section: false
            case .title, .attribute: true
            }
        }

        /// In the researcher's words: "text", "section name", "title", "attribute author".
        public var description: String {
            switch self {
            case .text: "text"
            case .section: "section name"
            case .title: "title"
            case .attribute(let name): "attribute \(name)"
            }
        }
    }

    /// The excerpt whose text or section name holds the finding; for a title or an attribute, the review's id.
    public var excerptID: String
    /// Unicode scalar offsets into the field's text (the excerpt's text, as coded spans count them, or the section
    /// name, title or attribute value).
    public var range: TextSpan
    public var text: String
    public var rule: IdentifierRule
    public var field: Field

    public init(excerptID: String, range: TextSpan, text: String, rule: IdentifierRule, field: Field = .text) {
        self.excerptID = excerptID
        self.range = range
        self.text = text
        self.rule = rule
        self.field = field
    }

    /// How a reviewer names this finding on the command line: `R01-003@120` in an excerpt's text (excerpt id, start
    /// offset), `R01-003#section@5` in the section name of R01-003, `R01#title@0` in review R01's title,
    /// `R01#attribute:author@0` in its "author" attribute.
    public var reference: String { "\(excerptID)\(field.tag.map { "#" + $0 } ?? "")@\(range.start)" }
}
