/// The codes a matrix counts, at one level of the codebook tree, and which of them each applied code counts toward.
///
/// Level 1 is the top of the tree (in the A3 grid: the stages A-G), level 2 their children, and so on; a code at the
/// chosen level counts as present on an excerpt when it, or any code under it, was applied. Without a level the
/// columns are the codable codes themselves, each counting only itself. Merged codes are never columns: their old
/// codings already count as the code they were merged into.
public struct CodeColumns: Sendable {
    /// Columns in codebook (depth-first) order.
    public var codes: [Code]
    public var level: Int?
    /// Code id -> index of the column it counts toward.
    let columnOfCode: [String: Int]

    public init(codebook: Codebook, level: Int? = nil) throws(ExportError) {
        self.level = level
        let current = codebook.codes.filter { if case .merged = $0.status { false } else { true } }
        var depth: [String: Int] = [:]
        for code in current { depth[code.id] = codebook.depth(of: code.id) }
        var columns: [Code]
        if let level {
            guard level >= 1 else { throw ExportError("the level must be 1 (top of the codebook) or more; got \(level)") }
            let parents = Set(current.compactMap(\.parent))
            // A leaf above the chosen level has nothing below it to roll up, so it stands as its own column.
            columns = current.filter { depth[$0.id]! == level - 1 || (depth[$0.id]! < level - 1 && !parents.contains($0.id)) }
            guard depth.values.contains(where: { $0 == level - 1 }) else {
                throw ExportError("the codebook has no code at level \(level) (its deepest level is \((depth.values.max() ?? -1) + 1))")
            }
        } else {
            columns = current.filter(\.codable)
            guard !columns.isEmpty else { throw ExportError("the codebook has no codable code") }
        }
        codes = columns
        var index: [String: Int] = [:]
        for (position, code) in columns.enumerated() { index[code.id] = position }
        var columnOfCode: [String: Int] = [:]
        for code in codebook.codes {
            if let own = index[code.id] {
                columnOfCode[code.id] = own
            } else if level != nil, let ancestor = codebook.ancestors(of: code.id).first(where: { index[$0] != nil }) {
                columnOfCode[code.id] = index[ancestor]
            }
        }
        self.columnOfCode = columnOfCode
    }

    public var count: Int { codes.count }

    /// The column `codeID` counts toward, if any.
    public func column(of codeID: String) -> Int? { columnOfCode[codeID] }

    /// The column of each code number of a coding (-1: the code counts toward no column).
    func columnsByNumber(_ coding: SourceCoding) -> [Int] {
        coding.codeIndex.ids.map { columnOfCode[$0] ?? -1 }
    }

    /// The columns present on an excerpt with these code numbers, sorted, without repeats.
    static func present(_ codes: [Int32], _ columnsByNumber: [Int], into present: inout [Int]) {
        present.removeAll(keepingCapacity: true)
        for code in codes {
            let column = columnsByNumber[Int(code)]
            if column >= 0, !present.contains(column) { present.append(column) }
        }
        present.sort()
    }

    /// The name of the category a column sits in (its top-level ancestor), for long layouts and reports.
    public func category(of column: Int, in codebook: Codebook) -> Code? {
        guard let top = codebook.ancestors(of: codes[column].id).last else { return nil }
        return codebook.code(top)
    }
}
