/// Why no name could be settled on, in the researcher's words.
public enum IdentityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A name that cannot be a coder name; `source` is where it came from (nil: typed on the command line).
    case invalidName(String, source: String?)
    case notSet
    case notATerminal(suggestion: String)
    case declined(suggestion: String)
    case noConfigFolder
    case cannotStore(String)

    public var description: String {
        switch self {
        case .invalidName(let name, let source):
            "\"\(name)\"\(source.map { " (from \($0))" } ?? "") is not a valid coder name: \(Identifier.coderNameRule)"
        case .notSet:
            "no name is set: use \(Identity.howToSet)"
        case .notATerminal(let suggestion):
            "no name is set, and without a terminal to ask whether to work as \"\(suggestion)\" (from git's user.name) none is guessed: use \(Identity.howToSet)"
        case .declined:
            "no name is set: use \(Identity.howToSet)"
        case .noConfigFolder:
            "neither XDG_CONFIG_HOME nor HOME is set, so there is no config folder to store the name in: use \(Identity.variable)=NAME"
        case .cannotStore(let reason):
            "the name could not be stored: \(reason)"
        }
    }
}
