import TerminalUI
import ThematicCore

/// What the coding and reconcile screens show of a code besides its place in the tree: the number a coder types to
/// toggle it, its usable codebook hotkey and its colour (inherited from the parent when it has none).
public struct CodeEntry: Sendable, Equatable {
    public var code: Code
    /// Typed then Enter toggles the code; codable codes only, numbered in tree order from 1.
    public var number: Int?
    /// The codebook's hotkey when it is one key that the keymap leaves free.
    public var hotkey: Key?
    public var colour: Color?
}

/// The codebook as the coding and reconcile screens show it: active codes in codebook order, each at the depth of
/// its active ancestors.
public typealias CodeTree = FoldableTree<String, CodeEntry>

extension FoldableTree where ID == String, Item == CodeEntry {
    public init(codebook: Codebook) {
        let active = codebook.codes.filter { $0.status == .active }
        let activeIDs = Set(active.map(\.id))
        let byID = codebook.codesByID
        var nodes: [Node] = []
        var number = 0
        var hotkeys = Set<Key>()
        for code in active {
            let depth = Codebook.ancestors(of: code.id, in: byID).filter { activeIDs.contains($0) }.count
            var colourText = code.colour
            var parent = code.parent
            while colourText == nil, let id = parent {
                colourText = byID[id]?.colour
                parent = byID[id]?.parent
            }
            var hotkey: Key?
            if let text = code.hotkey, let key = Key(notation: text), !CodingKeymap.boundKeys.contains(key),
                !hotkeys.contains(key), code.codable
            {
                hotkey = key
                hotkeys.insert(key)
            }
            if code.codable { number += 1 }
            let entry = CodeEntry(
                code: code, number: code.codable ? number : nil, hotkey: hotkey,
                colour: colourText.flatMap(CodeTree.colour(hex:)))
            nodes.append(Node(id: code.id, parent: code.parent, depth: depth, item: entry))
        }
        self.init(nodes)
    }

    public func entry(_ id: String) -> CodeEntry? { node(id)?.item }

    public var codeByNumber: [Int: String] {
        Dictionary(
            nodes.compactMap { node in node.item.number.map { ($0, node.id) } }, uniquingKeysWith: { first, _ in first }
        )
    }

    public var codeByHotkey: [Key: String] {
        Dictionary(
            nodes.compactMap { node in node.item.hotkey.map { ($0, node.id) } }, uniquingKeysWith: { first, _ in first }
        )
    }

    /// The rows shown: with no filter, codes whose ancestors are all expanded; with a filter, the codes matching
    /// it and their ancestors, whatever is collapsed.
    public func rows(collapsed: Set<String>, filter: String) -> [Row] {
        let query = filter.trimmed
        return query.isEmpty ? rows(collapsed: collapsed) : rows { CodeTree.matches($0.code, query: query) }
    }

    /// Fuzzy match: the query's letters in order in the id or name, or the query as a phrase in a definition.
    public static func matches(_ code: Code, query: String) -> Bool {
        let needle = query.lowercased()
        if isSubsequence(needle, of: (code.id + " " + code.name).lowercased()) { return true }
        let definitions = [code.brief, code.full, code.whenToUse, code.whenNotToUse, code.example].compactMap { $0 }
        return definitions.contains { $0.lowercased().contains(needle) }
    }

    static func isSubsequence(_ needle: String, of haystack: String) -> Bool {
        var remaining = needle.unicodeScalars.filter { $0 != " " }.makeIterator()
        var wanted = remaining.next()
        for scalar in haystack.unicodeScalars where scalar == wanted { wanted = remaining.next() }
        return wanted == nil
    }

    /// `#rrggbb` as a colour.
    static func colour(hex: String) -> Color? {
        guard hex.count == 7, hex.hasPrefix("#"), let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))
    }
}
