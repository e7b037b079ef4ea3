import ThematicCore
import TerminalUI

/// Runs the codebook screen: reads an event, updates the state, applies each change through `CodebookEditor` (the
/// same checks, coder locks, durable writes and history as the command line), reads the study again when the change
/// rewrote codings, then draws.
/// It holds no coder's lock while waiting for a key: only a merge or split takes them, for as long as it writes.
public final class CodebookApp {
    public private(set) var state: CodebookScreenState
    private let terminal: Terminal
    private let clock: () -> String
    /// Changes applied since the screen opened.
    public private(set) var changesApplied = 0

    /// Reads the whole study (every coder's codings, for usage counts and splits) and refuses an editor the study
    /// does not let edit its codebook, exactly as the command line does.
    public static func load(_ folder: StudyFolder, editor: String) throws -> Study {
        let study = try StudyReader.load(folder).study
        if let refusal = CodebookGuard.refusal(editor: editor, coders: study.coders, settings: study.manifest.settings) {
            throw CodebookEditError(refusal)
        }
        return study
    }

    public init(study: Study, editor: String, terminal: Terminal, clock: @escaping () -> String = Timestamp.now) {
        state = CodebookScreenState(study: study, editor: editor, size: terminal.size)
        self.terminal = terminal
        self.clock = clock
    }

    public func draw() {
        terminal.draw(CodebookScreenView.render(state))
    }

    /// Handles one event and draws the result; false when the screen should close.
    @discardableResult
    public func handle(_ event: TerminalEvent) -> Bool {
        guard case .key(let key) = event else { return false }
        let editorName = state.editor
        for effect in state.handle(key, at: clock()) {
            switch effect {
            case .quit:
                return false
            case .apply(let edit, let note):
                applyChange { editor, time in try editor.apply(edit, by: editorName, note: note, at: time) }
            case .split(let code, let parts, let assignment, let note):
                applyChange { editor, time in try editor.split(code, into: parts, assignment: assignment, by: editorName, note: note, at: time) }
            }
        }
        draw()
        return true
    }

    /// Applies one change, then shows the study as it is on disk now, with the outcome or the editor's refusal.
    private func applyChange(_ change: (CodebookEditor, String) throws -> CodebookEditor.Outcome) {
        let folder = state.study.folder
        let outcome: CodebookEditor.Outcome
        do {
            outcome = try change(CodebookEditor(folder: folder), clock())
        } catch {
            state.refused(Self.words(error), study: try? StudyReader.load(folder).study)
            return
        }
        changesApplied += 1
        // A change that rewrote no coding left every file but codebook.json as it was, and the outcome holds that
        // codebook: reading the whole study again would only repeat the editor's work.
        guard !outcome.rewritten.isEmpty else {
            var study = state.study
            study.codebook = outcome.codebook
            state.applied(outcome.change, study: study)
            return
        }
        do {
            state.applied(outcome.change, study: try StudyReader.load(folder).study)
        } catch {
            state.appliedButUnreadable(outcome.change, reason: Self.words(error))
        }
    }

    /// An error as the lead reads it: the editor's own sentence, or each problem of a study that does not load.
    static func words(_ error: any Error) -> String {
        if let problems = (error as? StudyLoadError)?.problems {
            return "the study has errors, nothing was changed: " + problems.map(\.description).joined(separator: "; ")
        }
        return "\(error)"
    }

    /// Draws the first frame, then handles events until the lead quits or a signal arrives.
    public func run() {
        ScreenLoop.run(on: terminal, draw: draw, handle: { handle($0) })
    }
}
