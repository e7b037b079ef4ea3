import Glibc

/// Where a coder's `SessionMemory` for a study is kept: `$XDG_STATE_HOME/thematic/sessions/`, else
/// `~/.local/state/thematic/sessions/`, one file per study and coder named after both (the study by its absolute
/// path, so two studies never share a file). Outside the study folder, so git never sees it; the folder is the
/// owner's only (0700) and so each file (0600). Written atomically, so a kill at any instant leaves the old memory
/// or the new one.
public struct SessionMemoryStore: Sendable, Equatable {
    /// The memory file.
    public let path: String
    /// The study's absolute path, as the file records it.
    let study: String
    let coder: String

    /// The store for `coder` in the study at `studyPath`; nil when neither XDG_STATE_HOME nor HOME is set.
    public init?(studyPath: String, coder: String, environment: [String: String]) {
        let base: String
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            return nil
        }
        study = Self.absolute(studyPath)
        self.coder = coder
        path = "\(base)/thematic/sessions/\(coder)-\(Self.fingerprint(study)).json"
    }

    /// The memory saved last time; nil when there is none yet.
    public func load() throws(SessionMemoryError) -> SessionMemory? {
        guard FileSystem.exists(path) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path, limit: FileSizeLimit.studyFile)
        } catch {
            throw .unreadable("\(error)")
        }
        return try SessionMemoryFormat.decode(bytes, study: study, coder: coder)
    }

    /// `durable: false` leaves out the fsyncs (see `AtomicFile`): for the save after each decision, which would
    /// otherwise double a writing key's time; the save as the screen closes is durable.
    public func save(_ memory: SessionMemory, durable: Bool = true) throws(FileError) {
        let folder = FileSystem.parent(of: path)
        if !FileSystem.isDirectory(folder) {
            try FileSystem.createDirectories(FileSystem.parent(of: folder))
            guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
                throw FileError(path: folder, action: "create the folder", errno: errno)
            }
        }
        try AtomicFile.write(SessionMemoryFormat.encode(memory, study: study, coder: coder), to: path, durable: durable)
    }

    /// The path made absolute and free of symbolic links where it exists, so one study has one name.
    static func absolute(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
    }

    /// FNV-1a of the path, in hex: a short, stable file name part (the file also records the path it is for).
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
