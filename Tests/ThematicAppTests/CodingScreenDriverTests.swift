import Foundation
import TerminalUI
import Testing
import ThematicCore
import ThematicTestSupport

@testable import ThematicApp

@Suite struct Driver {
    func savedStudy() throws -> Study {
        var study = Fixture.study()
        study.folder = StudyFolder(path: NSTemporaryDirectory() + "thematic-app-" + UUID().uuidString)
        _ = try StudyWriter.save(study)
        return study
    }

    @Test func everyDecisionIsInTheSessionBeforeTheFrameIsDrawn() throws {
        let study = try savedStudy()
        let session = try CodingSession(
            folder: study.folder, coder: "tester", codebook: study.codebook, corpus: study.corpus)
        let terminal = ScriptedTerminal(keys: ["3", "<Enter>", "f", "z"])
        let app = CodingScreenDriver(study: study, session: session, terminal: terminal, clock: { Fixture.time })
        app.run()
        #expect(session.coding.excerpts["R1-1"]?.codeIDs == ["R"])
        #expect(session.coding.excerpts["R1-1"]?.finished == true)
        #expect(session.coding.excerpts["R1-2"]?.codeIDs == ["C1"])
        #expect(terminal.frames.count == 5)
        #expect(terminal.frames.last?.trimmedLines.last?.contains("1/5 finished") == true)
        #expect(terminal.frames.last?.trimmedLines.last?.hasSuffix("saved · ? keys") == true)
        try session.close()
    }

    /// A saved study whose only excerpt is `text`, run as coder `lena` through `keys`; returns the finished app.
    func runOnOneExcerpt(_ text: String, keys: [String], before: (Study) throws -> Void = { _ in }) throws -> (
        CodingScreenDriver, Study
    ) {
        var study = try savedStudy()
        study.corpus = Corpus(reviews: [
            Review(id: "R1", title: "First", excerpts: [Excerpt(id: "R1-1", section: "Findings", text: text)])
        ])
        _ = try StudyWriter.save(study)
        try before(study)
        let session = try CodingSession(
            folder: study.folder, coder: "lena", codebook: study.codebook, corpus: study.corpus)
        let app = CodingScreenDriver(
            study: study, session: session, terminal: ScriptedTerminal(keys: keys), clock: { Fixture.time })
        app.run()
        try session.close()
        return (app, study)
    }

    @Test func allowingAFindingRecordsWhoAndWhyInTheStudyAndRefreshesTheList() throws {
        let (app, study) = try runOnOneExcerpt(
            "Mother rang from 07700 900123, then from 07700 900456.", keys: ["I", "a", "o", "k", "<Enter>"])
        let register = try IdentifierRegister.load(study.folder)
        #expect(register.decisions.count == 1)
        #expect(register.decisions.first?.by == "lena")
        #expect(register.decisions.first?.why == "ok")
        #expect(app.state.overlay?.lines.count == 1, "the allowed finding leaves the list")
        #expect(app.state.message?.hasPrefix("allowed R1-1@17 (phone \"07700 900123\")") == true)
    }

    @Test func redactingAFindingReplacesItInTheCorpusAndOnScreen() throws {
        let (app, study) = try runOnOneExcerpt(
            "Mother rang from 07700 900123 that night.", keys: ["I", "R", "o", "k", "<Enter>"])
        let onDisk = try StudyReader.load(study.folder).study.corpus.excerpt("R1-1")?.text
        #expect(onDisk == "Mother rang from [PHONE] that night.")
        #expect(app.state.corpus.excerpt("R1-1")?.text == onDisk)
        #expect(try IdentifierRegister.load(study.folder).decisions.map(\.why) == ["ok"])
        #expect(app.state.overlay == nil, "no finding is left open")
    }

    @Test func aRedactionThatWouldMoveAnotherCodersSpanIsRefusedAndChangesNothing() throws {
        let text = "Mother rang from 07700 900123 that night."
        let (app, study) = try runOnOneExcerpt(text, keys: ["I", "R", "o", "k", "<Enter>"]) { study in
            let other = try CodingSession(folder: study.folder, coder: "asha")
            try other.record(
                "R1-1",
                ExcerptCoding(
                    finished: true, codes: ["R": AppliedCode(spans: [TextSpan(start: 30, end: 40)])],
                    updated: Fixture.time, codebookRevision: 3))
            try other.close()
        }
        #expect(app.state.message?.hasPrefix("not redacted: cannot redact R1-1@17") == true)
        #expect(try StudyReader.load(study.folder).study.corpus.excerpt("R1-1")?.text == text)
    }

    @Test func quittingEndsTheLoopWithoutAnotherFrame() throws {
        let study = try savedStudy()
        let session = try CodingSession(
            folder: study.folder, coder: "tester", codebook: study.codebook, corpus: study.corpus)
        let terminal = ScriptedTerminal(keys: ["q", "f"])
        CodingScreenDriver(study: study, session: session, terminal: terminal).run()
        #expect(terminal.frames.count == 1)
        #expect(terminal.events.count == 1)
        try session.close()
    }
}
