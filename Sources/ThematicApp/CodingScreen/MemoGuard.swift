import TerminalUI
import ThematicCore

/// A memo being typed is never lost by a key: Esc or Ctrl-C on a changed memo asks whether to save it first.
extension CodingScreenState {
    /// The open memo's text as it is on disk ("" for none).
    var savedMemo: String {
        switch prompt {
        case .excerptMemo: currentDecision?.memo ?? ""
        case .codingMemo(let id): currentDecision?.codes[id]?.memo ?? ""
        default: ""
        }
    }

    /// Whether a memo is open and its text differs from the one on disk (spaces around it aside, as saving drops
    /// them).
    var memoChanged: Bool { prompt?.isMemo == true && field.text.trimmed != savedMemo.trimmed }

    /// Answers the memo question while it is asked, and asks it when Ctrl-C would quit with a changed memo open.
    /// Ctrl-C while it is asked saves the memo and quits: a second Ctrl-C means "get me out", never "lose my text".
    /// Nil when the key is for the usual handling.
    mutating func keepOpenMemo(_ key: Key, at time: String) -> [CodingEffect]? {
        guard let kind = prompt, kind.isMemo else { return nil }
        guard let question = memoQuestion else {
            guard key == .ctrl("c"), memoChanged else { return nil }
            memoQuestion = .quitting
            return []
        }
        if key == .ctrl("c") { return closeMemo(kind, saving: true, at: time) + [.quit] }
        if case .resize = key { return nil }
        switch CodingKeymap.table.action(for: key, in: .memoQuestion) {
        case .saveMemo: return closeMemo(kind, saving: true, at: time) + (question == .quitting ? [.quit] : [])
        case .discardMemo:
            let effects = closeMemo(kind, saving: false, at: time)
            message = "the memo's changes are discarded"
            return effects + (question == .quitting ? [.quit] : [])
        case .keepEditing: memoQuestion = nil
        default: message = "\(key.notation) does nothing here; y saves the memo, n discards it, Esc keeps editing"
        }
        return []
    }

    private mutating func closeMemo(_ kind: Prompt, saving: Bool, at time: String) -> [CodingEffect] {
        memoQuestion = nil
        prompt = nil
        return saving ? confirm(kind, text: field.text, at: time) : []
    }

    /// The status line under an open memo: its keys, or the question being asked.
    var memoStatus: String {
        switch memoQuestion {
        case .leaving: "The memo has changed. Save it? y saves · n discards the changes · Esc keeps editing"
        case .quitting: "Quit with the memo unsaved? y saves it and quits · n quits without it · Esc keeps editing"
        case nil:
            (message.map { $0 + " · " } ?? "")
                + "Enter saves the memo (it wraps as you type) · Esc closes it · Up/Down move a line"
        }
    }
}
