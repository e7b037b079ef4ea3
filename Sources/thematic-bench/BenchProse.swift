import ThematicCore

/// The fictional prose of generated reviews: sentences of 8-22 words drawn from the generated studies' vocabulary,
/// plus role words a real review uses, for the name check to see.
enum BenchProse {
    static let vocabulary = SyntheticStudy.vocabulary + ["Child", "A", "Mother"]

    /// A paragraph of `words` words, each sentence capitalised and ending with a full stop.
    static func paragraph(words: Int, using random: inout SeededGenerator) -> String {
        var text = ""
        var sentenceLeft = 0
        for index in 0..<words {
            var word = vocabulary[Int.random(in: 0..<vocabulary.count, using: &random)]
            if sentenceLeft == 0 {
                word = word.prefix(1).uppercased() + word.dropFirst()
                sentenceLeft = Int.random(in: 8...22, using: &random)
            }
            sentenceLeft -= 1
            text += word
            if sentenceLeft == 0 || index == words - 1 { text += "." }
            if index < words - 1 { text += " " }
        }
        return text
    }
}
