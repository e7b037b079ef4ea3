import Agreement

/// Writes RFC 4180 delimited text: CSV (comma) or TSV (tab), UTF-8, CRLF line ends, a header row first.
///
/// A field is quoted only when it holds the separator, a double quote, a carriage return or a line feed; quotes inside
/// are doubled. CRLF is what RFC 4180 prescribes and what Python's csv module writes; R's read.csv, pandas.read_csv
/// and Excel all read it as-is. No byte order mark unless asked for (see `byteOrderMark`); text cells stay raw unless
/// the file is meant for a spreadsheet (see `SpreadsheetCell`).
public struct DelimitedText: Sendable {
    public enum Dialect: Sendable, Equatable {
        case csv
        case tsv

        var separator: UInt8 { self == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t") }
    }

    /// UTF-8's byte order mark. Excel needs it to read non-ASCII text correctly when a file is opened by a double
    /// click, but it ends up inside the first header for R's read.csv and Python's csv module, so it is opt-in.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public let dialect: Dialect
    /// Whether text cells that a spreadsheet would run as formulas are neutralised.
    public let neutralisesFormulas: Bool
    public private(set) var bytes: [UInt8] = []
    private var fieldsInLine = 0

    public init(_ dialect: Dialect, byteOrderMark: Bool = false, neutralisingFormulas: Bool = false) {
        self.dialect = dialect
        self.neutralisesFormulas = neutralisingFormulas
        if byteOrderMark { bytes = Self.byteOrderMark }
    }

    /// Makes room for about `count` more bytes, so a large table is not copied as it grows.
    public mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    /// Appends one field to the current line.
    public mutating func field(_ text: String) {
        separate()
        var text = neutralisesFormulas ? SpreadsheetCell.neutralised(text) : text
        text.withUTF8 { utf8 in
            let separator = dialect.separator
            let needsQuotes = utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        }
    }

    /// Appends a whole number without going through `String`, since a large matrix has millions of them.
    public mutating func field(_ number: Int) {
        separate()
        if number >= 0 && number < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    public mutating func endLine() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        fieldsInLine = 0
    }

    /// Appends a whole line of text fields.
    public mutating func line(_ fields: [String]) {
        for text in fields { field(text) }
        endLine()
    }

    private mutating func separate() {
        if fieldsInLine > 0 { bytes.append(dialect.separator) }
        fieldsInLine += 1
    }
}
