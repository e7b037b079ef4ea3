/// A tree whose nodes fold, such as a codebook's categories and codes, kept flat in depth-first order with each
/// node's depth: the rows shown are the nodes not below a folded one, or those a filter keeps and their ancestors.
public struct FoldableTree<ID: Hashable & Sendable, Item: Sendable>: Sendable {
    /// A node: its item, where it sits, and whether any node has it as parent.
    public struct Node: Sendable {
        public let id: ID
        /// May name an item left out of the tree (a code under a retired category); such a node has no ancestor here.
        public let parent: ID?
        public let depth: Int
        public fileprivate(set) var hasChildren = false
        /// Its place in `nodes`, so rows can be named by number in tree order.
        public fileprivate(set) var index = 0
        public let item: Item

        public init(id: ID, parent: ID?, depth: Int, item: Item) {
            self.id = id
            self.parent = parent
            self.depth = depth
            self.item = item
        }
    }

    /// One row shown: a node, and whether its children are shown.
    public struct Row: Sendable {
        public let node: Node
        public let isExpanded: Bool

        public init(node: Node, isExpanded: Bool) {
            self.node = node
            self.isExpanded = isExpanded
        }

        public var id: ID { node.id }
        public var depth: Int { node.depth }
        public var hasChildren: Bool { node.hasChildren }
        public var item: Item { node.item }
        public var index: Int { node.index }

        /// The row as shown: two spaces per level, then `▾` (expanded), `▸` (folded) or a space (leaf), then `title`.
        public func label(_ title: String) -> String {
            let marker = hasChildren ? (isExpanded ? "▾" : "▸") : " "
            return String(repeating: "  ", count: depth) + marker + " " + title
        }
    }

    /// Every node, in depth-first order.
    public let nodes: [Node]
    private let indexByID: [ID: Int]

    /// A tree of `nodes` given in depth-first order (each node's descendants right after it, deeper than it).
    public init(_ nodes: [Node]) {
        let parents = Set(nodes.compactMap(\.parent))
        self.nodes = nodes.enumerated().map { index, node in
            var node = node
            node.hasChildren = parents.contains(node.id)
            node.index = index
            return node
        }
        indexByID = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func node(_ id: ID) -> Node? { indexByID[id].map { nodes[$0] } }

    /// The rows shown when the nodes in `collapsed` are folded: every node whose ancestors are all unfolded.
    public func rows(collapsed: Set<ID>) -> [Row] {
        var rows: [Row] = []
        var hiddenBelowDepth: Int?
        for node in nodes {
            if let depth = hiddenBelowDepth {
                if node.depth > depth { continue }
                hiddenBelowDepth = nil
            }
            let isCollapsed = collapsed.contains(node.id)
            rows.append(Row(node: node, isExpanded: node.hasChildren && !isCollapsed))
            if node.hasChildren && isCollapsed { hiddenBelowDepth = node.depth }
        }
        return rows
    }

    /// The rows shown for a filter: the nodes whose item `keeps` accepts and their ancestors, whatever is folded.
    public func rows(keeping keeps: (Item) -> Bool) -> [Row] {
        var kept = Set<ID>()
        for node in nodes where keeps(node.item) {
            kept.insert(node.id)
            var parent = node.parent
            while let id = parent, let ancestor = self.node(id), kept.insert(id).inserted { parent = ancestor.parent }
        }
        return nodes.filter { kept.contains($0.id) }.map { Row(node: $0, isExpanded: $0.hasChildren) }
    }

    /// Every node below `id`, at any depth, in tree order.
    public func descendants(of id: ID) -> [Node] {
        guard let index = indexByID[id] else { return [] }
        let depth = nodes[index].depth
        return Array(nodes[(index + 1)...].prefix { $0.depth > depth })
    }
}

extension FoldableTree.Node: Equatable where Item: Equatable {}
extension FoldableTree.Row: Equatable where Item: Equatable {}
