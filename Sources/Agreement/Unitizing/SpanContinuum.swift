import Dispatch

/// The units every chosen coder coded, laid end to end in the data's order, with each coder's marks on that
/// continuum: the input of every span-level statistic.
///
/// Built from data, a coder's spans of one code that overlap or touch are joined first (as a QDA tool shows them),
/// and no mark crosses a unit boundary. The memberwise initialiser keeps marks as given, for published examples
/// that keep adjacent units of one value apart.
public struct SpanContinuum: Sendable, Equatable {
    /// A coder's unit: a code (index into `codes`) on `start..<end` of the continuum.
    public struct Mark: Sendable, Equatable, Hashable {
        public var code: Int
        public var start: Int
        public var end: Int

        public init(code: Int, start: Int, end: Int) {
            self.code = code
            self.start = start
            self.end = end
        }

        public var length: Int { end - start }
    }

    public let coders: [String]
    public let codes: [String]
    public let unitIDs: [String]
    /// Where each unit starts on the continuum; it ends where the next starts, the last at `length`.
    public let unitStarts: [Int]
    public let length: Int
    /// Per coder, in `coders` order: marks sorted by start, then end, then code.
    public let marks: [[Mark]]

    public init(coders: [String], codes: [String], unitIDs: [String], unitStarts: [Int], length: Int, marks: [[Mark]]) {
        self.init(
            coders: coders, codes: codes, unitIDs: unitIDs, unitStarts: unitStarts, length: length,
            sortedMarks: marks.map { $0.sorted(by: Self.inOrder) })
    }

    /// Marks already sorted by `inOrder`, as the data initialiser lays them out.
    private init(
        coders: [String], codes: [String], unitIDs: [String], unitStarts: [Int], length: Int, sortedMarks: [[Mark]]
    ) {
        self.coders = coders
        self.codes = codes
        self.unitIDs = unitIDs
        self.unitStarts = unitStarts
        self.length = length
        self.marks = sortedMarks
    }

    static func inOrder(_ a: Mark, _ b: Mark) -> Bool { (a.start, a.end, a.code) < (b.start, b.end, b.code) }

    /// The units of `data` coded by every one of `coders` (all the data's coders when nil), with the marks of the
    /// codes in `codes` (all when nil; a `--category` keeps the codes under one category).
    public init(_ data: SpanReliabilityData, coders chosen: [String]? = nil, codes kept: [String]? = nil)
        throws(ReliabilityDataError)
    {
        let coders = chosen ?? data.coders
        for coder in coders where !data.coders.contains(coder) { throw .unknownCoder(coder, known: data.coders) }
        let codes = kept ?? data.codes
        let codeIndex = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let entered = data.units.filter { unit in coders.allSatisfy { unit.spans[$0] != nil } }
        var starts: [Int] = []
        var offset = 0
        for unit in entered {
            starts.append(offset)
            offset += unit.length
        }
        let unitStarts = starts
        // Each coder's marks are laid out on a core of their own.
        let laidOut = ConcurrentSlots<[Mark]>(count: coders.count, initial: [])
        DispatchQueue.concurrentPerform(iterations: coders.count) { index in
            var marks: [Mark] = []
            var unitMarks: [Mark] = []
            for (unit, start) in zip(entered, unitStarts) {
                // Units follow each other on the continuum, so sorting each unit's marks sorts the coder's.
                unitMarks.removeAll(keepingCapacity: true)
                for span in unit.spans[coders[index]] ?? [] {
                    if let code = codeIndex[span.code] {
                        unitMarks.append(Mark(code: code, start: start + span.start, end: start + span.end))
                    }
                }
                unitMarks.sort { ($0.code, $0.start, $0.end) < ($1.code, $1.start, $1.end) }
                marks += Self.joinedByCode(unitMarks).sorted(by: Self.inOrder)
            }
            laidOut.slots[index] = marks
        }
        self.init(
            coders: coders, codes: codes, unitIDs: entered.map(\.id), unitStarts: unitStarts, length: offset,
            sortedMarks: Array(laidOut.slots))
    }

    /// Marks sorted by code then start, with those of one code that overlap or touch joined.
    private static func joinedByCode(_ marks: [Mark]) -> [Mark] {
        var result: [Mark] = []
        result.reserveCapacity(marks.count)
        for mark in marks {
            if let last = result.last, last.code == mark.code, mark.start <= last.end {
                result[result.count - 1].end = max(last.end, mark.end)
            } else {
                result.append(mark)
            }
        }
        return result
    }

    /// The index of the unit holding continuum position `position`.
    public func unit(at position: Int) -> Int {
        var low = 0, high = unitStarts.count
        while low < high {
            let middle = (low + high) / 2
            if unitStarts[middle] <= position { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    /// The length of unit `index`.
    public func unitLength(_ index: Int) -> Int {
        (index + 1 < unitStarts.count ? unitStarts[index + 1] : length) - unitStarts[index]
    }

    /// A continuum of some of these units, in the order given (a bootstrap sample may repeat a unit).
    public func units(_ indices: [Int]) -> SpanContinuum {
        var starts: [Int] = []
        var ids: [String] = []
        var offset = 0
        var shift: [(unit: Int, by: Int)] = []
        for index in indices {
            starts.append(offset)
            ids.append(unitIDs[index])
            shift.append((index, offset - unitStarts[index]))
            offset += unitLength(index)
        }
        let picked = marks.map { coderMarks -> [Mark] in
            var byUnit: [Int: [Mark]] = [:]
            for mark in coderMarks { byUnit[unit(at: mark.start), default: []].append(mark) }
            return shift.flatMap { unit, by in
                (byUnit[unit] ?? []).map { Mark(code: $0.code, start: $0.start + by, end: $0.end + by) }
            }
        }
        return SpanContinuum(
            coders: coders, codes: codes, unitIDs: ids, unitStarts: starts, length: offset, marks: picked)
    }
}
