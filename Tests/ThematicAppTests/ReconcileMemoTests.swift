import TerminalUI
import Testing
import ThematicCore

@testable import ThematicApp

/// asha's memo on R1-1 and ben's memo on the A1 he applied there, written as coders write them: through a session.
private func folderWithMemos() throws -> StudyFolder {
    let folder = try ReconcileStudy.folder()
    let asha = try CodingSession(folder: folder, coder: "asha")
    try asha.record(
        "R1-1",
        ExcerptCoding(
            finished: true, codes: ["A1": AppliedCode(), "A2": AppliedCode(spans: [TextSpan(start: 0, end: 25)])],
            memo: "moving house is the whole story here", updated: ReconcileStudy.time, codebookRevision: 2))
    try asha.close()
    let ben = try CodingSession(folder: folder, coder: "ben")
    try ben.record(
        "R1-1",
        ExcerptCoding(
            finished: true, codes: ["A1": AppliedCode(memo: "no assessment after either move")],
            updated: ReconcileStudy.time, codebookRevision: 2))
    try ben.close()
    return folder
}

@Suite struct ReconcileMemoDisplay {
    @Test func theDetailShowsEachCodersMemosLabelledWithCoderAndCodeBelowTheCodes() throws {
        let lines = try ReconcileStudy.state(try folderWithMemos(), rows: 60).screenText.split(separator: "\n").map(
            String.init)
        let coders = try #require(lines.firstIndex { $0.contains("── Coders") })
        let memos = try #require(lines.firstIndex { $0.contains("── Memos") })
        let consensus = try #require(lines.firstIndex { $0.contains("── Consensus") })
        #expect(coders < memos && memos < consensus)
        let shown = lines[memos..<consensus].joined(separator: "\n")
        #expect(shown.contains("asha on the excerpt"))
        #expect(shown.contains("  moving house is the whole story here"))
        #expect(shown.contains("ben on A1 Risk not assessed"))
        #expect(shown.contains("  no assessment after either move"))
        #expect(shown.range(of: "asha on")!.lowerBound < shown.range(of: "ben on")!.lowerBound)
    }

    @Test func anExcerptWithoutMemosHasNoMemoSection() throws {
        let text = try ReconcileStudy.state(try ReconcileStudy.folder(), rows: 60).screenText
        #expect(!text.contains("── Memos"))
    }
}
