/// Finds excerpts by id for a reader going through a file in id order, as a coder's snapshot lists them: that is
/// nearly always the corpus's own order, so the excerpt after the last one found is tried before the corpus's index,
/// whose table (several hundred thousand ids in a large study) is far larger than the processor's caches, so that
/// each look-up in it waits for memory.
struct CorpusWalk {
    let corpus: Corpus
    /// Only when no id is used twice is the excerpt that matches an id the one the index names.
    private let mayGuess: Bool
    private var last: Corpus.ExcerptPosition?

    init(_ corpus: Corpus) {
        self.corpus = corpus
        mayGuess = corpus.excerptIDsAreDistinct
    }

    /// The place of the excerpt with this id, as `corpus.positions` has it; nil when no excerpt has it.
    mutating func position(of id: String) -> Corpus.ExcerptPosition? {
        if mayGuess, let next = following(last), corpus.excerpt(at: next).id == id {
            last = next
            return next
        }
        let found = corpus.positions[id]
        if found != nil { last = found }
        return found
    }

    /// The place after `place` in reading order, if there is one.
    private func following(_ place: Corpus.ExcerptPosition?) -> Corpus.ExcerptPosition? {
        guard var place else { return nil }
        place.excerpt += 1
        while place.excerpt == corpus.reviews[place.review].excerpts.count {
            place.review += 1
            place.excerpt = 0
            if place.review == corpus.reviews.count { return nil }
        }
        return place
    }
}
