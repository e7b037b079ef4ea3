/// A node of a tree shown by `TreeList`, such as a code in the codebook and its child codes.
public struct TreeNode<ID: Hashable & Sendable>: Hashable, Sendable {
    public var id: ID
    public var title: String
    public var children: [TreeNode<ID>]

    public init(id: ID, title: String, children: [TreeNode<ID>] = []) {
        self.id = id
        self.title = title
        self.children = children
    }
}

/// One visible row of a tree: a node at its depth, with whether it can be expanded and whether it is.
public struct TreeRow<ID: Hashable & Sendable>: Hashable, Sendable {
    public var id: ID
    public var title: String
    public var depth: Int
    public var hasChildren: Bool
    public var isExpanded: Bool

    /// The row as shown: two spaces per level, then `▾` (expanded), `▸` (collapsed) or a space (leaf).
    public var label: String {
        let marker = hasChildren ? (isExpanded ? "▾" : "▸") : " "
        return String(repeating: "  ", count: depth) + marker + " " + title
    }
}

/// A tree drawn as an indented list: flatten the nodes whose ancestors are all expanded, then show the rows with
/// a `ScrollingList` (which keeps the selected row visible).
public enum TreeList {
    /// The rows a tree shows, depth-first, skipping the children of nodes not in `expanded`.
    public static func visibleRows<ID>(_ roots: [TreeNode<ID>], expanded: Set<ID>) -> [TreeRow<ID>] {
        var rows: [TreeRow<ID>] = []
        func visit(_ node: TreeNode<ID>, depth: Int) {
            let isExpanded = expanded.contains(node.id)
            rows.append(TreeRow(id: node.id, title: node.title, depth: depth, hasChildren: !node.children.isEmpty, isExpanded: isExpanded))
            if isExpanded {
                node.children.forEach { visit($0, depth: depth + 1) }
            }
        }
        roots.forEach { visit($0, depth: 0) }
        return rows
    }

    /// Draws `rows` in `rect` as a scrolling list with the selection taken from `list`; returns the list as drawn.
    @discardableResult
    public static func draw<ID>(
        _ rows: [TreeRow<ID>], list: ScrollingList, in rect: Rect, on screen: inout Screen,
        style: Style = .plain, selectedStyle: Style = Style(attributes: .reverse)
    ) -> ScrollingList {
        var list = list
        list.count = rows.count
        return list.draw(in: rect, on: &screen, style: style, selectedStyle: selectedStyle) { rows[$0].label }
    }
}
