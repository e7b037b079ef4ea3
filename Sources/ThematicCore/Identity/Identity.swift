/// Who is working, named once rather than on every command (`--coder`, `--by`, `--lead` default to it).
///
/// The name comes from, in order: the `THEMATIC_USER` environment variable; the name `thematic whoami --set NAME`
/// stored in the user's config folder; else git's `user.name`, made into a coder name, but only after the person
/// said yes to it at a terminal (and then stored, so it is asked once). Without a terminal nothing is guessed.
public struct Identity: Sendable, Equatable, CustomStringConvertible {
    public enum Source: Sendable, Equatable {
        case environment
        case config(path: String)
        case git
    }

    public var name: String
    public var source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }

    /// "asha (from THEMATIC_USER)", as `thematic whoami` prints it.
    public var description: String {
        switch source {
        case .environment: "\(name) (from \(Identity.variable))"
        case .config(let path): "\(name) (from \(path))"
        case .git: "\(name) (from git's user.name)"
        }
    }

    public static let variable = "THEMATIC_USER"

    /// How to name yourself, for messages that need a name and found none.
    public static let howToSet = "\(variable)=NAME or `thematic whoami --set NAME`"

    /// `$XDG_CONFIG_HOME/thematic/user`, else `~/.config/thematic/user`; nil without either variable.
    public static func configFile(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/thematic/user" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/thematic/user" }
        return nil
    }

    /// The name from the environment or the config file, without asking or guessing; nil when neither names one.
    public static func known(_ sources: IdentitySources) throws(IdentityError) -> Identity? {
        if let name = sources.environment[variable], !name.isEmpty {
            guard Identifier.isValidCoderName(name) else { throw .invalidName(name, source: variable) }
            return Identity(name: name, source: .environment)
        }
        guard let path = configFile(environment: sources.environment), let stored = sources.readFile(path) else {
            return nil
        }
        let name = stored.trimmingWhitespace
        if name.isEmpty { return nil }
        guard Identifier.isValidCoderName(name) else { throw .invalidName(name, source: path) }
        return Identity(name: name, source: .config(path: path))
    }

    /// The known name, else git's user.name once the person accepts it (it is then stored in the config file).
    public static func resolve(_ sources: IdentitySources) throws(IdentityError) -> Identity {
        if let known = try known(sources) { return known }
        guard let gitName = sources.gitUserName(), let suggestion = coderName(fromGitName: gitName) else {
            throw .notSet
        }
        guard let ask = sources.ask else { throw .notATerminal(suggestion: suggestion) }
        guard ask("Work as \"\(suggestion)\" (from git's user.name)? [Y/n] ") else {
            throw .declined(suggestion: suggestion)
        }
        _ = try store(suggestion, sources)
        return Identity(name: suggestion, source: .git)
    }

    /// Stores `name` as `thematic whoami --set` does, returning the file written; an invalid name is refused.
    public static func store(_ name: String, _ sources: IdentitySources) throws(IdentityError) -> String {
        guard Identifier.isValidCoderName(name) else { throw .invalidName(name, source: nil) }
        guard let path = configFile(environment: sources.environment) else { throw .noConfigFolder }
        do {
            try sources.writeFile(path, name + "\n")
        } catch {
            throw .cannotStore("\(error)")
        }
        return path
    }

    /// "Jane Smith" -> "jane-smith", "José Pérez" -> "jose-perez": lower case, accents dropped, other characters '-'.
    public static func coderName(fromGitName name: String) -> String? {
        RefiNames.coderName(name)
    }
}

extension String {
    /// Without the spaces and line ends around it (a config file ends in a newline).
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
