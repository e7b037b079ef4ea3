/// Why reliability data could not be read or narrowed, in words for the researcher.
public enum ReliabilityDataError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCoder(String, known: [String])
    case unknownUnit(String)
    /// A problem at a place in a file: `location` is "line:column" for JSON, "row N, column M" for CSV.
    case invalidFile(path: String, location: String, message: String)

    public var description: String {
        switch self {
        case .unknownCoder(let name, let known):
            return "no coder named \"\(name)\" in the reliability data (coders: \(known.joined(separator: ", ")))"
        case .unknownUnit(let id):
            return "no unit with id \"\(id)\" in the reliability data"
        case .invalidFile(let path, let location, let message):
            return "\(path):\(location): \(message)"
        }
    }
}
