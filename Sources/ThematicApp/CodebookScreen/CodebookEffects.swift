import TerminalUI
import ThematicCore

/// Performs the codebook screen's changes, then shows the study as the change left it on disk.
/// It holds no coder's lock while the screen waits for a key: only a merge or split takes them, for as long as it
/// writes.
public struct CodebookEffects: ScreenEffects {
    /// Changes applied since the screen opened.
    public private(set) var changesApplied = 0

    /// Reads the whole study (every coder's codings, for usage counts and splits) and refuses an editor the study
    /// does not let edit its codebook, exactly as the command line does.
    public static func load(_ folder: StudyFolder, editor: String) throws -> Study {
        let study = try StudyReader.load(folder).study
        if let refusal = CodebookGuard.refusal(editor: editor, coders: study.coders, settings: study.manifest.settings)
        {
            throw CodebookEditError(refusal)
        }
        return study
    }

    public mutating func perform(_ effect: CodebookEffect, on state: inout CodebookScreenState, at time: String) -> Bool
    {
        let editorName = state.editor
        switch effect {
        case .quit:
            return false
        case .apply(let edit, let note):
            applyChange(on: &state, at: time) { editor in try editor.apply(edit, by: editorName, note: note, at: time) }
        case .split(let code, let parts, let assignment, let note):
            applyChange(on: &state, at: time) { editor in
                try editor.split(code, into: parts, assignment: assignment, by: editorName, note: note, at: time)
            }
        }
        return true
    }

    /// Applies one change, then shows the study as it is on disk now, with the outcome or the editor's refusal.
    private mutating func applyChange(
        on state: inout CodebookScreenState, at time: String,
        _ change: (CodebookEditor) throws -> CodebookEditor.Outcome
    ) {
        let folder = state.study.folder
        let outcome: CodebookEditor.Outcome
        do {
            outcome = try change(CodebookEditor(folder: folder))
        } catch {
            do {
                state.refused(Self.words(error), study: try StudyReader.load(folder).study)
            } catch let unreadable {
                state.refused(
                    Self.words(error) + "; and the study could not be read again: " + Self.words(unreadable),
                    study: nil)
            }
            return
        }
        changesApplied += 1
        // The outcome holds the codebook written and, when the change rewrote codings, every coder's codings and the
        // consensus as written: reading the whole study again would only repeat the editor's work.
        var study = state.study
        study.codebook = outcome.codebook
        if let written = outcome.codingsWritten {
            study.codings = written.coders
            study.consensus = written.consensus
        }
        state.applied(outcome.change, study: study)
    }

    /// An error as the lead reads it: the editor's own sentence, or each problem of a study that does not load.
    static func words(_ error: any Error) -> String {
        if let problems = (error as? StudyLoadError)?.problems {
            return "the study has errors, nothing was changed: " + problems.map(\.description).joined(separator: "; ")
        }
        return "\(error)"
    }
}

/// The codebook screen on the runtime: each change goes through `CodebookEditor` (the same checks, coder locks,
/// durable writes and history as the command line) before the next frame.
public typealias CodebookScreenDriver = ScreenDriver<CodebookScreenState, CodebookEffects>

extension ScreenDriver where Program == CodebookScreenState, Effects == CodebookEffects {
    /// Opens the codebook screen on a study read by `CodebookEffects.load`, for `editor`.
    public convenience init(
        study: Study, editor: String, terminal: Terminal, clock: @escaping () -> String = Timestamp.now
    ) {
        self.init(
            CodebookScreenState(study: study, editor: editor, size: terminal.size), effects: CodebookEffects(),
            terminal: terminal, clock: clock)
    }
}

extension CodebookEffect: QuitEffect {}

extension CodebookScreenState: HelpedScreen {
    public static var keys: KeyTable<CodebookKeyContext, CodebookAction> { CodebookKeymap.table }
    public func render() -> Screen { CodebookScreenView.render(self) }
}
