import CSV
import CanonicalJSON
import Foundation

/// Reliability data read from a file, in one of two formats:
///
/// - JSON, the format of the reference cases:
///   `{"units": [{"id": "u1", "codes": {"coderA": ["c1", "c2"], "coderB": []}}], "codes": ["c1", "c2"]}`.
///   A coder's key absent or `null` means the coder did not finish the unit; `[]` means finished,
///   no code applies. Coders are taken in order of first appearance; `codes` (optional) gives the code
///   universe and its order.
/// - CSV with a header row: the first column holds unit ids, every other column is one coder.
///   A cell lists the codes applied, separated by `;`. An empty cell means not finished;
///   `-` (``ReliabilityDataFile/noCodeMarker``) means finished with no code applied.
///
/// Codes used by a coder but missing from the code list are added after the listed codes, in order of
/// first appearance, and named in `unlistedCodes` so a caller can warn about them.
public struct ReliabilityDataFile: Sendable {
    public let data: ReliabilityData
    /// Codes the coders used that the file's (or caller's) code list did not name.
    public let unlistedCodes: [String]

    /// The CSV cell that means "finished the unit, no code applies".
    public static let noCodeMarker = "-"

    /// Reads `path` as CSV when its name ends in `.csv`, otherwise as JSON.
    public static func read(path: String) throws(ReliabilityDataError) -> ReliabilityDataFile {
        let contents = try ReliabilityDataBytes.read(path: path)
        if path.lowercased().hasSuffix(".csv") {
            guard let text = String(data: contents, encoding: .utf8) else {
                throw .invalidFile(path: path, location: "1:1", message: "not UTF-8 text")
            }
            return try csv(text, path: path)
        }
        return try json([UInt8](contents), path: path)
    }
}

// MARK: - JSON

extension ReliabilityDataFile {
    /// Reads the JSON format; errors name `path`, the line and column, and what was expected there.
    public static func json(_ bytes: [UInt8], path: String) throws(ReliabilityDataError) -> ReliabilityDataFile {
        if let scanned = ReliabilityJSONScan.read(bytes) { return scanned }
        return try jsonTree(bytes, path: path)
    }

    /// Reads the JSON format through a JSON tree: any file the format allows, and every error located.
    static func jsonTree(_ bytes: [UInt8], path: String) throws(ReliabilityDataError) -> ReliabilityDataFile {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .invalidFile(path: path, location: "\(error.line):\(error.column)", message: error.message)
        }
        func fail(_ value: JSONValue, _ message: String) -> ReliabilityDataError {
            let (line, column) = SourceText.location(ofOffset: value.offset, in: bytes)
            return .invalidFile(path: path, location: "\(line):\(column)", message: message)
        }
        guard case .object(let top) = root.kind else {
            throw fail(root, "expected an object with \"units\" and \"codes\", found \(root.typeDescription)")
        }
        guard let unitsValue = top.first(where: { $0.key == "units" })?.value else {
            throw fail(root, "expected a \"units\" member (an array of {\"id\", \"codes\"} objects)")
        }
        guard case .array(let unitValues) = unitsValue.kind else {
            throw fail(unitsValue, "\"units\" must be an array, found \(unitsValue.typeDescription)")
        }
        var listed: [String] = []
        if let codesValue = top.first(where: { $0.key == "codes" })?.value {
            guard case .array(let codeValues) = codesValue.kind else {
                throw fail(codesValue, "\"codes\" must be an array of code ids, found \(codesValue.typeDescription)")
            }
            for value in codeValues {
                guard case .string(let code) = value.kind else {
                    throw fail(value, "a code id must be a string, found \(value.typeDescription)")
                }
                if listed.contains(code) { throw fail(value, "code \"\(code)\" is listed twice in \"codes\"") }
                listed.append(code)
            }
        }
        // First pass: shapes, unit ids and coders.
        var unitIDs: [String] = []
        var seenUnits = Set<String>()
        var coders: [String] = []
        var codingsOfUnit: [[JSONMember]] = []
        for unit in unitValues {
            guard case .object(let members) = unit.kind else {
                throw fail(
                    unit, "a unit must be an object {\"id\": ..., \"codes\": {...}}, found \(unit.typeDescription)")
            }
            guard let idValue = members.first(where: { $0.key == "id" })?.value else {
                throw fail(unit, "the unit has no \"id\"")
            }
            guard case .string(let id) = idValue.kind else {
                throw fail(idValue, "a unit id must be a string, found \(idValue.typeDescription)")
            }
            guard seenUnits.insert(id).inserted else { throw fail(idValue, "unit id \"\(id)\" appears twice") }
            guard let codesValue = members.first(where: { $0.key == "codes" })?.value else {
                throw fail(unit, "unit \"\(id)\" has no \"codes\" object (coder -> list of codes or null)")
            }
            guard case .object(let codings) = codesValue.kind else {
                throw fail(
                    codesValue,
                    "\"codes\" of unit \"\(id)\" must be an object (coder -> list of codes or null), found \(codesValue.typeDescription)"
                )
            }
            for coding in codings where !coders.contains(coding.key) { coders.append(coding.key) }
            unitIDs.append(id)
            codingsOfUnit.append(codings)
        }
        // Second pass: the codings.
        var data = ReliabilityData(unitIDs: unitIDs, coders: coders, codes: listed)
        var universe = CodeUniverse(listed)
        var indices: [Int] = []
        for (u, codings) in codingsOfUnit.enumerated() {
            for coding in codings {
                let value = coding.value
                if case .null = value.kind { continue }
                guard case .array(let applied) = value.kind else {
                    throw fail(
                        value,
                        "coder \"\(coding.key)\" on unit \"\(unitIDs[u])\": expected a list of codes or null, found \(value.typeDescription)"
                    )
                }
                indices.removeAll(keepingCapacity: true)
                for codeValue in applied {
                    guard case .string(let code) = codeValue.kind else {
                        throw fail(codeValue, "a code id must be a string, found \(codeValue.typeDescription)")
                    }
                    indices.append(universe.index(of: code, in: &data))
                }
                data.setCoding(unit: u, coder: coders.firstIndex(of: coding.key)!, codes: indices)
            }
        }
        return ReliabilityDataFile(data: data, unlistedCodes: universe.unlisted)
    }
}

