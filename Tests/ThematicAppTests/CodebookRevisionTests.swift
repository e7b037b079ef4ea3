import Testing
import ThematicCore

@testable import ThematicApp

/// When git brings in a newer codebook than some of a coder's decisions were made against, the screen says so.
@Suite struct CodebookRevisionTests {
    private func coding(revisions: [Int]) -> Coding {
        var coding = Coding(coder: "tester")
        for (index, revision) in revisions.enumerated() {
            coding.excerpts["R1-\(index + 1)"] = ExcerptCoding(
                finished: true, updated: Fixture.time, codebookRevision: revision)
        }
        return coding
    }

    @Test func olderRevisionsAreNamedWhenTheScreenOpens() {
        let state = Fixture.state(coding: coding(revisions: [1, 3, 2]))
        #expect(
            state.message
                == "The codebook is now at revision 3; some of your codings were made against revision 1, 2 (see `thematic codebook history`)."
        )
    }

    @Test func nothingIsSaidWhenEveryDecisionUsedTheCurrentCodebook() {
        #expect(Fixture.state(coding: coding(revisions: [3, 3])).message == nil)
    }
}
