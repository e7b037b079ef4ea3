/// The columns a matrix counts: codes at one level of the codebook tree, or code groups; and which of them each
/// applied code counts toward.
///
/// Level 1 is the top of the tree (in the A3 grid: the stages A-G), level 2 their children, and so on; a code at the
/// chosen level counts as present on an excerpt when it, or any code under it, was applied. Without a level the
/// columns are the codable codes themselves, each counting only itself. Merged codes are never columns: their old
/// codings already count as the code they were merged into. By group, a group counts as present when any of its
/// codes (or a code under one of them) was applied, so one applied code may count toward several columns.
public struct CodeColumns: Sendable {
    /// What each column stands for, in order: a code of the codebook (in depth-first order), or, by group, a group
    /// standing as a code of its id, name and description.
    public var codes: [Code]
    public var level: Int?
    public var byGroup: Bool
    /// Code id -> indexes of the columns it counts toward.
    let columnsOfCode: [String: [Int]]

    public init(codebook: Codebook, level: Int? = nil) throws(ExportError) {
        self.level = level
        byGroup = false
        let current = codebook.codes.filter { if case .merged = $0.status { false } else { true } }
        var depth: [String: Int] = [:]
        for code in current { depth[code.id] = codebook.depth(of: code.id) }
        var columns: [Code]
        if let level {
            guard level >= 1 else {
                throw ExportError("the level must be 1 (top of the codebook) or more; got \(level)")
            }
            let parents = Set(current.compactMap(\.parent))
            // A leaf above the chosen level has nothing below it to roll up, so it stands as its own column.
            columns = current.filter {
                depth[$0.id]! == level - 1 || (depth[$0.id]! < level - 1 && !parents.contains($0.id))
            }
            guard depth.values.contains(where: { $0 == level - 1 }) else {
                throw ExportError(
                    "the codebook has no code at level \(level) (its deepest level is \((depth.values.max() ?? -1) + 1))"
                )
            }
        } else {
            columns = current.filter(\.codable)
            guard !columns.isEmpty else { throw ExportError("the codebook has no codable code") }
        }
        codes = columns
        var index: [String: Int] = [:]
        for (position, code) in columns.enumerated() { index[code.id] = position }
        var columnsOfCode: [String: [Int]] = [:]
        for code in codebook.codes {
            if let own = index[code.id] {
                columnsOfCode[code.id] = [own]
            } else if level != nil, let ancestor = codebook.ancestors(of: code.id).first(where: { index[$0] != nil }) {
                columnsOfCode[code.id] = [index[ancestor]!]
            }
        }
        self.columnsOfCode = columnsOfCode
    }

    /// One column per code group, in the codebook's order of groups.
    public init(groupsOf codebook: Codebook) throws(ExportError) {
        guard !codebook.groups.isEmpty else { throw ExportError("the codebook has no code groups to count by") }
        level = nil
        byGroup = true
        codes = codebook.groups.map { Code(id: $0.id, name: $0.name, brief: $0.description) }
        var columnsOfCode: [String: [Int]] = [:]
        for code in codebook.codes {
            let lineage = Set([code.id] + codebook.ancestors(of: code.id))
            let columns = codebook.groups.indices.filter { !lineage.isDisjoint(with: codebook.groups[$0].codes) }
            if !columns.isEmpty { columnsOfCode[code.id] = columns }
        }
        self.columnsOfCode = columnsOfCode
    }

    public var count: Int { codes.count }

    /// What the columns are, for a matrix's notes.
    public var explanation: String {
        if byGroup { return "code groups (a group counts when any of its codes, or a code under one, was applied)" }
        return level.map { "codes at level \($0) (a code counts when it or any code under it was applied)" }
            ?? "codable codes"
    }

    /// The columns `codeID` counts toward (none: it counts toward no column).
    public func columns(of codeID: String) -> [Int] { columnsOfCode[codeID] ?? [] }

    /// The columns of each code number of a coding.
    func columnsByNumber(_ coding: SourceCoding) -> [[Int]] {
        coding.codeIndex.ids.map { columnsOfCode[$0] ?? [] }
    }

    /// The columns present on an excerpt with these code numbers, sorted, without repeats.
    static func present(_ codes: [Int32], _ columnsByNumber: [[Int]], into present: inout [Int]) {
        present.removeAll(keepingCapacity: true)
        for code in codes {
            for column in columnsByNumber[Int(code)] where !present.contains(column) { present.append(column) }
        }
        present.sort()
    }

    /// The name of the category a column sits in (its top-level ancestor), for long layouts and reports; none for a
    /// group, which sits outside the tree.
    public func category(of column: Int, in codebook: Codebook) -> Code? {
        guard !byGroup, let top = codebook.ancestors(of: codes[column].id).last else { return nil }
        return codebook.code(top)
    }
}
