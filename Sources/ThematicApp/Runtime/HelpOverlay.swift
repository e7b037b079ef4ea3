import TerminalUI

/// Draws a screen's keys in a dialog over it, from the help's first shown line; nothing while the help is hidden.
enum HelpOverlay {
    static func draw<Context, Action>(_ help: HelpScroll, of table: KeyTable<Context, Action>, on screen: inout Screen)
    {
        guard let offset = help.offset else { return }
        Dialog(title: "Keys (j/k scroll, any other key closes)", lines: Array(table.helpLines.dropFirst(offset))).draw(
            on: &screen)
    }
}
