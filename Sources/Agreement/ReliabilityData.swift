/// The reliability data of one agreement analysis: which coder applied which codes to which unit (excerpt).
///
/// A coder either did not finish a unit (missing) or finished it with a set of codes, possibly empty:
/// "not coded yet" and "coded, no code applies" are different facts and stay apart here.
/// Codes are identified by their index in `codes`, the code universe in report order.
public struct ReliabilityData: Sendable, Equatable {
    public private(set) var unitIDs: [String]
    public private(set) var coders: [String]
    public private(set) var codes: [String]
    /// Per coder: the units the coder finished.
    var coded: [Bitset]
    /// Per code, then per coder: the units the coder applied the code to (always within `coded`).
    var applied: [[Bitset]]

    /// Reliability data in which no coder has finished any unit yet.
    public init(unitIDs: [String], coders: [String], codes: [String]) {
        self.unitIDs = unitIDs
        self.coders = coders
        self.codes = codes
        coded = Array(repeating: Bitset(count: unitIDs.count), count: coders.count)
        applied = Array(repeating: coded, count: codes.count)
    }

    /// Reliability data built in bulk by a reader: `coded[coder]`, and `applied[code][coder]` within it.
    init(unitIDs: [String], coders: [String], codes: [String], coded: [Bitset], applied: [[Bitset]]) {
        self.unitIDs = unitIDs
        self.coders = coders
        self.codes = codes
        self.coded = coded
        self.applied = applied
    }

    /// Records one coder's decision on one unit: nil when the coder has not finished it,
    /// otherwise the indices (into `codes`) of the codes applied, possibly none.
    public mutating func setCoding(unit: Int, coder: Int, codes codeIndices: [Int]?) {
        if coded[coder][unit] {
            for code in codes.indices { applied[code][coder][unit] = false }
        }
        guard let codeIndices else {
            coded[coder][unit] = false
            return
        }
        coded[coder][unit] = true
        for code in codeIndices { applied[code][coder][unit] = true }
    }

    /// One coder's decision on one unit: nil when missing, otherwise the applied code indices in order.
    public func coding(unit: Int, coder: Int) -> [Int]? {
        guard coded[coder][unit] else { return nil }
        return codes.indices.filter { applied[$0][coder][unit] }
    }

    /// Appends a code to the universe (e.g. one a coder used that the code list did not name) and returns its index.
    mutating func appendCode(_ id: String) -> Int {
        codes.append(id)
        applied.append(Array(repeating: Bitset(count: unitIDs.count), count: coders.count))
        return codes.count - 1
    }
}

// MARK: - Choosing what to analyse

extension ReliabilityData {
    /// The same data restricted to the named coders, in the order given.
    public func selectingCoders(_ names: [String]) throws(ReliabilityDataError) -> ReliabilityData {
        let indices = try names.map { name throws(ReliabilityDataError) -> Int in
            guard let i = coders.firstIndex(of: name) else { throw .unknownCoder(name, known: coders) }
            return i
        }
        var result = self
        result.coders = names
        result.coded = indices.map { coded[$0] }
        result.applied = applied.map { perCoder in indices.map { perCoder[$0] } }
        return result
    }

    /// The same data restricted to the units with the given ids, in the data's own order.
    public func selectingUnits(_ ids: [String]) throws(ReliabilityDataError) -> ReliabilityData {
        let wanted = Set(ids)
        let known = Set(unitIDs)
        if let unknown = ids.first(where: { !known.contains($0) }) { throw .unknownUnit(unknown) }
        return keepingUnits(unitIDs.indices.filter { wanted.contains(unitIDs[$0]) })
    }

    /// The same data restricted to the units every coder finished.
    public func keepingUnitsFinishedByAllCoders() -> ReliabilityData {
        keepingUnits(unitIDs.indices.filter { u in coded.allSatisfy { $0[u] } })
    }

    /// The codes rolled up to a level of the codebook tree: `ancestorOf[code]` names the category
    /// that stands for the code; a category counts as applied when any code under it is.
    /// Codes missing from the mapping stand for themselves. The rolled-up codes keep the order
    /// in which they first appear when walking `codes`.
    public func rollingUp(_ ancestorOf: [String: String]) -> ReliabilityData {
        var categories: [String] = []
        var categoryIndex: [String: Int] = [:]
        var rolled: [[Bitset]] = []
        for (code, perCoder) in zip(codes, applied) {
            let category = ancestorOf[code] ?? code
            if let c = categoryIndex[category] {
                for coder in perCoder.indices { rolled[c][coder].formUnion(perCoder[coder]) }
            } else {
                categoryIndex[category] = categories.count
                categories.append(category)
                rolled.append(perCoder)
            }
        }
        var result = self
        result.codes = categories
        result.applied = rolled
        return result
    }

    private func keepingUnits(_ indices: [Int]) -> ReliabilityData {
        var result = self
        result.unitIDs = indices.map { unitIDs[$0] }
        result.coded = coded.map { $0.picking(indices) }
        result.applied = applied.map { perCoder in perCoder.map { $0.picking(indices) } }
        return result
    }
}
