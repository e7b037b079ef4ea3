/// One coder's units on the continuum, as lists the 2016 unitizing family walks through: half-open intervals,
/// each with a code, disjoint within a code. Everything not in a unit is gap.
struct UnitList {
    var codes: [Int] = []
    var starts: [Int] = []
    var ends: [Int] = []

    var count: Int { starts.count }

    mutating func append(code: Int, start: Int, end: Int) {
        codes.append(code)
        starts.append(start)
        ends.append(end)
    }

    /// Extends the last unit when `start` overlaps it; marks that only touch stay separate units, as in
    /// Krippendorff (2019, Fig. 12.11).
    mutating func join(code: Int, start: Int, end: Int) {
        if let last = ends.last, start < last, codes[codes.count - 1] == code {
            ends[ends.count - 1] = max(last, end)
        } else {
            append(code: code, start: start, end: end)
        }
    }

    /// Adds, per code, the length this list and `other` (both sorted by code, then start) share with that code
    /// into `tally`.
    func addOverlapsByCode(with other: UnitList, into tally: inout [Int]) {
        var a = 0, b = 0
        while a < count, b < other.count {
            if codes[a] != other.codes[b] {
                if codes[a] < other.codes[b] { a += 1 } else { b += 1 }
                continue
            }
            let overlap = min(ends[a], other.ends[b]) - max(starts[a], other.starts[b])
            if overlap > 0 { tally[codes[a]] += overlap }
            if ends[a] < other.ends[b] { a += 1 } else { b += 1 }
        }
    }

    /// Adds, per unit of this list, its overlap with the units of `other` into `tally` (both sorted by start and
    /// disjoint, codes ignored).
    func addOverlapsPerUnit(with other: UnitList, into tally: inout [Int]) {
        var a = 0, b = 0
        while a < count, b < other.count {
            let overlap = min(ends[a], other.ends[b]) - max(starts[a], other.starts[b])
            if overlap > 0 { tally[a] += overlap }
            if ends[a] < other.ends[b] { a += 1 } else { b += 1 }
        }
    }
}

/// Where one coder put two different codes on the same characters: the nominal family is then undefined.
struct OverlappingCodes: Error {
    var coder: Int
    var first: Int
    var second: Int
    var position: Int
}

extension UnitList {
    /// All of a coder's marks as one value ("unit", code 0), joined where they overlap: |uα's units.
    static func anyCode(_ marks: [SpanContinuum.Mark]) -> UnitList {
        var list = UnitList()
        for mark in marks { list.join(code: 0, start: mark.start, end: mark.end) }
        return list
    }

    /// The marks of one code, joined where they overlap: the units of |uα of that code alone.
    static func ofCode(_ code: Int, _ marks: [SpanContinuum.Mark]) -> UnitList {
        var list = UnitList()
        for mark in marks where mark.code == code { list.join(code: code, start: mark.start, end: mark.end) }
        return list
    }

    /// Every code's marks, joined where they overlap within the code, sorted by code and then start (a stable
    /// bucket sort of marks already sorted by start).
    static func byCode(_ marks: [SpanContinuum.Mark], codeCount: Int) -> UnitList {
        var next = [Int](repeating: 0, count: codeCount + 1)
        for mark in marks { next[mark.code + 1] += 1 }
        for code in 0..<codeCount { next[code + 1] += next[code] }
        var order = [Int](repeating: 0, count: marks.count)
        for (index, mark) in marks.enumerated() {
            order[next[mark.code]] = index
            next[mark.code] += 1
        }
        var list = UnitList()
        list.codes.reserveCapacity(marks.count)
        list.starts.reserveCapacity(marks.count)
        list.ends.reserveCapacity(marks.count)
        for index in order { list.join(code: marks[index].code, start: marks[index].start, end: marks[index].end) }
        return list
    }

    /// The coder's valued units in continuum order (same-code overlaps joined), or where two codes overlap:
    /// the nominal family assumes a coder's units never overlap (Krippendorff et al. 2016).
    static func nominal(_ marks: [SpanContinuum.Mark], coder: Int) -> Result<UnitList, OverlappingCodes> {
        var list = UnitList()
        for mark in marks {
            if let last = list.ends.last, mark.start < last, list.codes[list.count - 1] != mark.code {
                return .failure(
                    OverlappingCodes(
                        coder: coder, first: list.codes[list.count - 1], second: mark.code, position: mark.start))
            }
            list.join(code: mark.code, start: mark.start, end: mark.end)
        }
        return .success(list)
    }
}
