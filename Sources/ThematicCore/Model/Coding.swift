/// One coder's decisions, written only by that coder's sessions.
///
/// An excerpt absent from `excerpts` has not been coded yet. A present one with `finished == true` and no codes
/// means "coded, no code applies": a different fact, and agreement statistics keep them apart.
public struct Coding: Sendable, Equatable {
    public var coder: String
    /// The last journal entry already folded into this snapshot (see `CodingJournal`).
    public var journalSequence: Int
    public var excerpts: [String: ExcerptCoding]

    public init(coder: String, journalSequence: Int = 0, excerpts: [String: ExcerptCoding] = [:]) {
        self.coder = coder
        self.journalSequence = journalSequence
        self.excerpts = excerpts
    }

    /// The excerpts this coder finished.
    public var finishedCount: Int { excerpts.values.reduce(0) { $0 + ($1.finished ? 1 : 0) } }

    /// Latest `updated` timestamp, if any (ISO 8601 strings order correctly as text).
    public var lastActivity: String? { excerpts.values.map(\.updated).max() }
}

/// What one coder decided about one excerpt.
public struct ExcerptCoding: Sendable, Equatable {
    public var finished: Bool
    /// Applied code id -> how it was applied (whole excerpt, or narrowed to spans; with a memo).
    public var codes: [String: AppliedCode]
    public var memo: String?
    /// ISO 8601 UTC time of the last change.
    public var updated: String
    /// The codebook revision the coder saw when making this decision.
    public var codebookRevision: Int

    public init(
        finished: Bool, codes: [String: AppliedCode] = [:], memo: String? = nil, updated: String, codebookRevision: Int
    ) {
        self.finished = finished
        self.codes = codes
        self.memo = memo
        self.updated = updated
        self.codebookRevision = codebookRevision
    }

    /// Applied code ids in a stable order.
    public var codeIDs: [String] { codes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
}

/// A code as applied to an excerpt.
public struct AppliedCode: Sendable, Equatable {
    /// Empty means the whole excerpt.
    public var spans: [TextSpan]
    public var memo: String?

    public init(spans: [TextSpan] = [], memo: String? = nil) {
        self.spans = spans
        self.memo = memo
    }
}

/// A half-open range [start, end) of Unicode scalar offsets into an excerpt's text, as REFI-QDA counts them.
public struct TextSpan: Sendable, Equatable, Hashable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension TextSpan {
    /// Sorted spans with overlapping and touching ones joined.
    static func merged(_ spans: [TextSpan]) -> [TextSpan] {
        var result: [TextSpan] = []
        for span in spans.sorted() {
            if let last = result.last, span.start <= last.end {
                result[result.count - 1].end = max(last.end, span.end)
            } else {
                result.append(span)
            }
        }
        return result
    }
}
