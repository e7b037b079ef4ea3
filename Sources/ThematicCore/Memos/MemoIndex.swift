/// A memo a coder wrote in the coding screen: on an excerpt (`ExcerptCoding.memo`) or on a code as applied to it
/// (`AppliedCode.memo`).
public struct Memo: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case excerpt
        case coding
    }

    public var kind: Kind
    public var excerptID: String
    public var reviewID: String
    /// The applied code a coding memo is on; nil for an excerpt memo.
    public var codeID: String?
    public var coder: String
    /// The coder's record's `updated` time (ISO 8601 UTC): the memo was written then or earlier.
    public var updated: String
    /// The excerpt's opening words, so a reader knows which passage the memo is about.
    public var firstWords: String
    public var text: String

    public init(
        kind: Kind, excerptID: String, reviewID: String, codeID: String?, coder: String, updated: String,
        firstWords: String, text: String
    ) {
        self.kind = kind
        self.excerptID = excerptID
        self.reviewID = reviewID
        self.codeID = codeID
        self.coder = coder
        self.updated = updated
        self.firstWords = firstWords
        self.text = text
    }
}

/// Every memo in a study, in reading order (review, then excerpt), then by coder, the excerpt memo before the
/// coding memos, coding memos by code id. Reads all coders' files: a lead's tool, not a coder's.
///
/// ```swift
/// let memos = MemoIndex(study: study, filter: MemoIndex.Filter(coder: "amir", search: "bruise")).memos
/// ```
public struct MemoIndex: Sendable {
    /// Which memos to keep; every condition given must hold.
    public struct Filter: Sendable, Equatable {
        public var coder: String?
        /// Coding memos on this code only (excerpt memos have no code, so they are left out).
        public var code: String?
        public var review: String?
        /// Case-insensitive, over the memo text.
        public var search: String?

        public init(coder: String? = nil, code: String? = nil, review: String? = nil, search: String? = nil) {
            self.coder = coder
            self.code = code
            self.review = review
            self.search = search
        }

        public func keeps(_ memo: Memo) -> Bool {
            if let coder, memo.coder != coder { return false }
            if let code, memo.codeID != code { return false }
            if let review, memo.reviewID != review { return false }
            if let search, !search.isEmpty, !memo.text.lowercased().contains(search.lowercased()) { return false }
            return true
        }
    }

    /// How many words of an excerpt a memo line quotes.
    public static let firstWordCount = 8

    public let memos: [Memo]

    public init(study: Study, filter: Filter = Filter()) {
        let codings = study.codings.values.filter { filter.coder == nil || $0.coder == filter.coder }
        self.init(corpus: study.corpus, codings: Array(codings), filter: filter)
    }

    /// The memos of the given codings only (the coding screen passes the coder's own).
    public init(corpus: Corpus, codings: [Coding], filter: Filter = Filter()) {
        let ordered = codings.sorted { $0.coder.utf8.lexicographicallyPrecedes($1.coder.utf8) }
        var memos: [Memo] = []
        for review in corpus.reviews {
            for excerpt in review.excerpts {
                for coding in ordered {
                    guard let decision = coding.excerpts[excerpt.id] else { continue }
                    let opening = Self.firstWords(of: excerpt.text)
                    func memo(_ kind: Memo.Kind, _ code: String?, _ text: String) -> Memo {
                        Memo(
                            kind: kind, excerptID: excerpt.id, reviewID: review.id, codeID: code, coder: coding.coder,
                            updated: decision.updated, firstWords: opening, text: text)
                    }
                    if let text = decision.memo, !text.isEmpty { memos.append(memo(.excerpt, nil, text)) }
                    for id in decision.codeIDs {
                        if let text = decision.codes[id]?.memo, !text.isEmpty { memos.append(memo(.coding, id, text)) }
                    }
                }
            }
        }
        self.memos = memos.filter(filter.keeps)
    }

    /// `The school saw bruises. Nobody made…`: the first `firstWordCount` words, an ellipsis when there are more.
    public static func firstWords(of text: String, count: Int = firstWordCount) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.prefix(count).joined(separator: " ") + (words.count > count ? "…" : "")
    }
}
