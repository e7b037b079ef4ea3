import CanonicalJSON

/// One coding action as undo and redo see it: the excerpt's decision before and after, and what the action did in
/// the coder's words ("removed A1 from R01-005"), so undo and redo can say what they undo or redo.
public struct CodingChange: Equatable, Sendable {
    public var excerptID: String
    public var before: ExcerptCoding?
    public var after: ExcerptCoding?
    public var summary: String

    public init(excerptID: String, before: ExcerptCoding?, after: ExcerptCoding?, summary: String = "") {
        self.excerptID = excerptID
        self.before = before
        self.after = after
        self.summary = summary
    }
}

/// What the coding screen remembers for one coder in one study between sessions: the excerpt on screen, the list
/// filter, the focused pane, the folded categories and the undo history. It is the coder's own convenience, kept
/// outside the study folder (`SessionMemoryStore`), so git never sees it and nobody else's screen reads it.
public struct SessionMemory: Equatable, Sendable {
    /// Which excerpts the list shows, as the screen's filter names them.
    public enum Filter: Equatable, Sendable {
        case all, unfinished
        case review(String)
        case code(String)
        case search(String)
    }

    /// A memo that was open, changed and unsaved when the screen ended (a signal: the terminal closed, or the
    /// session was told to end); the next session opens it again.
    public struct MemoDraft: Equatable, Sendable {
        public var excerptID: String
        /// The applied code the memo is on; nil for a memo on the excerpt.
        public var codeID: String?
        public var text: String

        public init(excerptID: String, codeID: String? = nil, text: String) {
            self.excerptID = excerptID
            self.codeID = codeID
            self.text = text
        }
    }

    public var excerptID: String
    public var filter: Filter
    /// The focused pane's name (`list`, `text`, `codes`).
    public var focus: String
    /// The categories folded in the codes pane.
    public var collapsed: [String]
    /// Oldest first, as the screen keeps them; at most `historyKept` of each, the newest.
    public var undo: [CodingChange]
    public var redo: [CodingChange]
    public var memoDraft: MemoDraft?

    /// How many undo (and redo) steps are remembered: the memory is written after every decision, so it stays
    /// small however long the session (each step holds two excerpt records).
    public static let historyKept = 30

    public init(
        excerptID: String, filter: Filter = .all, focus: String = "list", collapsed: [String] = [],
        undo: [CodingChange] = [], redo: [CodingChange] = [], memoDraft: MemoDraft? = nil
    ) {
        self.excerptID = excerptID
        self.filter = filter
        self.focus = focus
        self.collapsed = collapsed
        self.undo = Array(undo.suffix(Self.historyKept))
        self.redo = Array(redo.suffix(Self.historyKept))
        self.memoDraft = memoDraft
    }

    /// The decision the undo history last left each excerpt it touches with: what must still be on disk for the
    /// history to apply. A redo entry's `before` is the excerpt's current decision, and so is the newest undo
    /// entry's `after` for an excerpt with nothing to redo.
    public var historyLeftBehind: [String: ExcerptCoding?] {
        var left: [String: ExcerptCoding?] = [:]
        for change in undo { left[change.excerptID] = .some(change.after) }
        for change in redo { left[change.excerptID] = .some(change.before) }
        return left
    }

    /// Whether the undo history still applies to `decisions` (the coder's decisions on disk now): false when a
    /// codebook merge or split, or anything else, changed an excerpt it touches since it was saved.
    public func historyApplies(to decisions: [String: ExcerptCoding]) -> Bool {
        historyLeftBehind.allSatisfy { id, decision in decisions[id] == decision }
    }
}

/// The memory file's JSON: `{"version":1,"study":…,"coder":…,"excerpt":…,"filter":{…},"focus":…,"collapsed":[…],
/// "undo":[…],"redo":[…],"memoDraft":{"excerpt":…,"code":…,"text":…}}` (no draft: no member), undo entries being `{"excerpt":…,"before":record|null,"after":record|null,"summary":…}` with the
/// coding file's excerpt records.
enum SessionMemoryFormat {
    static let version = 1

