/// Joins a word hyphenated across a line end, keeping hyphens that belong to the word.
///
/// "assess-" + "ment" and "under-" + "standing" become "assessment" and "understanding" (the joined word is an
/// English word); "non-" + "mobile", "re-" + "referral" and "call-" + "out" keep their hyphen (a prefix that takes
/// one, or two words that stand alone while the joined form is no word).
/// A capital after the hyphen ("Anglo-" + "Saxon", "Vasquez-" + "Mbeki") keeps it. A soft hyphen always goes.
struct Hyphenation: Sendable {
    let isEnglishWord: @Sendable (String) -> Bool

    /// Prefixes British usage writes with a hyphen even where the joined form is also a word ("non-sense" aside).
    static let alwaysHyphenated: Set<String> = ["non", "self", "ex", "cross"]
    /// Prefixes that take a hyphen before a word when the joined form is no word ("re-referral", "co-sleeping").
    static let hyphenatedPrefixes = alwaysHyphenated.union([
        "co", "pre", "post", "anti", "multi", "inter", "well", "semi",
        "sub", "mid", "re", "de", "step", "vice", "over", "under",
    ])

    /// The two lines joined at the hyphen, or nil when `first` does not end in a word hyphenated before `second`.
    func join(_ first: String, _ second: String) -> (text: String, rejoined: Bool)? {
        guard let hyphen = first.last, hyphen == "-" || hyphen == "\u{00AD}" || hyphen == "\u{2010}" else { return nil }
        let head = first.dropLast()
        guard let letterBefore = head.last, letterBefore.isLetter, let firstAfter = second.first, firstAfter.isLetter
        else { return nil }
        if hyphen == "\u{00AD}" { return (head + second, true) }
        let keep = String(head) + "-" + second
        guard firstAfter.isLowercase else { return (keep, false) }
        let headWord = String(head.reversed().prefix { $0.isLetter }.reversed()).lowercased()
        let tailWord = String(second.prefix { $0.isLetter }).lowercased()
        let joined = headWord + tailWord
        if Self.alwaysHyphenated.contains(headWord) && isEnglishWord(tailWord) { return (keep, false) }
        if isEnglishWord(joined) || isEnglishWord(Self.singular(joined)) { return (head + second, true) }
        if Self.hyphenatedPrefixes.contains(headWord)
            && (isEnglishWord(tailWord) || isEnglishWord(Self.singular(tailWord)))
        {
            return (keep, false)
        }
        if isEnglishWord(headWord) && (isEnglishWord(tailWord) || isEnglishWord(Self.singular(tailWord))) {
            return (keep, false)
        }
        return (head + second, true)
    }

    /// A plural or third-person "-s" taken off, for word-list look-ups.
    static func singular(_ word: String) -> String {
        word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }
}
