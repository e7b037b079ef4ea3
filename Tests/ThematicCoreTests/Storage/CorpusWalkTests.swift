import Testing

@testable import ThematicCore

/// A reader going through a snapshot in id order finds each excerpt with a `CorpusWalk`, which tries the excerpt after
/// the last one found before the corpus's index: whatever the order it is asked in, it must answer as the index does.
@Suite struct CorpusWalkTests {
    private static func review(_ id: String, _ excerptIDs: [String]) -> Review {
        Review(id: id, title: id, excerpts: excerptIDs.map { Excerpt(id: $0, section: "", text: "text of \($0)") })
    }

    private static let corpus = Corpus(reviews: [
        review("R1", ["R1-1", "R1-2", "R1-3"]), review("R2", ["R2-1"]), review("R3", ["R3-1", "R3-2"]),
    ])

    static let orders: [[String]] = [
        ["R1-1", "R1-2", "R1-3", "R2-1", "R3-1", "R3-2"],
        ["R1-2", "R2-1", "R3-2"],
        ["R3-2", "R3-1", "R2-1", "R1-3", "R1-2", "R1-1"],
        ["R1-3", "R9-9", "R2-1", "R2-2", "R3-1", "R1-1"],
    ]

    @Test(arguments: orders)
    func findsEveryExcerptWhereTheIndexHasIt(ids: [String]) {
        var walk = CorpusWalk(Self.corpus)
        for id in ids {
            #expect(walk.position(of: id) == Self.corpus.positions[id], "\(id)")
        }
    }

    /// The excerpt after R1-2 is R2's first, which has R1-1's id; the index names R1's, the first place.
    @Test func anIdUsedTwiceIsFoundAtItsFirstPlaceAsTheIndexHasIt() {
        let corpus = Corpus(reviews: [Self.review("R1", ["R1-1", "R1-2"]), Self.review("R2", ["R1-1"])])
        #expect(!corpus.excerptIDsAreDistinct)
        var walk = CorpusWalk(corpus)
        #expect(walk.position(of: "R1-2") == Corpus.ExcerptPosition(review: 0, excerpt: 1))
        #expect(walk.position(of: "R1-1") == Corpus.ExcerptPosition(review: 0, excerpt: 0))
    }
}
