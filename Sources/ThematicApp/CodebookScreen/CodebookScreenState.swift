import TerminalUI
import ThematicCore

/// Everything the codebook screen shows and remembers, as plain data: the study as last read from disk (the
/// codebook, and every coder's codings and the consensus for usage counts and splits), the cursor and folds, what
/// is being typed or chosen, and the last message.
public struct CodebookScreenState: Sendable {
    public let editor: String
    public private(set) var study: Study
    public private(set) var usage: CodebookUsage
    /// Codes by id, for drawing rows.
    private(set) var codes: [String: Code]
    /// The codebook as a tree, for folding.
    private(set) var tree: FoldableTree<String, Code>

    public internal(set) var size: Size
    /// The code under the cursor; nil only when the codebook has no code.
    public internal(set) var cursor: String?
    public internal(set) var collapsed: Set<String> = []
    public internal(set) var treeOffset = 0
    public internal(set) var detailScroll = 0
    public internal(set) var mode: CodebookMode = .browsing
    public internal(set) var field = TextField()
    /// Nil when the help overlay is hidden; otherwise its first shown line.
    public internal(set) var help = HelpScroll()
    /// What the last key or change did, or why it was refused.
    public internal(set) var message: String?

    public init(study: Study, editor: String, size: Size) {
        self.editor = editor
        self.study = study
        self.size = size
        usage = CodebookUsage(study: study)
        codes = study.codebook.codesByID
        tree = Self.tree(study.codebook)
        cursor = study.codebook.codes.first?.id
        settle()
    }

    public var codebook: Codebook { study.codebook }
    public var layout: CodebookLayout {
        CodebookLayout(size: size, messageRows: CodebookScreenView.messageLines(self).count)
    }
    public var cursorCode: Code? { cursor.flatMap { codes[$0] } }

    /// The tree rows shown: every code whose ancestors are all unfolded.
    public var rows: [FoldableTree<String, Code>.Row] { tree.rows(collapsed: collapsed) }

    /// Every code below `id` in the tree, at any depth.
    func descendants(of id: String) -> [Code] { tree.descendants(of: id).map(\.item) }

    /// Every code, each category followed by its codes, from the categories at the top.
    static func tree(_ codebook: Codebook) -> FoldableTree<String, Code> {
        var children: [String?: [Code]] = [:]
        for code in codebook.codes { children[code.parent, default: []].append(code) }
        var nodes: [FoldableTree<String, Code>.Node] = []
        func visit(_ code: Code, depth: Int) {
            nodes.append(.init(id: code.id, parent: code.parent, depth: depth, item: code))
            for child in children[code.id] ?? [] { visit(child, depth: depth + 1) }
        }
        for root in children[nil] ?? [] { visit(root, depth: 0) }
        return FoldableTree(nodes)
    }

    // MARK: After the driver ran a change

    /// The study as read again after a change, with the change's words; the cursor goes to the changed code.
    public mutating func applied(_ change: CodebookChange, study: Study) {
        reload(study)
        message = "Revision \(change.revision): \(change.summary)"
        // A merge's target and a split's first part carry the codings now.
        let carriesCodings =
            switch change.action {
            case .merge, .split: true
            default: false
            }
        let target = carriesCodings ? change.codes.dropFirst().first : change.codes.first
        if let target, codes[target] != nil { show(target) }
    }

    /// The editor refused the change (nothing was written); `study` is what is on disk now, if it could be read.
    public mutating func refused(_ reason: String, study: Study?) {
        if let study { reload(study) }
        message = reason
    }

    private mutating func reload(_ newStudy: Study) {
        let oldRow = rows.firstIndex { $0.id == cursor }
        study = newStudy
        usage = CodebookUsage(study: newStudy)
        codes = newStudy.codebook.codesByID
        tree = Self.tree(newStudy.codebook)
        collapsed = collapsed.filter { codes[$0] != nil }
        if let id = cursor, codes[id] == nil {
            // The code is gone (an undone add): the row that took its place, or the last one.
            let rows = self.rows
            cursor = rows.isEmpty ? nil : rows[min(oldRow ?? 0, rows.count - 1)].id
        }
        settle()
    }

    /// Puts the cursor on `id`, unfolding the categories above it.
    mutating func show(_ id: String) {
        for ancestor in codebook.ancestors(of: id) { collapsed.remove(ancestor) }
        cursor = id
        detailScroll = 0
        settle()
    }

    // MARK: Keeping the cursor in range

    /// Keeps the cursor on a shown row (the nearest folded category when its row is hidden) and the row in view.
    mutating func settle() {
        let rows = self.rows
        if let id = cursor, !rows.contains(where: { $0.id == id }) {
            cursor = codebook.ancestors(of: id).first { ancestor in rows.contains { $0.id == ancestor } }
        }
        if cursor == nil { cursor = rows.first?.id }
        let selected = rows.firstIndex { $0.id == cursor }
        treeOffset =
            ScrollingList(count: rows.count, selected: selected, offset: treeOffset)
            .scrolled(toShowSelectionIn: max(1, layout.treeBody.rows)).offset
        detailScroll = max(0, detailScroll)
    }
}
