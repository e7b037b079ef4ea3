import ArgumentParser
import Glibc
import ThematicCore

struct WhoamiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Print who you work as, and where the name comes from; --set NAME names you once for every command.",
        discussion: """
            --coder, --by and --lead default to this name; a flag given on the command line always wins. The name comes \
            from THEMATIC_USER, else from the one `thematic whoami --set NAME` stored in $XDG_CONFIG_HOME/thematic/user \
            (~/.config/thematic/user), else, asked once at a terminal, from git's user.name.
            """
    )

    @Option(help: "Store this name (lower-case letters, digits, '-' or '_') in your config folder.")
    var set: String?

    func run() throws {
        if let set {
            let path: String
            do {
                path = try Identity.store(set, IdentitySources.system(environment: currentEnvironment(), ask: nil))
            } catch {
                throw CommandFailure("\(error)")
            }
            print("You work as \(set) (stored in \(path)).")
            if let overriding = currentEnvironment()[Identity.variable], !overriding.isEmpty, overriding != set {
                printError("note: \(Identity.variable)=\(overriding) is set, and wins over the stored name while it is")
            }
            return
        }
        print(try resolvedIdentity(purpose: "say who you are: \(Identity.howToSet)").description)
    }
}

/// Who makes the change: the name given with `option` when there is one, else the person's identity (asking once
/// about git's user.name at a terminal). Fails with `purpose` and every way to name oneself.
func person(given: String?, option: String, purpose: String) throws -> String {
    if let given, !given.isEmpty { return given }
    return try resolvedIdentity(
        purpose: "\(purpose): \(option) NAME, \(Identity.variable) or `thematic whoami --set NAME`"
    ).name
}

/// The identity when it is known without asking (environment or config file), for what only shows it or records it
/// when there is one; a broken name there is reported elsewhere, so it counts as unknown here.
func knownPerson() -> String? {
    (try? Identity.known(IdentitySources.system(environment: currentEnvironment(), ask: nil)))??.name
}

private func resolvedIdentity(purpose: String) throws -> Identity {
    var ask: ((String) -> Bool)?
    if isatty(STDIN_FILENO) == 1 { ask = askOnTerminal }
    do {
        return try Identity.resolve(IdentitySources.system(environment: currentEnvironment(), ask: ask))
    } catch .notSet, .declined {
        throw CommandFailure(purpose)
    } catch .notATerminal(let suggestion) {
        throw CommandFailure(
            "\(purpose) (git's user.name would make \"\(suggestion)\", but without a terminal to ask, no name is guessed)"
        )
    } catch {
        throw CommandFailure("\(error)")
    }
}

private func askOnTerminal(_ question: String) -> Bool {
    var standardError = StandardError()
    print(question, terminator: "", to: &standardError)
    guard let answer = readLine()?.lowercased() else { return false }
    return ["", "y", "yes"].contains(answer.filter { !$0.isWhitespace })
}
