import CanonicalJSON
import Dispatch

/// The common case of the JSON reliability-data format read straight from the bytes, without building a JSON tree or
/// a string per code: about a third of the time of the general reading (`ReliabilityDataFile.jsonTree`) for 50,000
/// units x 3 coders x 150 codes, which stays the reference for what the file means and for every error message.
///
/// It reads only a file in the plain shape the format describes: `units` and `codes` members only, units with `id`
/// and `codes` only, strings of ASCII characters without escapes. On anything else (another member, an escape, a
/// non-ASCII name, a duplicate, a syntax error) it gives up and returns nil, and the general reading takes over, so
/// both always agree on what a file holds.
///
/// A units array of `halvesFrom` bytes or more is read in two halves side by side, the second from a place that looks
/// like the start of a unit; the halves are joined only if the first, read from the start, ends exactly there, so
/// both were read as one pass would have read them. Otherwise the array is read again in one pass.
enum ReliabilityJSONScan {
    static func read(_ bytes: [UInt8], halvesFrom: Int = 1 << 20) -> ReliabilityDataFile? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer, halvesFrom: halvesFrom)
            return scanner.file()
        }
    }

    /// Read only, apart from its own tables, so each half of the units is read by a scanner of its own on its thread.
    fileprivate struct Scanner: @unchecked Sendable {
        let halvesFrom: Int
        var cursor: JSONByteCursor
        var unitIDs: [String] = []
        /// The unit ids as byte ranges, to find a repeated one without hashing a `String` (ASCII strings are equal
        /// exactly when their bytes are).
        var unitNames: DistinctByteRanges
        /// Coder names and code names, each as a byte range of the file, numbered in order of first use.
        var coders: DistinctByteRanges
        var codes: DistinctByteRanges
        var listed: [Range<Int>]?
        /// Per coding: unit, coder, and the end of its codes in `applied` (nil codings are not kept).
        var codings: [(unit: Int32, coder: Int32, end: Int32)] = []
        var applied: [Int32] = []

        init(bytes: UnsafeBufferPointer<UInt8>, from index: Int = 0, halvesFrom: Int) {
            self.halvesFrom = halvesFrom
            cursor = JSONByteCursor(bytes: bytes, index: index)
            unitNames = DistinctByteRanges(bytes: bytes)
            coders = DistinctByteRanges(bytes: bytes)
            codes = DistinctByteRanges(bytes: bytes)
        }

        mutating func file() -> ReliabilityDataFile? {
            guard cursor.take(UInt8(ascii: "{")) else { return nil }
            var sawUnits = false
            if !cursor.take(UInt8(ascii: "}")) {
                repeat {
                    guard let key = cursor.asciiString() else { return nil }
                    guard cursor.take(UInt8(ascii: ":")) else { return nil }
                    if cursor.matches(key, "units") && !sawUnits {
                        sawUnits = true
                        guard units() else { return nil }
                    } else if cursor.matches(key, "codes") && listed == nil {
                        guard let names = nameList() else { return nil }
                        listed = names
                    } else {
                        return nil
                    }
                } while cursor.take(UInt8(ascii: ","))
                guard cursor.take(UInt8(ascii: "}")) else { return nil }
            }
            guard cursor.isAtEnd(), sawUnits else { return nil }
            return assembled()
        }

        /// The data with its code universe: the listed codes first, then the others in order of first use.
        func assembled() -> ReliabilityDataFile? {
            let listedNames = (listed ?? []).map(cursor.text)
            var position: [String: Int] = [:]
            for (i, name) in listedNames.enumerated() {
                guard position.updateValue(i, forKey: name) == nil else { return nil }
            }
            var universe = listedNames
            var unlisted: [String] = []
            let finalIndex = codes.ranges.map { name -> Int in
                let id = cursor.text(name)
                if let i = position[id] { return i }
                universe.append(id)
                if !listedNames.isEmpty { unlisted.append(id) }
                return universe.count - 1
            }
            // Each (unit, coder) has one coding at most, so its bits go straight into the words of the bitsets.
            let (coderCount, unitCount) = (coders.ranges.count, unitIDs.count)
            let unitWords = (unitCount + 63) / 64
            var coded = [UInt64](repeating: 0, count: coderCount * unitWords)
            var appliedByCodeAndCoder = [UInt64](repeating: 0, count: universe.count * coderCount * unitWords)
            var start = 0
            for coding in codings {
                let (unit, coder) = (Int(coding.unit), Int(coding.coder))
                let bit: UInt64 = 1 << UInt64(unit & 63)
                coded[coder * unitWords + (unit >> 6)] |= bit
                for i in start..<Int(coding.end) {
                    let code = finalIndex[Int(applied[i])]
                    appliedByCodeAndCoder[(code * coderCount + coder) * unitWords + (unit >> 6)] |= bit
                }
                start = Int(coding.end)
            }
            func bitset(_ words: [UInt64], _ index: Int) -> Bitset {
                Bitset(count: unitCount, words: words[(index * unitWords)..<((index + 1) * unitWords)])
            }
            let data = ReliabilityData(
                unitIDs: unitIDs, coders: coders.ranges.map(cursor.text), codes: universe,
                coded: (0..<coderCount).map { bitset(coded, $0) },
                applied: universe.indices.map { code in
                    (0..<coderCount).map { bitset(appliedByCodeAndCoder, code * coderCount + $0) }
                })
            return ReliabilityDataFile(data: data, unlistedCodes: unlisted)
        }

        mutating func units() -> Bool {
            guard cursor.take(UInt8(ascii: "[")) else { return false }
            if cursor.take(UInt8(ascii: "]")) { return true }
            let rest = cursor.bytes.count - cursor.index
            if rest >= halvesFrom, let middle = unitStart(from: cursor.index + rest / 2),
                let joined = readInHalves(secondFrom: middle)
            {
                return joined
            }
            return unitsToTheEnd()
        }

        /// The units from the cursor to the end of the array, and its closing bracket.
        mutating func unitsToTheEnd() -> Bool {
            repeat {
                guard unit() else { return false }
            } while cursor.take(UInt8(ascii: ","))
            return cursor.take(UInt8(ascii: "]"))
        }

        /// The units from the cursor up to `next`, where the next unit must start.
        mutating func units(upTo next: Int) -> Bool {
            repeat {
                guard unit(), cursor.take(UInt8(ascii: ",")) else { return false }
                cursor.skipWhitespace()
            } while cursor.index < next
            return cursor.index == next
        }

        /// The first place from `index` on that looks like the start of a unit: `{` after `}` and `,`.
        func unitStart(from index: Int) -> Int? {
            let bytes = cursor.bytes
            var closing = index
            while closing < bytes.count {
                defer { closing += 1 }
                guard bytes[closing] == UInt8(ascii: "}") else { continue }
                var next = JSONByteCursor(bytes: bytes, index: closing + 1)
                guard next.take(UInt8(ascii: ",")) else { continue }
                next.skipWhitespace()
                if next.index < bytes.count && bytes[next.index] == UInt8(ascii: "{") { return next.index }
            }
            return nil
        }

        /// Reads the units up to `middle` here and those from `middle` on beside, and joins them: whether the units
        /// hold a repeated id, or nil when `middle` turned out not to start a unit or either half could not be read
        /// (the array is then read in one pass, which finds the same as one pass would).
        mutating func readInHalves(secondFrom middle: Int) -> Bool? {
            let halves = ConcurrentSlots<Scanner?>(count: 2, initial: nil)
            let first = self
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                var scanner =
                    half == 0 ? first : Scanner(bytes: first.cursor.bytes, from: middle, halvesFrom: first.halvesFrom)
                let read = half == 0 ? scanner.units(upTo: middle) : scanner.unitsToTheEnd()
                halves.slots[half] = read ? scanner : nil
            }
            guard let head = halves.slots[0], let tail = halves.slots[1] else { return nil }
            self = head
            return append(tail)
        }

        /// The units `tail` read after ours, its coders and codes renumbered into ours; false when a unit id repeats.
        mutating func append(_ tail: Scanner) -> Bool {
            // Looked up, not added: no unit comes after the tail's, and a table this large is slow to grow.
            for range in tail.unitNames.ranges where unitNames.existingNumber(of: range) != nil { return false }
            unitIDs.append(contentsOf: tail.unitIDs)
            let unitOffset = Int32(unitIDs.count - tail.unitIDs.count)
            let appliedOffset = Int32(applied.count)
            let coderNumber = tail.coders.ranges.map { Int32(coders.number(of: $0)) }
            let codeNumber = tail.codes.ranges.map { Int32(codes.number(of: $0)) }
            for coding in tail.codings {
                codings.append(
                    (coding.unit + unitOffset, coderNumber[Int(coding.coder)], coding.end + appliedOffset))
            }
            applied.append(contentsOf: tail.applied.lazy.map { codeNumber[Int($0)] })
            cursor.index = tail.cursor.index
            return true
        }

        /// One unit object; its codings go to `codings` once its id is known to be new.
        mutating func unit() -> Bool {
            guard cursor.take(UInt8(ascii: "{")) else { return false }
            var id: Range<Int>?
            var sawCodes = false
            let unit = Int32(unitIDs.count)
            var codersSeen: [Int32] = []
            repeat {
                guard let key = cursor.asciiString(), cursor.take(UInt8(ascii: ":")) else { return false }
                if cursor.matches(key, "id") && id == nil {
                    guard let value = cursor.asciiString() else { return false }
                    id = value
                } else if cursor.matches(key, "codes") && !sawCodes {
                    sawCodes = true
                    guard cursor.take(UInt8(ascii: "{")) else { return false }
                    if cursor.take(UInt8(ascii: "}")) { continue }
                    repeat {
                        guard let name = cursor.asciiString(), cursor.take(UInt8(ascii: ":")) else { return false }
                        let coder = Int32(coders.number(of: name))
                        guard !codersSeen.contains(coder) else { return false }
                        codersSeen.append(coder)
                        if cursor.takeWord("null") { continue }
                        guard cursor.take(UInt8(ascii: "[")) else { return false }
                        if !cursor.take(UInt8(ascii: "]")) {
                            repeat {
                                guard let code = cursor.asciiString() else { return false }
                                applied.append(Int32(codes.number(of: code)))
                            } while cursor.take(UInt8(ascii: ","))
                            guard cursor.take(UInt8(ascii: "]")) else { return false }
                        }
                        codings.append((unit, coder, Int32(applied.count)))
                    } while cursor.take(UInt8(ascii: ","))
                    guard cursor.take(UInt8(ascii: "}")) else { return false }
                } else {
                    return false
                }
            } while cursor.take(UInt8(ascii: ","))
            guard cursor.take(UInt8(ascii: "}")), let id, sawCodes else { return false }
            guard unitNames.number(of: id) == unitIDs.count else { return false }
            unitIDs.append(cursor.text(id))
            return true
        }

        mutating func nameList() -> [Range<Int>]? {
            guard cursor.take(UInt8(ascii: "[")) else { return nil }
            var names: [Range<Int>] = []
            if cursor.take(UInt8(ascii: "]")) { return names }
            repeat {
                guard let name = cursor.asciiString() else { return nil }
                names.append(name)
            } while cursor.take(UInt8(ascii: ","))
            return cursor.take(UInt8(ascii: "]")) ? names : nil
        }
    }
}
