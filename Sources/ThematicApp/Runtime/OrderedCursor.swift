import TerminalUI

/// The cursor of a short list shown in an order of its own, such as the coding screen's codes, ranked while a filter
/// is typed: the items shown (indices into the full list) in the order shown, the item under the cursor, the first
/// row shown and the filter. Unlike `ListCursor`, the order need not be the full list's.
public struct OrderedCursor<Filter: Equatable & Sendable>: Equatable, Sendable {
    public internal(set) var filter: Filter
    /// Indices into the full list that the list shows, in the order shown.
    public private(set) var visible: [Int]
    /// Index into the full list of the item under the cursor; nil when there is none.
    public internal(set) var current: Int?
    /// The first row shown.
    public private(set) var offset = 0
    private var rowOfItem: [Int: Int]

    public init(filter: Filter, visible: [Int], current: Int?) {
        self.filter = filter
        self.visible = visible
        self.current = current
        rowOfItem = OrderedCursor.rows(of: visible)
    }

    /// Where the current item sits in the list, if the list shows it.
    public var selection: Int? { current.flatMap { rowOfItem[$0] } }

    /// The item `distance` rows below the current one (above it, for a negative distance), held at the ends; the
    /// first row when the current item is not shown.
    public func item(movedBy distance: Int) -> Int? {
        guard !visible.isEmpty else { return nil }
        guard let selection else { return visible.first }
        return visible[min(max(0, selection + distance), visible.count - 1)]
    }

    /// Shows `visible` as the list, in that order; the current item stays, shown or not.
    public mutating func relist(_ visible: [Int]) {
        guard visible != self.visible else { return }
        self.visible = visible
        rowOfItem = OrderedCursor.rows(of: visible)
    }

    /// Scrolls as little as possible so the current row is one of `height` rows shown.
    public mutating func settle(height: Int) {
        offset =
            ScrollingList(count: visible.count, selected: selection, offset: offset)
            .scrolled(toShowSelectionIn: max(1, height)).offset
    }

    private static func rows(of visible: [Int]) -> [Int: Int] {
        Dictionary(visible.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
