import TerminalUI

/// Where a key binding of the codebook screen applies.
public enum CodebookKeyContext: String, KeyContextKind {
    case anywhere = "Anywhere but while typing"
    case moving = "Moving in the tree"
    case tree = "Changing the codebook"
    case picking = "Choosing a code (the new parent of a move, the target of a merge)"
    case fields = "Choosing the field to edit"
    case split = "Splitting a code, one excerpt at a time"
    case prompt = "Typing a value or a note"
    case history = "History"

    public var lookup: [CodebookKeyContext] {
        switch self {
        case .tree, .picking: [self, .moving, .anywhere]
        case .prompt: [self]
        default: [self, .anywhere]
        }
    }
}

/// Everything the codebook screen can do from the keyboard.
public enum CodebookAction: Hashable, Sendable {
    case down, up, collapse, expand, first, last, pageDown, pageUp
    case quit, help, history
    case addCode, addCategory, edit, rename, move, reorderDown, reorderUp, merge, split, retire, undo
    case choose, chooseTopLevel, cancel
    case chooseField
    case togglePart, nextExcerpt, previousExcerpt, nextUnassigned, scrollDown, scrollUp, applySplit, abandonSplit
    case confirm, lineDown, lineUp
    case close
}

/// The codebook screen's key table. Its key handler, its help overlay and the README's key list all read it.
public enum CodebookKeymap {
    public static let table = KeyTable<CodebookKeyContext, CodebookAction>(
        [
            KeyBinding(["?"], .anywhere, .help, "show or hide this help"),
            KeyBinding(["j", "<Down>"], .moving, .down, "next code"),
            KeyBinding(["k", "<Up>"], .moving, .up, "previous code"),
            KeyBinding(["h", "<Left>"], .moving, .collapse, "fold the category (or go to it)"),
            KeyBinding(["l", "<Right>"], .moving, .expand, "unfold the category"),
            KeyBinding(["g"], .moving, .first, "first code"),
            KeyBinding(["G"], .moving, .last, "last code"),
            KeyBinding(["<PgDn>"], .moving, .pageDown, "scroll the detail pane down"),
            KeyBinding(["<PgUp>"], .moving, .pageUp, "scroll the detail pane up"),
            KeyBinding(["q", "C-c"], .tree, .quit, "quit (changes are saved at once); C-c from anywhere"),
            KeyBinding(["a"], .tree, .addCode, "add a code in the cursor's category, after the cursor"),
            KeyBinding(["A"], .tree, .addCategory, "add a category after the cursor's category"),
            KeyBinding(["e"], .tree, .edit, "edit a field of the code: choose the field, then type"),
            KeyBinding(["r"], .tree, .rename, "rename the code (its id, and so every coding, stays)"),
            KeyBinding(["m"], .tree, .move, "move the code (with those under it) under another parent"),
            KeyBinding(["J"], .tree, .reorderDown, "move the code down among its siblings"),
            KeyBinding(["K"], .tree, .reorderUp, "move the code up among its siblings"),
            KeyBinding(["M"], .tree, .merge, "merge into another code: all its codings move to it"),
            KeyBinding(["S"], .tree, .split, "split: name the parts, then give each excerpt its parts"),
            KeyBinding(["R"], .tree, .retire, "retire the code (kept for history, no longer offered)"),
            KeyBinding(["u"], .tree, .undo, "undo the latest change not yet undone"),
            KeyBinding(["H"], .tree, .history, "show the whole codebook's history"),
            KeyBinding(["<Enter>"], .picking, .choose, "choose the code under the cursor"),
            KeyBinding(["t"], .picking, .chooseTopLevel, "move to the top level"),
            KeyBinding(["<Esc>"], .picking, .cancel, "cancel"),
            KeyBinding(
                ["1", "2", "3", "4", "5", "6", "7", "8"], .fields, .chooseField, "edit that field", label: "1-8"),
            KeyBinding(["<Esc>"], .fields, .cancel, "cancel"),
            KeyBinding(
                ["1", "2", "3", "4", "5", "6", "7", "8", "9"], .split, .togglePart,
                "give this excerpt that part, or take it away", label: "1-9"),
            KeyBinding(["n", "<Right>"], .split, .nextExcerpt, "next excerpt"),
            KeyBinding(["p", "<Left>"], .split, .previousExcerpt, "previous excerpt"),
            KeyBinding(["]"], .split, .nextUnassigned, "next excerpt with no part yet"),
            KeyBinding(["j", "<Down>"], .split, .scrollDown, "scroll the excerpt down"),
            KeyBinding(["k", "<Up>"], .split, .scrollUp, "scroll the excerpt up"),
            KeyBinding(["<Enter>"], .split, .applySplit, "apply the split once every excerpt has a part"),
            KeyBinding(["<Esc>"], .split, .abandonSplit, "abandon the split; nothing is written"),
            KeyBinding(["<Enter>"], .prompt, .confirm, "confirm (an empty note is allowed)"),
            KeyBinding(["<Esc>"], .prompt, .cancel, "cancel; nothing is changed"),
            KeyBinding(["<Down>"], .prompt, .lineDown, "a long field: the cursor a line down"),
            KeyBinding(["<Up>"], .prompt, .lineUp, "a long field: the cursor a line up"),
            KeyBinding(["j", "<Down>"], .history, .down, "scroll down"),
            KeyBinding(["k", "<Up>"], .history, .up, "scroll up"),
            KeyBinding(["<PgDn>", "<Space>"], .history, .pageDown, "scroll down a page"),
            KeyBinding(["<PgUp>"], .history, .pageUp, "scroll up a page"),
            KeyBinding(["<Esc>", "q", "H"], .history, .close, "close the history"),
        ], footnote: "Every change asks why, then is saved at once.")
}
