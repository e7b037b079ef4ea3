import ThematicCore
import TerminalUI

/// The codebook as the coding screen shows it: active codes in tree order, each with its depth, the number a coder
/// types to toggle it, its usable codebook hotkey and its colour (inherited from the parent when it has none).
public struct CodeTree: Sendable {
    public struct Entry: Sendable, Equatable {
        public var code: Code
        public var depth: Int
        public var hasChildren: Bool
        /// Typed then Enter toggles the code; codable codes only, numbered in tree order from 1.
        public var number: Int?
        /// The codebook's hotkey when it is one key that the keymap leaves free.
        public var hotkey: Key?
        public var colour: Color?
    }

    /// One visible row of the tree.
    public struct Row: Sendable, Equatable {
        public var entry: Entry
        public var isExpanded: Bool
    }

    public let entries: [Entry]
    private let indexByID: [String: Int]
    public let codeByNumber: [Int: String]
    public let codeByHotkey: [Key: String]

    public init(codebook: Codebook) {
        let active = codebook.codes.filter { $0.status == .active }
        let activeIDs = Set(active.map(\.id))
        let parents = Set(active.compactMap(\.parent))
        let byID = codebook.codesByID
        var entries: [Entry] = []
        var number = 0
        var byHotkey: [Key: String] = [:]
        for code in active {
            let depth = codebook.ancestors(of: code.id).filter { activeIDs.contains($0) }.count
            var colourText = code.colour
            var parent = code.parent
            while colourText == nil, let id = parent { colourText = byID[id]?.colour; parent = byID[id]?.parent }
            var hotkey: Key?
            if let text = code.hotkey, let key = Key(notation: text), !Keymap.boundKeys.contains(key), byHotkey[key] == nil, code.codable {
                hotkey = key
                byHotkey[key] = code.id
            }
            if code.codable { number += 1 }
            entries.append(Entry(code: code, depth: depth, hasChildren: parents.contains(code.id),
                                 number: code.codable ? number : nil, hotkey: hotkey, colour: colourText.flatMap(CodeTree.colour(hex:))))
        }
        self.entries = entries
        indexByID = Dictionary(entries.enumerated().map { ($1.code.id, $0) }, uniquingKeysWith: { first, _ in first })
        codeByNumber = Dictionary(entries.compactMap { entry in entry.number.map { ($0, entry.code.id) } }, uniquingKeysWith: { first, _ in first })
        codeByHotkey = byHotkey
    }

    public func entry(_ id: String) -> Entry? { indexByID[id].map { entries[$0] } }

    /// The rows shown: with no filter, codes whose ancestors are all expanded; with a filter, the codes matching
    /// it and their ancestors, whatever is collapsed.
    public func rows(collapsed: Set<String>, filter: String) -> [Row] {
        let query = filter.trimmed
        if query.isEmpty {
            var rows: [Row] = []
            var hiddenBelowDepth: Int?
            for entry in entries {
                if let depth = hiddenBelowDepth {
                    if entry.depth > depth { continue }
                    hiddenBelowDepth = nil
                }
                let isCollapsed = collapsed.contains(entry.code.id)
                rows.append(Row(entry: entry, isExpanded: entry.hasChildren && !isCollapsed))
                if entry.hasChildren && isCollapsed { hiddenBelowDepth = entry.depth }
            }
            return rows
        }
        var keep = Set<String>()
        for entry in entries where CodeTree.matches(entry.code, query: query) {
            keep.insert(entry.code.id)
            var parent = entry.code.parent
            while let id = parent, let ancestor = self.entry(id), keep.insert(id).inserted { parent = ancestor.code.parent }
        }
        return entries.filter { keep.contains($0.code.id) }.map { Row(entry: $0, isExpanded: $0.hasChildren) }
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