    static func encode(_ memory: SessionMemory, study: String, coder: String) -> [UInt8] {
        CanonicalWriter.pretty(
            .record([
                ("version", .int(version)),
                ("study", .string(study)),
                ("coder", .string(coder)),
                ("excerpt", .string(memory.excerptID)),
                ("filter", encode(memory.filter)),
                ("focus", .string(memory.focus)),
                ("collapsed", .array(memory.collapsed.map { .string($0) })),
                ("undo", .array(memory.undo.map(encode))),
                ("redo", .array(memory.redo.map(encode))),
                (
                    "memoDraft",
                    memory.memoDraft.map { draft in
                        .record([
                            ("excerpt", .string(draft.excerptID)), ("code", .optionalString(draft.codeID)),
                            ("text", .string(draft.text)),
                        ])
                    }
                ),
            ]))
    }

    static func encode(_ filter: SessionMemory.Filter) -> JSONValue {
        switch filter {
        case .all: .object([("kind", .string("all"))])
        case .unfinished: .object([("kind", .string("unfinished"))])
        case .review(let id): .object([("kind", .string("review")), ("value", .string(id))])
        case .code(let id): .object([("kind", .string("code")), ("value", .string(id))])
        case .search(let text): .object([("kind", .string("search")), ("value", .string(text))])
        }
    }

    static func encode(_ change: CodingChange) -> JSONValue {
        .object([
            ("excerpt", .string(change.excerptID)),
            ("before", change.before.map(CodingFormat.encodeExcerpt) ?? .null),
            ("after", change.after.map(CodingFormat.encodeExcerpt) ?? .null),
            ("summary", .string(change.summary)),
        ])
    }

    /// The memory in `bytes`, for `study` and `coder`; why not when the file is not one this build wrote for them.
    static func decode(_ bytes: [UInt8], study: String, coder: String) throws(SessionMemoryError) -> SessionMemory {
        do {
            let record = try JSONRecord(try JSONParser.parse(bytes), at: .root)
            guard try record.int("version") == version else {
                throw SessionMemoryError.unreadable("an unknown version")
            }
            guard try record.string("study") == study, try record.string("coder") == coder else {
                throw SessionMemoryError.unreadable("another study's or coder's")
            }
            return SessionMemory(
                excerptID: try record.string("excerpt"), filter: try decodeFilter(try record.record("filter")),
                focus: try record.string("focus"),
                collapsed: try record.array("collapsed").enumerated().map { index, value throws(JSONShapeError) in
                    try JSONRecord.string(value, at: JSONPath.root.field("collapsed").index(index))
                },
                undo: try decodeChanges(record, "undo"), redo: try decodeChanges(record, "redo"),
                memoDraft: try record.optionalRecord("memoDraft").map { draft throws(JSONShapeError) in
                    SessionMemory.MemoDraft(
                        excerptID: try draft.string("excerpt"), codeID: try draft.optionalString("code"),
                        text: try draft.string("text"))
                })
        } catch let error as SessionMemoryError {
            throw error
        } catch {
            throw .unreadable("\(error)")
        }
    }

    static func decodeFilter(_ record: JSONRecord) throws(JSONShapeError) -> SessionMemory.Filter {
        switch try record.string("kind") {
        case "unfinished": .unfinished
        case "review": .review(try record.string("value"))
        case "code": .code(try record.string("value"))
        case "search": .search(try record.string("value"))
        default: .all
        }
    }

    static func decodeChanges(_ record: JSONRecord, _ key: String) throws(JSONShapeError) -> [CodingChange] {
        var changes: [CodingChange] = []
        for (index, value) in try record.array(key).enumerated() {
            let path = JSONPath.root.field(key).index(index)
            let change = try JSONRecord(value, at: path)
            func decision(_ field: String) throws(JSONShapeError) -> ExcerptCoding? {
                let value = try change.required(field)
                if case .null = value.kind { return nil }
                return try CodingFormat.decodeExcerpt(value, at: path.field(field))
            }
            changes.append(
                CodingChange(
                    excerptID: try change.string("excerpt"), before: try decision("before"),
                    after: try decision("after"), summary: try change.optionalString("summary") ?? ""))
        }
        return changes
    }
}

/// Why a memory file was not used; the screen opens all the same and says so.
public enum SessionMemoryError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): "not readable (\(reason))"
        }
    }
}
