import Foundation
import Testing
import TerminalUI
import ThematicCore
@testable import ThematicApp

/// A terminal that hands over scripted keys and keeps the frames it was asked to draw.
final class ScriptedTerminal: Terminal {
    var size = Size(rows: 24, columns: 80)
    var events: [TerminalEvent]
    private(set) var frames: [Screen] = []

    init(keys: [String]) { events = keys.map { .key(Key(notation: $0)!) } }

    func draw(_ screen: Screen) { frames.append(screen) }
    func nextEvent(timeout: Duration) -> TerminalEvent? { events.isEmpty ? .terminate(signal: 15) : events.removeFirst() }
    func stop() {}
}

@Suite struct Driver {
    func savedStudy() throws -> Study {
        var study = Fixture.study()
        study.folder = StudyFolder(path: NSTemporaryDirectory() + "thematic-app-" + UUID().uuidString)
        _ = try StudyWriter.save(study)
        return study
    }

    @Test func everyDecisionIsInTheSessionBeforeTheFrameIsDrawn() throws {
        let study = try savedStudy()
        let session = try CodingSession(folder: study.folder, coder: "tester", codebook: study.codebook, corpus: study.corpus)
        let terminal = ScriptedTerminal(keys: ["3", "<Enter>", "f", "z"])
        let app = CodingApp(study: study, session: session, terminal: terminal, clock: { Fixture.time })
        app.run()
        #expect(session.coding.excerpts["R1-1"]?.codeIDs == ["R"])
        #expect(session.coding.excerpts["R1-1"]?.finished == true)
        #expect(session.coding.excerpts["R1-2"]?.codeIDs == ["C1"])
        #expect(terminal.frames.count == 5)
        #expect(terminal.frames.last?.trimmedLines.last?.contains("1/5 finished") == true)
        #expect(terminal.frames.last?.trimmedLines.last?.hasSuffix("saved · ? keys") == true)
        try session.close()
    }

    @Test func quittingEndsTheLoopWithoutAnotherFrame() throws {
        let study = try savedStudy()
        let session = try CodingSession(folder: study.folder, coder: "tester", codebook: study.codebook, corpus: study.corpus)
        let terminal = ScriptedTerminal(keys: ["q", "f"])
        CodingApp(study: study, session: session, terminal: terminal).run()
        #expect(terminal.frames.count == 1)
        #expect(terminal.events.count == 1)
        try session.close()
    }
}
