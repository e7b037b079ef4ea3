import ThematicCore

/// A split being prepared: the code, its parts, and every excerpt coded with it (by any coder or the consensus),
/// walked one by one to give each its parts. Nothing is written until every excerpt has at least one part and the
/// lead confirms; abandoning it leaves the study as it was.
public struct SplitWalk: Equatable, Sendable {
    /// One excerpt coded with the code being split, and who applied it there.
    public struct Item: Equatable, Sendable {
        public var excerptID: String
        /// Coder names, and "consensus", in the order `CodebookEditor.excerptsCoded` gives them.
        public var appliedBy: [String]
    }

    public var code: String
    /// New codes (added under the split code's parent) and existing ones, in the order the lead named them.
    public var parts: [Code]
    /// In reading order.
    public var items: [Item]
    /// Excerpt id -> the ids of its parts, in part order.
    public var assignment: [String: [String]] = [:]
    /// Index into `items` of the excerpt on screen.
    public var current = 0
    /// First line of the excerpt's text shown.
    public var scroll = 0

    /// The walk over every excerpt coded `code` in `study`, in reading order (excerpts the corpus lacks last).
    public init(code: String, parts: [Code], study: Study) {
        self.code = code
        self.parts = parts
        let order = Dictionary(
            study.corpus.excerptIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        items = CodebookEditor.excerptsCoded(code, in: study)
            .map { Item(excerptID: $0.key, appliedBy: $0.value) }
            .sorted { (order[$0.excerptID] ?? Int.max, $0.excerptID) < (order[$1.excerptID] ?? Int.max, $1.excerptID) }
    }

    public var assignedCount: Int { items.filter { !(assignment[$0.excerptID]?.isEmpty ?? true) }.count }
    public var isComplete: Bool { assignedCount == items.count }
    public var currentItem: Item? { items.indices.contains(current) ? items[current] : nil }

    /// The parts the excerpt on screen has.
    public var currentParts: [String] { currentItem.flatMap { assignment[$0.excerptID] } ?? [] }

    /// Gives the excerpt on screen part number `number` (from 1), or takes it away.
    mutating func toggle(part number: Int) -> String {
        guard let item = currentItem else { return "no excerpt to assign" }
        guard parts.indices.contains(number - 1) else {
            return "there is no part \(number); the parts are 1 to \(parts.count)"
        }
        let id = parts[number - 1].id
        var given = Set(assignment[item.excerptID] ?? [])
        let added = given.insert(id).inserted
        if !added { given.remove(id) }
        assignment[item.excerptID] = parts.map(\.id).filter(given.contains)
        return "\(item.excerptID) \(added ? "gets" : "no longer gets") \(id)"
    }

    mutating func step(_ step: Int) {
        guard !items.isEmpty else { return }
        let next = min(max(0, current + step), items.count - 1)
        if next != current { scroll = 0 }
        current = next
    }

    /// Goes to the next excerpt without a part, wrapping round; false when every excerpt has one.
    mutating func goToUnassigned() -> Bool {
        for distance in 1...max(1, items.count) {
            let index = (current + distance) % max(1, items.count)
            guard items.indices.contains(index), assignment[items[index].excerptID]?.isEmpty ?? true else { continue }
            if index != current { scroll = 0 }
            current = index
            return true
        }
        return false
    }
}
