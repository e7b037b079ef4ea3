import TerminalUI

/// Where each pane of the reconcile screen goes for a terminal size. At 60x10 and up: the queue left, the excerpt
/// with the coders' codes side by side, the consensus and the definitions right, the status line at the bottom.
/// Smaller: only the right-hand pane and the status line. Down to nothing at all: every rect is simply empty.
public struct ReconcileLayout: Equatable, Sendable {
    public var queue: Rect
    public var detail: Rect
    public var status: Rect

    public static let minimumFull = Size(rows: 10, columns: 60)

    public init(size: Size) {
        let bands = Rect(size: size).splitRows([.rest(), .fixed(1)])
        status = bands[1]
        let main = bands[0]
        if size.rows >= Self.minimumFull.rows && size.columns >= Self.minimumFull.columns {
            let columns = main.splitColumns([.fixed(min(30, max(18, size.columns / 4))), .rest()])
            queue = columns[0]
            detail = columns[1]
        } else {
            queue = Rect(row: 0, column: 0, rows: 0, columns: 0)
            detail = main
        }
    }

    public var isCompact: Bool { queue.isEmpty }
    public var queueBody: Rect { queue.inset(by: 1) }
    public var detailBody: Rect { Self.framed(detail) }
    /// The code picker covers the right-hand pane: a filter line, the codes, then the codes chosen so far.
    public var pickerList: Rect { Self.framed(detail).inset(top: 1, bottom: 1) }

    /// Inside the frame, or the whole rect when it is too small for one.
    static func framed(_ rect: Rect) -> Rect { rect.rows >= 3 && rect.columns >= 3 ? rect.inset(by: 1) : rect }
}
