import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// A review of 100,000 excerpts opens and answers the coder's keys. Nothing on the way (opening, drawing, moving,
/// coding, finishing) may walk the corpus once per excerpt per excerpt: a quadratic step would not finish here.
/// `Tests/scripts/measure-large-review.sh` times the real screen on a million excerpts.
@Suite struct LargeReviewTests {
    static func state(excerpts count: Int) -> CodingScreenState {
        let excerpts = (1...count).map {
            Excerpt(id: "B-\($0)", section: "S\($0 / 1000 + 1)", text: "Excerpt \($0): the visitor made a referral.")
        }
        var study = Fixture.study()
        study.corpus = Corpus(reviews: [Review(id: "B", title: "A large review", excerpts: excerpts)])
        return CodingScreenState(study: study, coding: Coding(coder: "tester"), size: Size(rows: 30, columns: 120))
    }

    @Test func aReviewOfAHundredThousandExcerptsOpensMovesCodesAndFinishes() {
        var state = Self.state(excerpts: 100_000)
        #expect(state.screenText.contains("Excerpts (100000)"))
        state.press("j")
        state.press("1", "<Enter>")
        state.press("f")
        #expect(state.decisions["B-2"]?.codes.keys.sorted() == ["C1"])
        #expect(state.decisions["B-2"]?.finished == true)
        #expect(state.finishedCount == 1)
        #expect(state.screenText.contains("B · S1 · 3 of 100000 · B-3"))
    }
}
