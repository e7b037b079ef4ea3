/// Where an identity can come from; injected, so the order can be tested without a real home or git.
public struct IdentitySources {
    public var environment: [String: String]
    public var readFile: (String) -> String?
    public var writeFile: (String, String) throws -> Void
    public var gitUserName: () -> String?
    /// Asks a yes/no question; nil when standard input is not a terminal, so nothing is guessed.
    public var ask: ((String) -> Bool)?

    public init(
        environment: [String: String], readFile: @escaping (String) -> String? = { _ in nil },
        writeFile: @escaping (String, String) throws -> Void = { _, _ in },
        gitUserName: @escaping () -> String? = { nil },
        ask: ((String) -> Bool)? = nil
    ) {
        self.environment = environment
        self.readFile = readFile
        self.writeFile = writeFile
        self.gitUserName = gitUserName
        self.ask = ask
    }

    /// The real config file (written atomically, its folder made when missing) and git's `user.name` as git sees it
    /// from the working folder.
    public static func system(environment: [String: String], ask: ((String) -> Bool)?) -> IdentitySources {
        IdentitySources(
            environment: environment,
            readFile: { path in
                guard FileSystem.exists(path), let bytes = try? FileSystem.readBytes(path) else { return nil }
                return String(decoding: bytes, as: UTF8.self)
            },
            writeFile: { path, text in
                try FileSystem.createDirectories(FileSystem.parent(of: path))
                try AtomicFile.write(Array(text.utf8), to: path)
            },
            gitUserName: {
                // No git, or no user.name: git simply does not name anybody, and the other sources are asked.
                guard let git = Subprocess.find("git"), let result = try? Subprocess.run(git, ["config", "user.name"]),
                    result.status == 0
                else { return nil }
                let name = String(decoding: result.output, as: UTF8.self).trimmingWhitespace
                return name.isEmpty ? nil : name
            },
            ask: ask
        )
    }
}
