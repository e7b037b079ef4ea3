import TerminalUI

/// Where a key binding applies: everywhere, or only while one pane has the focus.
public enum CodingKeyContext: String, KeyContextKind {
    case anywhere = "Anywhere"
    case list = "Excerpt list"
    case text = "Excerpt text"
    case codes = "Codebook tree"
    case prompt = "Typing a filter, search or memo"
    case memoQuestion = "Asked before a changed memo is closed (Esc) or the screen quits (C-c)"

    public var lookup: [CodingKeyContext] { self == .prompt || self == .memoQuestion ? [self] : [self, .anywhere] }
}

/// Everything the coding screen can do from the keyboard.
public enum CodingAction: Hashable, Sendable {
    case quit, help, nextPane, previousPane
    case nextExcerpt, previousExcerpt, nextUnfinished, previousUnfinished, firstExcerpt, lastExcerpt
    case nextReview, previousReview, pageDown, pageUp
    case moveDown, moveUp, collapse, expand, definitionDown, definitionUp
    case toggleCode, toggleTypedNumber, filterCodes
    case finish, unfinish, undo, redo
    case search, showUnfinished, showReview, showCode, showAll, toggleListCodes, applyRecent
    case memoOnExcerpt, memoOnCoding
    case showCodeExcerpts, showHeatMap, showFindings, showMemos
    case wordLeft, wordRight, sentenceLeft, sentenceRight, selectFromHere, selectSentence, narrowToSelection, removeSpan
    case typeDigit, clearTyping
    case confirmPrompt, cancelPrompt
    case saveMemo, discardMemo, keepEditing
}

