import Foundation
import TerminalUI
import ThematicCore
import ThematicTestSupport

@testable import ThematicApp

/// A small study on disk for the codebook screen: the coding screen's codebook and corpus, three coders and a
/// consensus, arranged so that every operation has something to move:
/// - C1 is applied by asha (narrowed to a span), ben, cara and the consensus, on three excerpts;
/// - on R1-2 asha and the consensus applied both C1 and C2, so a merge of C2 into C1 must not duplicate;
/// - R is applied once, C3 is retired, and nobody applied C2 on its own except ben on R1-1.
enum CodebookFixture {
    static func record(_ codes: [String: AppliedCode], finished: Bool = true) -> ExcerptCoding {
        ExcerptCoding(finished: finished, codes: codes, updated: Fixture.time, codebookRevision: 3)
    }

    static func study(settings: StudySettings = StudySettings()) -> Study {
        var study = Fixture.study()
        study.folder = StudyFolder(path: NSTemporaryDirectory() + "thematic-codebook-screen-" + UUID().uuidString)
        study.manifest.settings = settings
        study.codebook.history = [CodebookChange(revision: 3, at: Fixture.time, by: "thematic", action: .create)]
        study.codings = [
            "asha": Coding(
                coder: "asha",
                excerpts: [
                    "R1-1": record(["C1": AppliedCode(spans: [TextSpan(start: 4, end: 10)], memo: "the move")]),
                    "R1-2": record(["C1": AppliedCode(), "C2": AppliedCode()]),
                    "R2-1": record(["R": AppliedCode()]),
                    "R2-2": record([:]),
                ]),
            "ben": Coding(
                coder: "ben",
                excerpts: [
                    "R1-1": record(["C2": AppliedCode()]),
                    "R1-2": record(["C1": AppliedCode()]),
                    "R2-1": record(["C1": AppliedCode()], finished: false),
                ]),
            "cara": Coding(coder: "cara", excerpts: ["R1-1": record(["C1": AppliedCode()])]),
        ]
        study.consensus = Consensus(excerpts: [
            "R1-2": ConsensusDecision(
                codes: ["C1": AppliedCode(), "C2": AppliedCode()], basis: .union, comparedCoders: ["asha", "ben"],
                coderCodes: ["asha": ["C1", "C2"], "ben": ["C1"]], lead: "lena", at: Fixture.time, codebookRevision: 3)
        ])
        return study
    }

    /// The study written to a new temporary folder and read back as the screen reads it.
    static func saved(settings: StudySettings = StudySettings()) throws -> Study {
        let study = study(settings: settings)
        _ = try StudyWriter.save(study)
        return try StudyReader.load(study.folder).study
    }
}

/// The codebook screen's driver on a saved copy of the fixture, pressed key by key as a lead would.
final class CodebookDriver {
    let folder: StudyFolder
    let terminal: ScriptedTerminal
    let app: CodebookScreenDriver

    init(editor: String = "lena", rows: Int = 30, columns: Int = 100, settings: StudySettings = StudySettings()) throws
    {
        let study = try CodebookFixture.saved(settings: settings)
        folder = study.folder
        terminal = ScriptedTerminal(keys: [])
        terminal.size = Size(rows: rows, columns: columns)
        app = CodebookScreenDriver(
            study: try CodebookEffects.load(folder, editor: editor), editor: editor, terminal: terminal,
            clock: { Fixture.time })
    }

    deinit { try? FileManager.default.removeItem(atPath: folder.path) }

    var state: CodebookScreenState { app.state }

    @discardableResult
    func press(_ notations: String...) -> Bool { notations.map { app.press($0) }.allSatisfy { $0 } }

    func type(_ text: String) { app.type(text) }

    /// Puts the cursor on a code by moving down from the top, as a lead would.
    func goTo(_ id: String) {
        press("g")
        while state.cursor != id {
            let before = state.cursor
            press("j")
            guard state.cursor != before else { fatalError("no row \(id)") }
        }
    }

    func onDisk() throws -> Study { try StudyReader.load(folder).study }

    var checksClean: Bool { StudyReader.read(folder).errors.isEmpty }

    /// Every file of the study, bytes by path (lock files aside: a session leaves an empty one behind).
    func files() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            guard !path.hasSuffix(".lock"), let data = FileManager.default.contents(atPath: folder.path + "/" + path)
            else { continue }
            files[path] = data
        }
        return files
    }

    var screenText: String { app.screenText }
}
