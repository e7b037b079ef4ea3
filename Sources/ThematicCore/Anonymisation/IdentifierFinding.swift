/// One identifying detail found in one excerpt.
public struct IdentifierFinding: Sendable, Equatable, Hashable {
    public var excerptID: String
    /// Unicode scalar offsets into the excerpt's text, as coded spans count them.
    public var range: TextSpan
    public var text: String
    public var rule: IdentifierRule

    public init(excerptID: String, range: TextSpan, text: String, rule: IdentifierRule) {
        self.excerptID = excerptID
        self.range = range
        self.text = text
        self.rule = rule
    }

    /// How a reviewer names this finding on the command line: `R01-003@120` (excerpt id, start offset).
    public var reference: String { "\(excerptID)@\(range.start)" }
}
