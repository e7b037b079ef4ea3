import ThematicCore

/// The coder's recently used codes, one per key F1 to F9. A code keeps its key while it stays in the row, so a
/// coder's fingers learn where it is: a code not in the row takes a free key, or the key of the code used longest
/// ago.
public struct RecentCodes: Equatable, Sendable {
    public static let capacity = 9
    /// The code on each key, F1 first.
    public private(set) var slots: [String] = []
    /// When each code in the row was last used, as a count of uses: the smallest is the one a new code replaces.
    private var lastUse: [String: Int] = [:]
    private var uses = 0

    /// The row for codes used most recently first.
    public init(mostRecentFirst codes: [String]) {
        for id in codes.prefix(Self.capacity).reversed() { use(id) }
        slots.reverse()
    }

    /// The coder's codes in the order they last applied them, as their decisions tell: a decision's codes count
    /// as used when it was last updated (its codes in `order`, the codebook's).
    public init(decisions: [String: ExcerptCoding], order: [String]) {
        let place = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func codes(latestFirst: [Decision]) -> [String] {
            var seen = Set<String>(), recent: [String] = []
            for (_, decision) in latestFirst {
                for id in decision.codes.keys.filter({ place[$0] != nil }).sorted(by: { place[$0]! < place[$1]! })
                where seen.insert(id).inserted {
                    recent.append(id)
                }
                if recent.count >= Self.capacity { break }
            }
            return recent
        }
        // The row is nearly always full within the latest few dozen decisions: sorting tens of thousands to find
        // them would be most of the time the screen takes to open. All of them are sorted only when those few fall
        // short.
        let latest = Self.latest(Self.decisionsLookedAtFirst, of: decisions)
        var recent = codes(latestFirst: latest)
        if recent.count < Self.capacity, latest.count < decisions.count {
            recent = codes(latestFirst: decisions.sorted(by: Self.isLater))
        }
        self.init(mostRecentFirst: recent)
    }

    private typealias Decision = [String: ExcerptCoding].Element
    private static let decisionsLookedAtFirst = 64

    /// Latest updated first; of two updated at once, the greater excerpt id first.
    private static func isLater(_ one: Decision, _ other: Decision) -> Bool {
        (one.value.updated, one.key) > (other.value.updated, other.key)
    }

    /// The `count` latest decisions, latest first, in one pass.
    private static func latest(_ count: Int, of decisions: [String: ExcerptCoding]) -> [Decision] {
        var latest: [Decision] = []
        latest.reserveCapacity(count + 1)
        var oldestKept = (updated: "", id: "")
        for index in decisions.indices {
            // Most decisions are older than every one kept: passed over reading only their time, not copied whole.
            if latest.count == count {
                let updated = decisions.values[index].updated
                if updated < oldestKept.updated
                    || updated == oldestKept.updated && decisions.keys[index] <= oldestKept.id
                {
                    continue
                }
            }
            let decision = decisions[index]
            var place = latest.count
            while place > 0, isLater(decision, latest[place - 1]) { place -= 1 }
            latest.insert(decision, at: place)
            if latest.count > count { latest.removeLast() }
            oldestKept = (latest[latest.count - 1].value.updated, latest[latest.count - 1].key)
        }
        return latest
    }

    /// The code on F`number`, if any.
    public func code(onKey number: Int) -> String? { slots.indices.contains(number - 1) ? slots[number - 1] : nil }

    /// Records that `id` was applied: it keeps its key, or takes a free one, or the key of the code used longest ago.
    public mutating func use(_ id: String) {
        uses += 1
        if lastUse[id] == nil {
            if slots.count < Self.capacity {
                slots.append(id)
            } else if let oldest = slots.indices.min(by: { lastUse[slots[$0]]! < lastUse[slots[$1]]! }) {
                lastUse[slots[oldest]] = nil
                slots[oldest] = id
            }
        }
        lastUse[id] = uses
    }
}
