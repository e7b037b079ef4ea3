import TerminalUI
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
            state.revisionNotice
                == "The codebook is now at revision 3; some of your codings were made against revision 1, 2 (see `thematic codebook history`)."
        )
    }

    @Test func nothingIsSaidWhenEveryDecisionUsedTheCurrentCodebook() {
        #expect(Fixture.state(coding: coding(revisions: [3, 3])).revisionNotice == nil)
    }

    @Test func theNoticeIsWrappedWholeAboveTheStatusLineAndStaysThroughKeysAndResizes() {
        var state = Fixture.state(coding: coding(revisions: [1, 3, 2]), rows: 24, columns: 80)
        func bannerText() -> String {
            let banner = state.layout.banner
            return state.render().lines[banner.row..<banner.row + banner.rows].joined(separator: " ")
                .split(separator: " ").joined(separator: " ")
        }
        #expect(state.revisionBanner.count == 2)
        #expect(bannerText().contains("The codebook is now at revision 3;"))
        #expect(bannerText().contains("(see `thematic codebook history`)."))
        state.press("n", "1", "<Enter>")
        #expect(bannerText().contains("(see `thematic codebook history`)."))
        _ = state.handle(.resize(Size(rows: 20, columns: 60)), at: Fixture.time)
        #expect(state.revisionBanner.count == 3)
        #expect(bannerText().contains("(see `thematic codebook history`)."))
    }
}
