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
        self.coders = coders
        self.codes = codes
        self.unitIDs = unitIDs
        self.unitStarts = unitStarts
        self.length = length
        self.marks = marks.map { $0.sorted { ($0.start, $0.end, $0.code) < ($1.start, $1.end, $1.code) } }
    }

    /// The units of `data` coded by every one of `coders` (all the data's coders when nil), with the marks of the
    /// codes in `codes` (all when nil; a `--category` keeps the codes under one category).
    public init(_ data: SpanReliabilityData, coders chosen: [String]? = nil, codes kept: [String]? = nil) throws(ReliabilityDataError) {
        let coders = chosen ?? data.coders
        for coder in coders where !data.coders.contains(coder) { throw .unknownCoder(coder, known: data.coders) }
        let codes = kept ?? data.codes
        let codeIndex = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var unitIDs: [String] = []
        var unitStarts: [Int] = []
        var marks = [[Mark]](repeating: [], count: coders.count)
        var offset = 0
        for unit in data.units where coders.allSatisfy({ unit.spans[$0] != nil }) {
            unitIDs.append(unit.id)
            unitStarts.append(offset)
            for (index, coder) in coders.enumerated() {
                var byCode: [Int: [Mark]] = [:]
                for span in unit.spans[coder] ?? [] {
                    guard let code = codeIndex[span.code] else { continue }
                    byCode[code, default: []].append(Mark(code: code, start: offset + span.start, end: offset + span.end))
                }
                for (_, spans) in byCode { marks[index] += Self.joined(spans) }
            }
            offset += unit.length
        }
        self.init(coders: coders, codes: codes, unitIDs: unitIDs, unitStarts: unitStarts, length: offset, marks: marks)
    }

    /// Marks of one code and coder with those that overlap or touch joined.
    static func joined(_ marks: [Mark]) -> [Mark] {
        var result: [Mark] = []
        for mark in marks.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = result.last, mark.start <= last.end {
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
    public func unitLength(_ index: Int) -> Int { (index + 1 < unitStarts.count ? unitStarts[index + 1] : length) - unitStarts[index] }

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
            return shift.flatMap { unit, by in (byUnit[unit] ?? []).map { Mark(code: $0.code, start: $0.start + by, end: $0.end + by) } }
        }
        return SpanContinuum(coders: coders, codes: codes, unitIDs: ids, unitStarts: starts, length: offset, marks: picked)
    }
}
