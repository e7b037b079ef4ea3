/// Finds codes from what a coder types, best first: the code whose id it is, then codes whose id or name starts
/// with it, then codes with its words in their name (one after another first), then codes whose definitions hold them, and last codes whose
/// id and name hold its letters in order (so an abbreviation still finds something). Codes of one rank keep the
/// order given (the codebook's).
public enum CodeSearch {
    /// How well a code matches a query, best first.
    public enum Rank: Int, Comparable, Sendable, CaseIterable {
        /// The query is the code's id (`d2` for D2).
        case id
        /// The code's id starts with the query (`f1` for F10).
        case idStart
        /// The code's name starts with the query.
        case nameStart
        /// The query's words start words of the name one after another (`child in` for "No Child in Need meetings").
        case namePhrase
        /// Each word of the query starts a word of the name, in any order (`mob non` for "Bruising to non-mobile").
        case nameWords
        /// Each word of the query is inside the name.
        case nameText
        /// Each word of the query is in the name or the definitions (brief, full, when to use or not, example).
        case definition
        /// The query's letters, in order, in the id and name.
        case letters

        public static func < (left: Rank, right: Rank) -> Bool { left.rawValue < right.rawValue }
    }

    public struct Match: Equatable, Sendable {
        public var code: Code
        public var rank: Rank
    }

    /// The codes matching `query`, best first; none for a blank query.
    public static func ranked(_ codes: [Code], query: String) -> [Match] {
        let query = Query(query)
        guard !query.words.isEmpty else { return [] }
        let matches = codes.enumerated().compactMap { place, code in rank(code, for: query).map { (place, code, $0) } }
        return matches.sorted { ($0.2, $0.0) < ($1.2, $1.0) }.map { Match(code: $0.1, rank: $0.2) }
    }

    /// How well `code` matches `query`; nil when it does not.
    public static func rank(_ code: Code, query: String) -> Rank? {
        let query = Query(query)
        return query.words.isEmpty ? nil : rank(code, for: query)
    }

    private static func rank(_ code: Code, for query: Query) -> Rank? {
        let id = code.id.lowercased(), name = code.name.lowercased()
        if id == query.text { return .id }
        if id.hasPrefix(query.text) { return .idStart }
        if name.hasPrefix(query.text) { return .nameStart }
        let nameWords = words(of: name)
        if startsConsecutiveWords(query.words, of: nameWords) { return .namePhrase }
        if query.words.allSatisfy({ word in nameWords.contains { $0.hasPrefix(word) } }) { return .nameWords }
        if query.words.allSatisfy(name.contains) { return .nameText }
        let definitions = [code.brief, code.full, code.whenToUse, code.whenNotToUse, code.example]
            .compactMap { $0?.lowercased() }.joined(separator: "\n")
        if query.words.allSatisfy({ name.contains($0) || definitions.contains($0) }) { return .definition }
        if lettersInOrder(query.words.joined(), in: id + " " + name) { return .letters }
        return nil
    }

    /// A query as compared: lower case, its words split at white space.
    private struct Query {
        let text: String
        let words: [String]

        init(_ typed: String) {
            words = typed.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
            text = words.joined(separator: " ")
        }
    }

    /// The words of a name: runs of letters and digits ("non-mobile" is two words, "children's" two).
    private static func words(of text: String) -> [Substring] {
        text.split { !$0.isLetter && !$0.isNumber }
    }

    private static func startsConsecutiveWords(_ query: [String], of name: [Substring]) -> Bool {
        let typed = query.flatMap { words(of: $0) }
        guard !typed.isEmpty, typed.count <= name.count else { return false }
        return (0...(name.count - typed.count)).contains { start in
            typed.indices.allSatisfy { name[start + $0].hasPrefix(typed[$0]) }
        }
    }

    private static func lettersInOrder(_ needle: String, in haystack: String) -> Bool {
        var remaining = needle.unicodeScalars.makeIterator()
        var wanted = remaining.next()
        for scalar in haystack.unicodeScalars where scalar == wanted { wanted = remaining.next() }
        return wanted == nil
    }
}
