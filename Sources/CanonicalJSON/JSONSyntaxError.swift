/// Why a byte sequence is not the JSON it should be, and where: 1-based line and column.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int
    public var message: String

    public init(offset: Int, line: Int, column: Int, message: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`, ready to follow a file name.
    public var description: String { "\(line):\(column): \(message)" }
}
