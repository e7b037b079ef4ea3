import CanonicalJSON

/// Something wrong in a study's files, located as precisely as the file allows: `file:line:column: path: message`.
public struct StudyProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: Sendable, Equatable {
        case error
        /// Worth knowing, but the study can be used (e.g. coded against an older codebook revision).
        case warning
    }

    /// Relative to the study folder, e.g. `codings/asha.json`.
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Field path inside the file, e.g. `excerpts["R01-002"].codes["Z9"]`.
    public var path: String?
    public var message: String
    public var severity: Severity

    public init(
        file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String,
        severity: Severity = .error
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.severity = severity
    }

    public var description: String { description(inStudy: nil) }

    /// The description with the file's path inside `folder` (the study folder as the user named it).
    /// A problem with the folder itself has an empty `file`.
    public func description(inStudy folder: String?) -> String {
        var text = file
        if let folder { text = file.isEmpty ? folder : folder + "/" + file }
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        if let path { text += "\(path): " }
        return text + message
    }
}

/// Problems found while reading one file, before they are given the file's name and line numbers.
struct FileProblems {
    var items: [(path: JSONPath, offset: Int, message: String, severity: StudyProblem.Severity)] = []

    mutating func error(_ path: JSONPath, _ offset: Int, _ message: String) {
        items.append((path, offset, message, .error))
    }

    mutating func warning(_ path: JSONPath, _ offset: Int, _ message: String) {
        items.append((path, offset, message, .warning))
    }

    func located(in file: String, bytes: [UInt8]) -> [StudyProblem] {
        items.map { item in
            let place = SourceText.location(ofOffset: item.offset, in: bytes)
            return StudyProblem(
                file: file, line: place.line, column: place.column, path: item.path.description,
                message: item.message, severity: item.severity)
        }
    }
}

/// Thrown when a study cannot be opened; lists every problem found, not just the first.
public struct StudyLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [StudyProblem]

    public init(problems: [StudyProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
