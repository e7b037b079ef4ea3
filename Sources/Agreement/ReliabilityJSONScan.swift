/// The common case of the JSON reliability-data format read straight from the bytes, without building a JSON tree or
/// a string per code: about a third of the time of the general reading (`ReliabilityDataFile.jsonTree`) for 50,000
/// units x 3 coders x 150 codes, which stays the reference for what the file means and for every error message.
///
/// It reads only a file in the plain shape the format describes: `units` and `codes` members only, units with `id`
/// and `codes` only, strings of ASCII characters without escapes. On anything else (another member, an escape, a
/// non-ASCII name, a duplicate, a syntax error) it gives up and returns nil, and the general reading takes over, so
/// both always agree on what a file holds.
enum ReliabilityJSONScan {
    static func read(_ bytes: [UInt8]) -> ReliabilityDataFile? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return scanner.file()
        }
    }

    /// A byte range of the file: a name without escapes.
    fileprivate struct Name {
        var start: Int
        var end: Int
    }

    fileprivate struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var unitIDs: [String] = []
        var seenUnits = Set<String>()
        var coders: [Name] = []
        var listed: [Name]?
        var codes: NameTable
        /// Per coding: unit, coder, and the end of its codes in `applied` (nil codings are not kept).
        var codings: [(unit: Int32, coder: Int32, end: Int32)] = []
        var applied: [Int32] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            codes = NameTable(bytes: bytes)
        }

        mutating func file() -> ReliabilityDataFile? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var sawUnits = false
            if !take(UInt8(ascii: "}")) {
                repeat {
                    guard let key = string() else { return nil }
                    guard take(UInt8(ascii: ":")) else { return nil }
                    if equals(key, "units") && !sawUnits {
                        sawUnits = true
                        guard units() else { return nil }
                    } else if equals(key, "codes") && listed == nil {
                        guard let names = nameList() else { return nil }
                        listed = names
                    } else {
                        return nil
                    }
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return nil }
            }
            skipWhitespace()
            guard sawUnits, index == bytes.count else { return nil }
            return assembled()
        }

        /// The data with its code universe: the listed codes first, then the others in order of first use.
        func assembled() -> ReliabilityDataFile? {
            let listedNames = (listed ?? []).map(text)
            var position: [String: Int] = [:]
            for (i, name) in listedNames.enumerated() {
                guard position.updateValue(i, forKey: name) == nil else { return nil }
            }
            var universe = listedNames
            var unlisted: [String] = []
            let finalIndex = codes.names.map { name -> Int in
                let id = text(name)
                if let i = position[id] { return i }
                universe.append(id)
                if !listedNames.isEmpty { unlisted.append(id) }
                return universe.count - 1
            }
            var data = ReliabilityData(unitIDs: unitIDs, coders: coders.map(text), codes: universe)
            var indices: [Int] = []
            var start = 0
            for coding in codings {
                indices.removeAll(keepingCapacity: true)
                for i in start..<Int(coding.end) { indices.append(finalIndex[Int(applied[i])]) }
                data.setCoding(unit: Int(coding.unit), coder: Int(coding.coder), codes: indices)
                start = Int(coding.end)
            }
            return ReliabilityDataFile(data: data, unlistedCodes: unlisted)
        }

        mutating func units() -> Bool {
            guard take(UInt8(ascii: "[")) else { return false }
            if take(UInt8(ascii: "]")) { return true }
            repeat {
                guard unit() else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]"))
        }

        /// One unit object; its codings go to `codings` once its id is known to be new.
        mutating func unit() -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            var id: Name?
            var sawCodes = false
            let unit = Int32(unitIDs.count)
            var codersSeen: [Int32] = []
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")) else { return false }
                if equals(key, "id") && id == nil {
                    guard let value = string() else { return false }
                    id = value
                } else if equals(key, "codes") && !sawCodes {
                    sawCodes = true
                    guard take(UInt8(ascii: "{")) else { return false }
                    if take(UInt8(ascii: "}")) { continue }
                    repeat {
                        guard let name = string(), take(UInt8(ascii: ":")) else { return false }
                        let coder = coderIndex(name)
                        guard !codersSeen.contains(coder) else { return false }
                        codersSeen.append(coder)
                        if takeNull() { continue }
                        guard take(UInt8(ascii: "[")) else { return false }
                        if !take(UInt8(ascii: "]")) {
                            repeat {
                                guard let code = string() else { return false }
                                applied.append(Int32(codes.index(of: code)))
                            } while take(UInt8(ascii: ","))
                            guard take(UInt8(ascii: "]")) else { return false }
                        }
                        codings.append((unit, coder, Int32(applied.count)))
                    } while take(UInt8(ascii: ","))
                    guard take(UInt8(ascii: "}")) else { return false }
                } else {
                    return false
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")), let id, sawCodes else { return false }
            let idText = text(id)
            guard seenUnits.insert(idText).inserted else { return false }
            unitIDs.append(idText)
            return true
        }

        mutating func nameList() -> [Name]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var names: [Name] = []
            if take(UInt8(ascii: "]")) { return names }
            repeat {
                guard let name = string() else { return nil }
                names.append(name)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? names : nil
        }

        mutating func coderIndex(_ name: Name) -> Int32 {
            if let i = coders.firstIndex(where: { same($0, name) }) { return Int32(i) }
            coders.append(name)
            return Int32(coders.count - 1)
        }

        /// A string of printable ASCII without escapes; nil for anything else.
        mutating func string() -> Name? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return Name(start: start, end: index - 1)
                }
                guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            return nil
        }

        mutating func takeNull() -> Bool {
            skipWhitespace()
            guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
                bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
            else { return false }
            index += 4
            return true
        }

        /// Skips white space, then takes `byte` if it comes next.
        mutating func take(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        func text(_ name: Name) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[name.start..<name.end]), as: UTF8.self)
        }

        func equals(_ name: Name, _ word: StaticString) -> Bool {
            word.withUTF8Buffer { expected in
                name.end - name.start == expected.count
                    && expected.indices.allSatisfy { bytes[name.start + $0] == expected[$0] }
            }
        }

        func same(_ a: Name, _ b: Name) -> Bool {
            a.end - a.start == b.end - b.start
                && (0..<(a.end - a.start)).allSatisfy { bytes[a.start + $0] == bytes[b.start + $0] }
        }
    }

    /// Distinct names in order of first appearance, found by their bytes (open addressing, FNV-1a).
    fileprivate struct NameTable {
        let bytes: UnsafeBufferPointer<UInt8>
        private(set) var names: [Name] = []
        private var slots = [Int32](repeating: -1, count: 256)

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func index(of name: Name) -> Int {
            if 2 * (names.count + 1) > slots.count { grow() }
            let mask = slots.count - 1
            var slot = hash(name) & mask
            while true {
                let id = Int(slots[slot])
                if id < 0 {
                    slots[slot] = Int32(names.count)
                    names.append(name)
                    return names.count - 1
                }
                let other = names[id]
                if other.end - other.start == name.end - name.start
                    && (0..<(name.end - name.start)).allSatisfy({ bytes[other.start + $0] == bytes[name.start + $0] })
                {
                    return id
                }
                slot = (slot + 1) & mask
            }
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for (id, name) in names.enumerated() {
                var slot = hash(name) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(id)
            }
        }

        private func hash(_ name: Name) -> Int {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for i in name.start..<name.end { hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01B3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }
}
