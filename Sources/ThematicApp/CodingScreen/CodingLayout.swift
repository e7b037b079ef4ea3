import TerminalUI

/// Where each pane of the coding screen goes for a terminal size. At 60x16 and up: the excerpt list left, the
/// text in the centre, the codebook tree right with the definition panel under it, the status line at the bottom.
/// Smaller: only the text and the status line. Down to nothing at all: every rect is simply empty. A banner (the
/// codebook-revision notice) takes `bannerRows` full-width rows just above the status line.
public struct CodingLayout: Equatable, Sendable {
    public var list: Rect
    public var text: Rect
    public var tree: Rect
    public var definition: Rect
    public var banner: Rect
    public var status: Rect

    public static let minimumFull = Size(rows: 16, columns: 60)

    public init(size: Size, bannerRows: Int = 0) {
        let whole = Rect(size: size)
        let bands = whole.splitRows([.rest(), .fixed(bannerRows), .fixed(1)])
        banner = bands[1]
        status = bands[2]
        let main = bands[0]
        if size.rows >= CodingLayout.minimumFull.rows && size.columns >= CodingLayout.minimumFull.columns {
            let columns = main.splitColumns([.percent(24), .rest(), .percent(30)])
            list = columns[0]
            text = columns[1]
            let right = columns[2].splitRows([.percent(55), .rest()])
            tree = right[0]
            definition = right[1]
        } else {
            let empty = Rect(row: 0, column: 0, rows: 0, columns: 0)
            list = empty
            text = main
            tree = empty
            definition = empty
        }
    }

    public var isCompact: Bool { list.isEmpty }
    /// The insides of the framed panes.
    public var listBody: Rect { list.inset(by: 1) }
    public var treeBody: Rect { tree.inset(by: 1) }
    public var textBody: Rect { text.rows >= 3 && text.columns >= 3 ? text.inset(by: 1) : text }
}
