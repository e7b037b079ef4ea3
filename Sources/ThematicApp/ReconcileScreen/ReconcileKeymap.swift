import TerminalUI

/// Where a reconcile-screen key applies: walking the queue, or one of the steps of a decision.
public enum ReconcileContext: String, KeyContextKind {
    case queue = "Walking the queue"
    case picker = "Choosing the codes yourself (e)"
    case note = "Typing the note"
    case confirm = "Replacing a current decision"

    /// Each step of a decision hears only its own keys, so typed letters are text there.
    public var lookup: [ReconcileContext] { [self] }
}

/// Everything the reconcile screen can do from the keyboard.
public enum ReconcileAction: Hashable, Sendable {
    case quit, help
    case next, previous, nextToDecide, previousToDecide, first, last
    case scrollDown, scrollUp, pageDown, pageUp, nextCode, previousCode
    case acceptCoder, union, intersection, edit
    case showToDecide, showStale, showAll, showAgreement
    case pickerDown, pickerUp, pickerToggle, pickerConfirm, pickerCancel
    case noteConfirm, noteCancel
    case replaceYes, replaceNo
}

/// The reconcile screen's key table. Its key handler, its help overlay and the README's key list all read it.
public enum ReconcileKeymap {
    public static let table = KeyTable<ReconcileContext, ReconcileAction>(
        [
            KeyBinding(["?"], .queue, .help, "show or hide this help"),
            KeyBinding(["q", "C-c"], .queue, .quit, "quit (every decision is already in consensus.json)"),
            KeyBinding(["j", "<Down>", "n"], .queue, .next, "next excerpt in the list"),
            KeyBinding(["k", "<Up>", "p"], .queue, .previous, "previous excerpt in the list"),
            KeyBinding(["]"], .queue, .nextToDecide, "next excerpt still to decide (undecided or stale)"),
            KeyBinding(["["], .queue, .previousToDecide, "previous excerpt still to decide"),
            KeyBinding(["g", "<Home>"], .queue, .first, "first excerpt in the list"),
            KeyBinding(["G", "<End>"], .queue, .last, "last excerpt in the list"),
            KeyBinding(["J"], .queue, .scrollDown, "scroll the excerpt, codes and definitions down a line"),
            KeyBinding(["K"], .queue, .scrollUp, "scroll them up a line"),
            KeyBinding(["<PgDn>", "<Space>"], .queue, .pageDown, "scroll them down a page"),
            KeyBinding(["<PgUp>"], .queue, .pageUp, "scroll them up a page"),
            KeyBinding(["<Tab>"], .queue, .nextCode, "highlight the next code's spans in the text and its definition"),
            KeyBinding(["<S-Tab>"], .queue, .previousCode, "highlight the previous code's"),
            KeyBinding(
                ["1", "2", "3", "4", "5", "6", "7", "8", "9"], .queue, .acceptCoder,
                "accept the codes of the coder in that column, then write a note", label: "1-9"),
            KeyBinding(["u"], .queue, .union, "take the union: every code any coder applied, then write a note"),
            KeyBinding(
                ["i"], .queue, .intersection, "take the intersection: the codes every coder applied, then write a note"),
            KeyBinding(
                ["e"], .queue, .edit, "choose the codes yourself (from the decision, or the union), then write a note"),
            KeyBinding(["w"], .queue, .showToDecide, "list only excerpts still to decide"),
            KeyBinding(["s"], .queue, .showStale, "list only stale decisions (a coder changed their codes since)"),
            KeyBinding(["a"], .queue, .showAll, "list every excerpt"),
            KeyBinding(
                ["A"], .queue, .showAgreement,
                "show the agreement table for these coders: Enter on a code lists its disagreements, Enter on one reconciles it; q or Esc on the table comes back"
            ),
            KeyBinding(["<Down>", "C-n"], .picker, .pickerDown, "next code"),
            KeyBinding(["<Up>", "C-p"], .picker, .pickerUp, "previous code"),
            KeyBinding(["<Space>"], .picker, .pickerToggle, "take or drop the code under the cursor"),
            KeyBinding(["<Enter>"], .picker, .pickerConfirm, "done: go on to the note"),
            KeyBinding(["<Esc>"], .picker, .pickerCancel, "cancel the decision"),
            KeyBinding(["<Enter>"], .note, .noteConfirm, "record the decision with the note (an empty note is fine)"),
            KeyBinding(["<Esc>"], .note, .noteCancel, "cancel the decision; nothing is recorded"),
            KeyBinding(["y"], .confirm, .replaceYes, "yes, replace it (then the choice goes on as usual)"),
            KeyBinding(["n", "<Esc>"], .confirm, .replaceNo, "no, keep the current decision"),
        ],
        footnote:
            "While choosing codes, typing filters the codebook by id, name and definitions; an exact id puts the cursor on that code."
    )
}
