import TerminalUI

/// Where each pane of the coding screen goes for a terminal size, the status line always at the bottom.
/// - 120 columns and wider (`threePanes`): the excerpt list left, the text in the centre kept 60 to 80 columns wide
///   inside its frame, and the codebook tree right, over the definition panel, taking what is left, so it widens
///   with the terminal.
/// - 60 to 119 columns (`twoPanes`): the text left, the codes column right; the excerpt list takes the codes column
///   while it has the focus, and the applied codes come before the text so a long excerpt does not push them out of
///   view.
/// - Smaller, or under 16 rows (`textOnly`): only the text and the status line. Down to nothing at all: every rect
///   is simply empty.
/// In two and three panes the recent codes' row (F1 to F9) sits over the status line. A banner (the codebook-revision
/// notice) takes `bannerRows` full-width rows above them.
public struct CodingLayout: Equatable, Sendable {
    public enum Arrangement: Equatable, Sendable { case threePanes, twoPanes, textOnly }

    public var arrangement: Arrangement
    public var list: Rect
    public var text: Rect
    public var tree: Rect
    public var definition: Rect
    /// The codebook-revision notice, full width.
    public var banner: Rect
    /// The codes F1 to F9 apply; empty in the compact layout, where the keys still work.
    public var recent: Rect
    public var status: Rect

    public static let minimumFull = Size(rows: 16, columns: 60)
    public static let minimumThreePanes = 120
    /// The text pane's width inside its frame in three panes: lines of 60 to 80 columns read best.
    public static let readableText = 60...80

    public init(size: Size, bannerRows: Int = 0) {
        let whole = Rect(size: size)
        let empty = Rect(row: 0, column: 0, rows: 0, columns: 0)
        let isFull = size.rows >= CodingLayout.minimumFull.rows && size.columns >= CodingLayout.minimumFull.columns
        let bands = whole.splitRows([.rest(), .fixed(bannerRows), .fixed(isFull ? 1 : 0), .fixed(1)])
        banner = bands[1]
        recent = isFull ? bands[2] : empty
        status = bands[3]
        let main = bands[0]
        guard isFull else {
            arrangement = .textOnly
            (list, text, tree, definition) = (empty, main, empty, empty)
            return
        }
        let codesColumn: Rect
        if size.columns >= CodingLayout.minimumThreePanes {
            arrangement = .threePanes
            // Wide enough for "Excerpts (100000)" in the list's frame.
            let listWidth = min(max(size.columns * 18 / 100, 21), 30)
            let framed = CodingLayout.readableText.lowerBound + 2...CodingLayout.readableText.upperBound + 2
            let textWidth = min(max((size.columns - listWidth) / 2, framed.lowerBound), framed.upperBound)
            let columns = main.splitColumns([.fixed(listWidth), .fixed(textWidth), .rest()])
            list = columns[0]
            text = columns[1]
            codesColumn = columns[2]
        } else {
            arrangement = .twoPanes
            let columns = main.splitColumns([.percent(60), .rest()])
            text = columns[0]
            codesColumn = columns[1]
            list = codesColumn
        }
        let right = codesColumn.splitRows([.percent(55), .rest()])
        tree = right[0]
        definition = right[1]
    }

    public var isCompact: Bool { arrangement == .textOnly }
    /// The excerpt list is drawn in the codes column while it has the focus (two panes).
    public var listSharesCodesColumn: Bool { arrangement == .twoPanes }
    /// The applied codes come before the excerpt's text, where a long excerpt cannot push them out of view.
    public var appliedCodesFirst: Bool { arrangement != .threePanes }
    /// The insides of the framed panes.
    public var listBody: Rect { list.inset(by: 1) }
    public var treeBody: Rect { tree.inset(by: 1) }
    public var definitionBody: Rect { definition.inset(by: 1) }
    public var textBody: Rect { text.rows >= 3 && text.columns >= 3 ? text.inset(by: 1) : text }
}