/// The coding screen's key table. Its key handler, its help overlay and the README's key list all read it.
public enum CodingKeymap {
    public static let table = KeyTable<CodingKeyContext, CodingAction>(
        [
            KeyBinding(["?"], .anywhere, .help, "show or hide this help"),
            KeyBinding(["q", "C-c"], .anywhere, .quit, "save and quit (every action is already saved)"),
            KeyBinding(["<Tab>"], .anywhere, .nextPane, "focus the next pane (list, text, codes)"),
            KeyBinding(["<S-Tab>"], .anywhere, .previousPane, "focus the previous pane"),
            KeyBinding(["n"], .anywhere, .nextExcerpt, "next excerpt"),
            KeyBinding(["p"], .anywhere, .previousExcerpt, "previous excerpt"),
            KeyBinding(["]"], .anywhere, .nextUnfinished, "next unfinished excerpt"),
            KeyBinding(["["], .anywhere, .previousUnfinished, "previous unfinished excerpt"),
            KeyBinding(["}"], .anywhere, .nextReview, "first excerpt of the next review"),
            KeyBinding(["{"], .anywhere, .previousReview, "first excerpt of the previous review"),
            KeyBinding(["g"], .anywhere, .firstExcerpt, "first excerpt"),
            KeyBinding(["G"], .anywhere, .lastExcerpt, "last excerpt"),
            KeyBinding(["<PgDn>"], .anywhere, .pageDown, "scroll the excerpt text down a page"),
            KeyBinding(["<PgUp>"], .anywhere, .pageUp, "scroll the excerpt text up a page"),
            KeyBinding(["J"], .anywhere, .definitionDown, "scroll the code's definition down a line"),
            KeyBinding(["K"], .anywhere, .definitionUp, "scroll the code's definition up a line"),
            KeyBinding(
                ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], .anywhere, .typeDigit,
                "type a code's number (shown in the tree)", label: "0-9"),
            KeyBinding(["<Enter>"], .anywhere, .toggleTypedNumber, "apply or remove the code whose number you typed"),
            KeyBinding(["<Esc>"], .anywhere, .clearTyping, "clear the code number typed and drop the selection"),
            KeyBinding(
                ["/"], .anywhere, .filterCodes,
                "find a code by id, name or definition, best match first"),
            KeyBinding(
                ["f"], .anywhere, .finish,
                "mark the excerpt finished (with the codes applied, or none) and go on to the next unfinished one listed"
            ),
            KeyBinding(["F"], .anywhere, .unfinish, "mark the excerpt not finished"),
            KeyBinding(["u"], .anywhere, .undo, "undo the last coding action"),
            KeyBinding(["C-r"], .anywhere, .redo, "redo what was undone"),
            KeyBinding(["s"], .anywhere, .search, "search the text of all excerpts and your memos"),
            KeyBinding(["w"], .anywhere, .showUnfinished, "list only unfinished excerpts"),
            KeyBinding(["r"], .anywhere, .showReview, "list only this review's excerpts"),
            KeyBinding(
                ["c"], .anywhere, .showCode,
                "list only excerpts carrying the code under the tree cursor (or a code under it)"),
            KeyBinding(
                ["C"], .anywhere, .toggleListCodes, "show each excerpt's code ids in the list (again: how many)"),
            KeyBinding(
                ["<F1>", "<F2>", "<F3>", "<F4>", "<F5>", "<F6>", "<F7>", "<F8>", "<F9>"], .anywhere, .applyRecent,
                "apply or remove a recent code (the row above the status line)",
                label: "F1-F9"),
            KeyBinding(["a"], .anywhere, .showAll, "list all excerpts"),
            KeyBinding(
                ["x"], .anywhere, .showCodeExcerpts,
                "show your excerpts carrying the code under the tree cursor (Enter jumps to one)"),
            KeyBinding(
                ["H"], .anywhere, .showHeatMap,
                "show a heat map of your finished excerpts: reviews by top-level category"),
            KeyBinding(
                ["I"], .anywhere, .showFindings,
                "show the anonymisation check's open findings (Enter jumps to one; a allows it, R redacts it, each with a reason)"
            ),
            KeyBinding(["m"], .anywhere, .memoOnExcerpt, "write a memo on the excerpt"),
            KeyBinding(["M"], .anywhere, .memoOnCoding, "write a memo on the applied code under the tree cursor"),
            KeyBinding(["W"], .anywhere, .showMemos, "list the memos you wrote (Enter jumps to one's excerpt)"),
            KeyBinding(["j", "<Down>"], .list, .moveDown, "next excerpt"),
            KeyBinding(["k", "<Up>"], .list, .moveUp, "previous excerpt"),
            KeyBinding(["j", "<Down>"], .text, .moveDown, "scroll down a line"),
            KeyBinding(["k", "<Up>"], .text, .moveUp, "scroll up a line"),
            KeyBinding(["l", "<Right>"], .text, .wordRight, "word cursor to the next word"),
            KeyBinding(["h", "<Left>"], .text, .wordLeft, "word cursor to the previous word"),
            KeyBinding([")"], .text, .sentenceRight, "word cursor to the next sentence"),
            KeyBinding(["("], .text, .sentenceLeft, "word cursor to the previous sentence"),
            KeyBinding(["v"], .text, .selectFromHere, "start a selection at the word cursor (again: drop it)"),
            KeyBinding(["V"], .text, .selectSentence, "select the sentence under the word cursor"),
            KeyBinding(
                ["+"], .text, .narrowToSelection,
                "apply the code under the tree cursor (the code last applied) to the selection only"),
            KeyBinding(
                ["-"], .text, .removeSpan, "remove the span under the word cursor (the last one removes the code)"),
            KeyBinding(["j", "<Down>"], .codes, .moveDown, "next code"),
            KeyBinding(["k", "<Up>"], .codes, .moveUp, "previous code"),
            KeyBinding(["h", "<Left>"], .codes, .collapse, "collapse the category (or go to it)"),
            KeyBinding(["l", "<Right>"], .codes, .expand, "expand the category"),
            KeyBinding(["<Space>", "<Enter>"], .codes, .toggleCode, "apply or remove the code under the cursor"),
            KeyBinding(
                ["<Enter>"], .prompt, .confirmPrompt,
                "confirm (a code filter: apply or remove the code under the cursor; on a category, list its codes; a memo: save it, for a memo wraps as you type and Enter never starts a new line)"
            ),
            KeyBinding(
                ["<Esc>"], .prompt, .cancelPrompt,
                "cancel; in a filter, clear it; a changed memo asks first whether to save it (C-c asks too)"),
            KeyBinding(["<Down>"], .prompt, .moveDown, "code filter: next matching code; memo: the line below"),
            KeyBinding(["<Up>"], .prompt, .moveUp, "code filter: previous matching code; memo: the line above"),
            KeyBinding(["y", "s", "<Enter>"], .memoQuestion, .saveMemo, "save the memo (then quit, after C-c)"),
            KeyBinding(["n", "d"], .memoQuestion, .discardMemo, "discard the memo's changes (then quit, after C-c)"),
            KeyBinding(
                ["<Esc>", "e"], .memoQuestion, .keepEditing, "keep editing the memo (C-c again saves it and quits)"),
        ],
        footnote:
            "Codebook hotkeys that do not clash with these keys apply their code too. With words selected, a code applied by number, hotkey, tree or filter goes onto the selection."
    )

    /// Every key the table uses, so codebook hotkeys that would clash with them are ignored.
    public static let boundKeys: Set<Key> = table.boundKeys
}
