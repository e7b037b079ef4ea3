extension ReliabilityData {
    /// The units on which the coders who finished them disagree about code `code`: at least one applied it and
    /// at least one finished the unit without it, in unit order. Such a unit always has two or more values, so these
    /// are exactly the pairable units whose values for the code are not all alike (with two coders, the units the
    /// percent agreement counts as disagreeing). Costs one pass over the coders' bit words.
    public func disagreements(onCode code: Int) -> [Int] {
        var appliedByAny = [UInt64](repeating: 0, count: coded.first?.words.count ?? 0)
        var finishedWithoutByAny = appliedByAny
        for coder in coders.indices {
            let applied = self.applied[code][coder].words, finished = coded[coder].words
            for w in appliedByAny.indices {
                appliedByAny[w] |= applied[w]
                finishedWithoutByAny[w] |= finished[w] & ~applied[w]
            }
        }
        var units: [Int] = []
        for w in appliedByAny.indices {
            var bits = appliedByAny[w] & finishedWithoutByAny[w]
            while bits != 0 {
                units.append(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return units
    }

    /// How many units coder `coder` applied code `code` to.
    public func applications(ofCode code: Int, byCoder coder: Int) -> Int {
        applied[code][coder].words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// Whether coder `coder` applied code `code` to unit `unit`: nil when the coder has not finished the unit.
    public func applied(unit: Int, coder: Int, code: Int) -> Bool? {
        coded[coder][unit] ? applied[code][coder][unit] : nil
    }

    /// How many units two or more coders finished: the units any agreement figure compares.
    public var pairableUnitCount: Int {
        unitIDs.indices.reduce(0) { count, unit in count + (coded.lazy.filter { $0[unit] }.count >= 2 ? 1 : 0) }
    }
}
