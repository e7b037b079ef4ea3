/// The words and sentences of an excerpt as Unicode-scalar ranges, for selecting a span from the keyboard.
public struct ExcerptWords: Sendable, Equatable {
    /// Runs of non-space scalars, in order.
    public let words: [Range<Int>]
    /// For each word, the index of the sentence it belongs to.
    public let sentenceOfWord: [Int]

    public init(_ text: String) {
        var words: [Range<Int>] = []
        var sentences: [Int] = []
        var sentence = 0
        var start: Int?
        var offset = 0
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if let begin = start {
                    words.append(begin..<offset)
                    sentences.append(sentence)
                    if ExcerptWords.endsSentence(previous) { sentence += 1 }
                    start = nil
                }
            } else if start == nil {
                start = offset
            }
            previous = scalar
            offset += 1
        }
        if let begin = start {
            words.append(begin..<offset)
            sentences.append(sentence)
        }
        self.words = words
        self.sentenceOfWord = sentences
    }

    /// The words of the sentence holding word `index`.
    public func sentence(containing index: Int) -> ClosedRange<Int>? {
        guard words.indices.contains(index) else { return nil }
        let sentence = sentenceOfWord[index]
        let first = sentenceOfWord.firstIndex(of: sentence) ?? index
        let last = sentenceOfWord.lastIndex(of: sentence) ?? index
        return first...last
    }

    /// The first word of the next (`step` 1) or previous (-1) sentence from word `index`.
    public func sentenceStart(from index: Int, step: Int) -> Int {
        guard let current = sentence(containing: index) else { return index }
        if step > 0 { return min(current.upperBound + 1, words.count - 1) }
        if index > current.lowerBound { return current.lowerBound }
        guard current.lowerBound > 0, let previous = sentence(containing: current.lowerBound - 1) else {
            return current.lowerBound
        }
        return previous.lowerBound
    }

    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        ".!?".unicodeScalars.contains(scalar)
    }
}
