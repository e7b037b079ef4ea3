import TerminalUI

/// Where a key works on the agreement screen: the table, a code's disagreements, the coder checklist, the excerpt
/// dialog, the span view and a code's differing spans, or anywhere.
public enum AgreementKeyContext: String, KeyContextKind {
    case anywhere = "Anywhere"
    case table = "Agreement table"
    case disagreements = "A code's disagreements"
    case coders = "Choosing the coders"
    case excerpt = "An excerpt's text and codes"
    case spans = "Span agreement"
    case spanDifferences = "A code's differing spans"

    public var lookup: [AgreementKeyContext] { [self, .anywhere] }
}

/// Everything the agreement screen can do from the keyboard.
public enum AgreementAction: Hashable, Sendable {
    case help, quit
    case moveDown, moveUp, pageDown, pageUp, first, last
    case sortByNextColumn, sortByPreviousColumn, reverseSort, scrollRight, scrollLeft
    case showDisagreements, chooseCoders
    case toggleSpans, showSpanDifferences
    case openExcerpt, back
    case toggleCoder, compareTicked, cancel
    case close
}

/// The agreement screen's key table. Its key handler, its help overlay and the README's key list all read it.
public enum AgreementKeymap {
    public static let table = KeyTable<AgreementKeyContext, AgreementAction>(
        [
            KeyBinding(["?"], .anywhere, .help, "show or hide this help"),
            KeyBinding(["q", "C-c"], .anywhere, .quit, "quit (this screen writes nothing)"),
            KeyBinding(["j", "<Down>"], .table, .moveDown, "next code"),
            KeyBinding(["k", "<Up>"], .table, .moveUp, "previous code"),
            KeyBinding(["<PgDn>"], .table, .pageDown, "a page of codes down"),
            KeyBinding(["<PgUp>"], .table, .pageUp, "a page of codes up"),
            KeyBinding(["g"], .table, .first, "first code"),
            KeyBinding(["G"], .table, .last, "last code"),
            KeyBinding([">"], .table, .sortByNextColumn, "sort by the next column to the right"),
            KeyBinding(["<lt>"], .table, .sortByPreviousColumn, "sort by the next column to the left"),
            KeyBinding(["s"], .table, .reverseSort, "reverse the sort (n/a stays last)"),
            KeyBinding(
                ["l", "<Right>"], .table, .scrollRight, "show columns further right (when the terminal is narrow)"),
            KeyBinding(["h", "<Left>"], .table, .scrollLeft, "show columns further left"),
            KeyBinding(
                ["<Enter>"], .table, .showDisagreements,
                "list the excerpts the coders disagree on for the selected code"),
            KeyBinding(["c"], .table, .chooseCoders, "choose the coders to compare (two or more)"),
            KeyBinding(
                ["u"], .table, .toggleSpans,
                "span view: agreement on where in each excerpt the coders marked each code (unitized alpha, shared characters)"
            ),
            KeyBinding(["j", "<Down>"], .spans, .moveDown, "next code"),
            KeyBinding(["k", "<Up>"], .spans, .moveUp, "previous code"),
            KeyBinding(["<PgDn>"], .spans, .pageDown, "a page of codes down"),
            KeyBinding(["<PgUp>"], .spans, .pageUp, "a page of codes up"),
            KeyBinding(["g"], .spans, .first, "first code"),
            KeyBinding(["G"], .spans, .last, "last code"),
            KeyBinding(
                ["<Enter>"], .spans, .showSpanDifferences,
                "list the excerpts where the selected code's spans differ most"),
            KeyBinding(["u", "<Esc>"], .spans, .toggleSpans, "back to the excerpt-level figures"),
            KeyBinding(["j", "<Down>"], .spanDifferences, .moveDown, "next excerpt"),
            KeyBinding(["k", "<Up>"], .spanDifferences, .moveUp, "previous excerpt"),
            KeyBinding(["<PgDn>"], .spanDifferences, .pageDown, "scroll the coders' spans down"),
            KeyBinding(["<PgUp>"], .spanDifferences, .pageUp, "scroll the coders' spans up"),
            KeyBinding(["g"], .spanDifferences, .first, "first excerpt"),
            KeyBinding(["G"], .spanDifferences, .last, "last excerpt"),
            KeyBinding(
                ["<Enter>"], .spanDifferences, .openExcerpt,
                "open the excerpt: its whole text and every chosen coder's codes"),
            KeyBinding(["<Esc>", "<BS>"], .spanDifferences, .back, "back to the span view"),
            KeyBinding(["j", "<Down>"], .disagreements, .moveDown, "next excerpt"),
            KeyBinding(["k", "<Up>"], .disagreements, .moveUp, "previous excerpt"),
            KeyBinding(["<PgDn>"], .disagreements, .pageDown, "scroll the excerpt's text down"),
            KeyBinding(["<PgUp>"], .disagreements, .pageUp, "scroll the excerpt's text up"),
            KeyBinding(["g"], .disagreements, .first, "first excerpt"),
            KeyBinding(["G"], .disagreements, .last, "last excerpt"),
            KeyBinding(
                ["<Enter>"], .disagreements, .openExcerpt,
                "open the excerpt: its whole text and every chosen coder's codes"),
            KeyBinding(["<Esc>", "<BS>"], .disagreements, .back, "back to the table"),
            KeyBinding(["j", "<Down>"], .coders, .moveDown, "next coder"),
            KeyBinding(["k", "<Up>"], .coders, .moveUp, "previous coder"),
            KeyBinding(["<Space>"], .coders, .toggleCoder, "tick or untick the coder"),
            KeyBinding(
                ["<Enter>"], .coders, .compareTicked, "compare the ticked coders (two or more) and recompute the table"),
            KeyBinding(["<Esc>"], .coders, .cancel, "keep the coders as they were"),
            KeyBinding(["j", "<Down>"], .excerpt, .moveDown, "scroll down a line"),
            KeyBinding(["k", "<Up>"], .excerpt, .moveUp, "scroll up a line"),
            KeyBinding(["<PgDn>"], .excerpt, .pageDown, "scroll down a page"),
            KeyBinding(["<PgUp>"], .excerpt, .pageUp, "scroll up a page"),
            KeyBinding(["<Esc>", "<Enter>"], .excerpt, .close, "close"),
        ],
        footnote:
            "Kappa, alpha and AC1 are coloured by the reading of alpha (green reliable, yellow and ~ tentative, red and ! unreliable); n/a sorts last either way."
    )
}
