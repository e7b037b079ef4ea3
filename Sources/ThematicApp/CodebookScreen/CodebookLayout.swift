import TerminalUI

/// Where each pane of the codebook screen goes for a terminal size: the tree left, the detail of the code under
/// the cursor right, the last message (wrapped, when there is one) and the status line at the bottom. Narrower than
/// 60 columns or lower than 8 rows the detail pane gives way to the tree; down to nothing every rect is empty.
public struct CodebookLayout: Equatable, Sendable {
    /// The area the tree and detail share; the split screen uses it whole.
    public var main: Rect
    public var tree: Rect
    public var detail: Rect
    public var message: Rect
    public var status: Rect

    public static let minimumWithDetail = Size(rows: 8, columns: 60)

    public init(size: Size, messageRows: Int) {
        let whole = Rect(size: size)
        // The message never takes the last rows of the tree: at most a third of the screen.
        let bands = whole.splitRows([.rest(), .fixed(min(messageRows, size.rows / 3)), .fixed(1)])
        main = bands[0]
        message = bands[1]
        status = bands[2]
        if size.rows >= Self.minimumWithDetail.rows && size.columns >= Self.minimumWithDetail.columns {
            let columns = main.splitColumns([.percent(45), .rest()])
            tree = columns[0]
            detail = columns[1]
        } else {
            tree = main
            detail = Rect(row: 0, column: 0, rows: 0, columns: 0)
        }
    }

    /// The insides of the framed panes.
    public var treeBody: Rect { tree.inset(by: 1) }
    public var detailBody: Rect { detail.inset(by: 1) }
}
