/// Turns byte offsets into the 1-based line and column a person sees in an editor.
public enum SourceText {
    /// Line and column of `offset` in `bytes`; columns count Unicode scalars, not bytes.
    public static func location(ofOffset offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    /// The first offset at which `bytes` stop being valid UTF-8, or nil when all of it is valid.
    public static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            let raw = UnsafeRawBufferPointer(buffer)
            while index < count {
                // Most study text is ASCII: skip eight ASCII bytes at a time.
                while index + 8 <= count,
                    raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & ByteWord.highBits == 0
                {
                    index += 8
                }
                guard index < count else { break }
                let byte = buffer[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var minimum: UInt32
                var scalar: UInt32
                switch byte {
                case 0xC2...0xDF:
                    length = 2
                    minimum = 0x80
                    scalar = UInt32(byte & 0x1F)
                case 0xE0...0xEF:
                    length = 3
                    minimum = 0x800
                    scalar = UInt32(byte & 0x0F)
                case 0xF0...0xF4:
                    length = 4
                    minimum = 0x10000
                    scalar = UInt32(byte & 0x07)
                default: return index
                }
                if index + length > count { return index }
                for next in 1..<length {
                    let continuation = buffer[index + next]
                    if continuation & 0xC0 != 0x80 { return index }
                    scalar = scalar << 6 | UInt32(continuation & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
                index += length
            }
            return nil
        }
    }

    /// The 1-based line numbers that hold git merge-conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`).
    public static func conflictMarkerLines(in bytes: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var lineStart = 0
        for index in 0...bytes.count {
            if index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                if isConflictMarker(bytes[lineStart..<index]) { lines.append(line) }
                line += 1
                lineStart = index + 1
            }
        }
        return lines
    }

    private static func isConflictMarker(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        for marker in [UInt8(ascii: "<"), UInt8(ascii: ">")] {
            if trimmed.count >= 7, trimmed.prefix(7).allSatisfy({ $0 == marker }),
                trimmed.count == 7 || trimmed[trimmed.startIndex + 7] == UInt8(ascii: " ")
            {
                return true
            }
        }
        return trimmed.count == 7 && trimmed.allSatisfy { $0 == UInt8(ascii: "=") }
    }
}
