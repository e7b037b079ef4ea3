import TerminalUI

/// The cursor of a filtered list, such as the coding screen's excerpts, the reconcile queue or the rows of a code
/// tree: which items of the full list the list shows, the item under the cursor, the first row shown and the filter.
///
/// The item on screen may be one the list no longer shows (an excerpt decided while only undecided ones are
/// listed); moving starts from where it would sit. Items are named by their index in the full list, so the list
/// keeps the full list's order and finding the current row is a binary search, even among 60,000 excerpts.
public struct ListCursor<Filter: Equatable & Sendable>: Equatable, Sendable {
    public internal(set) var filter: Filter
    /// Indices into the full list that the list shows, ascending.
    public private(set) var visible: [Int]
    /// Index into the full list of the item under the cursor; nil when there is none (an empty list, or a code picker
    /// whose filter matches no code).
    public internal(set) var current: Int?
    /// The first row shown.
    public private(set) var offset = 0

    public init(filter: Filter, visible: [Int], current: Int?) {
        self.filter = filter
        self.visible = visible
        self.current = current
    }

    /// Where the current item sits in the list, if the list shows it.
    public var selection: Int? { current.flatMap(row(of:)) }

    /// Where the item `index` sits in the list, if the list shows it.
    public func row(of index: Int) -> Int? {
        let row = firstRow(after: index - 1)
        return row < visible.count && visible[row] == index ? row : nil
    }

    /// The item `distance` rows below the current one (above it, for a negative distance), held at the ends. From
    /// an item the list does not show, the nearest listed item in that direction is the first row moved.
    public func item(movedBy distance: Int) -> Int? {
        guard !visible.isEmpty else { return nil }
        let target: Int
        if let selection {
            target = selection + distance
        } else {
            let after = firstRow(after: current ?? -1)
            let nearest = distance > 0 ? after : after - 1
            target = nearest + distance - distance.signum()
        }
        return visible[min(max(0, target), visible.count - 1)]
    }

    /// The first listed item after the current one (before it, for a negative `step`) that `wanted` accepts,
    /// wrapping round and trying the current item last; nil when none does.
    public func nextItem(step: Int, where wanted: (Int) -> Bool) -> Int? {
        let start = current ?? -1
        let order: [Int]
        if step > 0 {
            let after = firstRow(after: start)
            order = Array(visible[after...] + visible[..<after])
        } else {
            let from = firstRow(after: start - 1)
            order = visible[..<from].reversed() + visible[from...].reversed()
        }
        return order.first(where: wanted)
    }

    /// The nearest listed item after the current one (before it, for a negative `step`) that `wanted` accepts,
    /// without wrapping round; with no current item, the first (last) one it accepts.
    public func nearestItem(step: Int, where wanted: (Int) -> Bool) -> Int? {
        if step > 0 {
            return visible[(current.map { firstRow(after: $0) } ?? 0)...].first(where: wanted)
        }
        return visible[..<(current.map { firstRow(after: $0 - 1) } ?? visible.count)].last(where: wanted)
    }

    /// Shows the items `visible` as the list for `filter`, from the top; the current item stays, listed or not.
    public mutating func list(_ visible: [Int], for filter: Filter) {
        self.filter = filter
        self.visible = visible
        offset = 0
    }

    /// Shows `visible` after the items changed under the same filter, keeping the scroll where it can.
    public mutating func relist(_ visible: [Int]) {
        self.visible = visible
    }

    /// Scrolls as little as possible so the current row is one of `height` rows shown, and no empty space is left
    /// below the last row.
    public mutating func settle(height: Int) {
        offset =
            ScrollingList(count: visible.count, selected: selection, offset: offset)
            .scrolled(toShowSelectionIn: max(1, height)).offset
    }

    /// The first row whose item comes after `index` in the full list (the list's length when none does).
    private func firstRow(after index: Int) -> Int {
        var low = 0, high = visible.count
        while low < high {
            let middle = (low + high) / 2
            if visible[middle] <= index { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