// MARK: - CSV

extension ReliabilityDataFile {
    /// Reads the CSV format; errors name `path`, the row (the header is row 1) and column, and what was
    /// expected there. `codes` gives the code universe and its order (e.g. from the codebook); without it
    /// codes are taken in order of first appearance.
    public static func csv(_ text: String, path: String, codes listed: [String] = []) throws(ReliabilityDataError)
        -> ReliabilityDataFile
    {
        func fail(row: Int, column: Int? = nil, _ message: String) -> ReliabilityDataError {
            .invalidFile(
                path: path, location: column.map { "row \(row), column \($0)" } ?? "row \(row)", message: message)
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw fail(row: 1, "cannot read as CSV (\(error))")
        }
        guard let header = reader.next(), header.count >= 2 else {
            throw fail(row: 1, "expected a header row: a unit column, then one column per coder")
        }
        let coders = header.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        for (i, coder) in coders.enumerated() {
            if coder.isEmpty { throw fail(row: 1, column: i + 2, "a coder column needs a name in the header") }
            if coders[..<i].contains(coder) { throw fail(row: 1, column: i + 2, "coder \"\(coder)\" has two columns") }
        }
        var rows: [[String]] = []
        while let row = reader.next() {
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            rows.append(row)
        }
        if let error = reader.error { throw fail(row: rows.count + 2, "cannot read as CSV (\(error))") }
        var unitIDs: [String] = []
        var seenUnits = Set<String>()
        for (r, row) in rows.enumerated() {
            guard row.count == header.count else {
                throw fail(
                    row: r + 2,
                    "expected \(header.count) fields (a unit id and \(coders.count) coders), found \(row.count)")
            }
            let id = row[0].trimmingCharacters(in: .whitespaces)
            if id.isEmpty { throw fail(row: r + 2, column: 1, "the unit id is empty") }
            guard seenUnits.insert(id).inserted else {
                throw fail(row: r + 2, column: 1, "unit id \"\(id)\" appears twice")
            }
            unitIDs.append(id)
        }
        var seenCodes = Set<String>()
        let listed = listed.filter { seenCodes.insert($0).inserted }
        var data = ReliabilityData(unitIDs: unitIDs, coders: coders, codes: listed)
        var universe = CodeUniverse(listed)
        for (u, row) in rows.enumerated() {
            for coder in coders.indices {
                let cell = row[coder + 1].trimmingCharacters(in: .whitespaces)
                if cell.isEmpty { continue }
                if cell == noCodeMarker {
                    data.setCoding(unit: u, coder: coder, codes: [])
                    continue
                }
                var indices: [Int] = []
                for part in cell.split(separator: ";", omittingEmptySubsequences: false) {
                    let code = part.trimmingCharacters(in: .whitespaces)
                    if code.isEmpty || code == noCodeMarker {
                        throw fail(
                            row: u + 2, column: coder + 2,
                            "coder \"\(coders[coder])\": expected code ids separated by \";\" (or \"\(noCodeMarker)\" alone for no code), found \"\(cell)\""
                        )
                    }
                    indices.append(universe.index(of: code, in: &data))
                }
                data.setCoding(unit: u, coder: coder, codes: indices)
            }
        }
        return ReliabilityDataFile(data: data, unlistedCodes: universe.unlisted)
    }
}

/// The code ids of a file being read: the listed codes first, then any others as coders use them.
private struct CodeUniverse {
    private var indexOf: [String: Int]
    private let hasList: Bool
    /// Codes used but not listed (empty when there was no list to compare with).
    private(set) var unlisted: [String] = []

    init(_ listed: [String]) {
        indexOf = Dictionary(listed.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        hasList = !listed.isEmpty
    }

    /// The index of `code` in `data.codes`, appending it to `data` when new.
    mutating func index(of code: String, in data: inout ReliabilityData) -> Int {
        if let i = indexOf[code] { return i }
        let i = data.appendCode(code)
        indexOf[code] = i
        if hasList { unlisted.append(code) }
        return i
    }
}
