import CanonicalJSON

/// `identifiers.json`: what reviewers decided about the anonymisation check's findings, with who, why and when.
///
/// An allowed term is never flagged anywhere in the study (a place name that is invented, a word the rules
/// mistake for a name). A decision settles one finding: allowed (it does not identify anybody) or redacted (its
/// text was replaced by a placeholder in the corpus). A redaction does not record the text it removed, so the
/// study keeps no copy of the identifier. The file is optional: a study without it has no decisions yet.
///
/// A decision about an excerpt's text names the excerpt; one about a section name, title or attribute value says so
/// in a `"field"` key (`"section"`, `"title"`, `"attribute:NAME"`), and its `"excerpt"` is then the first excerpt
/// carrying the section name, or the review's id for a title or attribute. Schema version 2 added `"field"`; a file
/// is written as version 1, byte for byte as before, until a decision needs the key.
extension StudyFolder {
    /// Held while a reviewer's decisions are recorded in identifiers.json.
    public static let identifiersLock = "identifiers.lock"
}

public struct IdentifierRegister: Sendable, Equatable {
    public static let file = "identifiers.json"
    public static let kind = "thematic.identifiers"
    public static let schemaVersion = 2

    public struct AllowedTerm: Sendable, Equatable {
        public var term: String
        public var by: String
        public var why: String
        public var at: String

        public init(term: String, by: String, why: String, at: String) {
            self.term = term
            self.by = by
            self.why = why
            self.at = at
        }
    }

    public struct Decision: Sendable, Equatable {
        public enum Action: Sendable, Equatable {
            /// The matched text, which the reviewer judged not identifying.
            case allowed(text: String)
            /// The placeholder now in the text.
            case redacted(placeholder: String)
        }

        /// The excerpt, or the review for a title or attribute decision (as `IdentifierFinding.excerptID`).
        public var excerptID: String
        /// Offsets into the field's text.
        public var range: TextSpan
        public var rule: IdentifierRule
        public var action: Action
        public var by: String
        public var why: String
        public var at: String
        public var field: IdentifierFinding.Field

        public init(
            excerptID: String, range: TextSpan, rule: IdentifierRule, action: Action, by: String, why: String,
            at: String,
            field: IdentifierFinding.Field = .text
        ) {
            self.excerptID = excerptID
            self.range = range
            self.rule = rule
            self.action = action
            self.by = by
            self.why = why
            self.at = at
            self.field = field
        }
    }

    public var allowedTerms: [AllowedTerm]
    /// In the order they were made.
    public var decisions: [Decision]

    public init(allowedTerms: [AllowedTerm] = [], decisions: [Decision] = []) {
        self.allowedTerms = allowedTerms
        self.decisions = decisions
    }

    /// Whether a reviewer allowed this finding: its term is allowed, or the same text was allowed in the same place
    /// (excerpt or review, and field) under the same rule (offsets are not compared, since a redaction earlier in the
    /// same text moves them).
    public func isAllowed(_ finding: IdentifierFinding) -> Bool {
        let lower = finding.text.lowercased()
        if allowedTerms.contains(where: { $0.term.lowercased() == lower }) { return true }
        return decisions.contains { decision in
            decision.excerptID == finding.excerptID && decision.field == finding.field && decision.rule == finding.rule
                && decision.action == .allowed(text: finding.text)
        }
    }

    // MARK: reading and writing

    /// Reads the study's register; an absent file is an empty register.
    public static func load(_ folder: StudyFolder) throws(StudyLoadError) -> IdentifierRegister {
        let path = folder.url(file)
        guard FileSystem.exists(path) else { return IdentifierRegister() }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readBytes(path) } catch {
            throw StudyLoadError(problems: [StudyProblem(file: file, message: "cannot read: \(error.reason)")])
        }
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch {
            throw StudyLoadError(problems: [
                StudyProblem(file: file, line: error.line, column: error.column, message: error.message)
            ])
        }
        do {
            return try decode(json)
        } catch {
            let place = SourceText.location(ofOffset: error.offset, in: bytes)
            throw StudyLoadError(problems: [
                StudyProblem(
                    file: file, line: place.line, column: place.column, path: error.path.description,
                    message: error.message)
            ])
        }
    }

    /// Runs `change` on the register as it is on disk and saves what it recorded, holding identifiers.lock so that
    /// two reviewers never overwrite each other's decisions, and refusing if the file changed meanwhile (a git pull).
    /// What `change` recorded is saved even when it then throws, since a redaction already written must stay
    /// recorded; its error is rethrown.
    public static func update<T>(_ folder: StudyFolder, _ change: (inout IdentifierRegister) throws -> T) throws -> T {
        let lock: CoderLock
        do {
            lock = try CoderLock(path: folder.url(StudyFolder.identifiersLock), displayName: file)
        } catch let held as CoderLock.Held {
            throw StudyLocks.Refusal(
                description:
                    "another reviewer is recording identifier decisions right now (\(held.holder)); run the command again when they have finished. Nothing was changed."
            )
        }
        defer { lock.release() }
        let read = try FileSnapshot(folder, file)
        let recorded = try load(folder)
        var register = recorded
        func save() throws {
            guard register != recorded else { return }
            try read.replace(with: CanonicalWriter.pretty(register.encode()), in: folder)
        }
        let result: T
        do { result = try change(&register) } catch {
            try save()
            throw error
        }
        try save()
        return result
    }

    /// Writes the register canonically and atomically.
    public func save(to folder: StudyFolder) throws(FileError) {
        try AtomicFile.write(CanonicalWriter.pretty(encode()), to: folder.url(Self.file))
    }

    static func decode(_ value: JSONValue) throws(JSONShapeError) -> IdentifierRegister {
        let record = try JSONRecord(value, at: .root)
        let kindValue = try record.string("kind")
        guard kindValue == kind else {
            throw JSONShapeError(
                path: record.path.field("kind"), offset: record.value("kind")?.offset ?? record.offset,
                message: "expected \"\(kind)\" here, found \"\(kindValue)\" (is this the right file?)")
        }
        let version = try record.int("schemaVersion")
        guard (1...schemaVersion).contains(version) else {
            throw JSONShapeError(
                path: record.path.field("schemaVersion"),
                offset: record.value("schemaVersion")?.offset ?? record.offset,
                message:
                    "schemaVersion \(version) is not one this build reads (highest: \(schemaVersion) for \(kind))\(version > schemaVersion ? "; update Thematic" : "")"
            )
        }
        try record.requireOnly(["kind", "schemaVersion", "allowedTerms", "decisions"])
        var register = IdentifierRegister()
        for (index, element) in try record.array("allowedTerms").enumerated() {
            let item = try JSONRecord(element, at: JSONPath.root.field("allowedTerms").index(index))
            try item.requireOnly(["term", "by", "why", "at"])
            register.allowedTerms.append(
                AllowedTerm(
                    term: try item.string("term"), by: try item.string("by"), why: try item.string("why"),
                    at: try item.string("at")))
        }
        for (index, element) in try record.array("decisions").enumerated() {
            let path = JSONPath.root.field("decisions").index(index)
            let item = try JSONRecord(element, at: path)
            try item.requireOnly([
                "excerpt", "field", "start", "end", "rule", "decision", "text", "placeholder", "by", "why", "at",
            ])
            var field = IdentifierFinding.Field.text
            if let tag = try item.optionalString("field") {
                let offset = item.value("field")?.offset ?? item.offset
                guard version >= 2 else {
                    throw JSONShapeError(
                        path: path.field("field"), offset: offset,
                        message: "\"field\" needs schemaVersion 2 (this file says \(version))")
                }
                guard let named = IdentifierFinding.Field(tag: tag), named != .text else {
                    throw JSONShapeError(
                        path: path.field("field"), offset: offset,
                        message:
                            "unknown field \"\(tag)\" (fields: \"section\", \"title\", \"attribute:NAME\"; leave the key out for an excerpt's text)"
                    )
                }
                field = named
            }
            let ruleName = try item.string("rule")
            guard let rule = IdentifierRule(rawValue: ruleName) else {
                throw JSONShapeError(
                    path: path.field("rule"), offset: item.value("rule")?.offset ?? item.offset,
                    message:
                        "unknown rule \"\(ruleName)\" (rules: \(IdentifierRule.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            let action: Decision.Action
            switch try item.string("decision") {
            case "allowed": action = .allowed(text: try item.string("text"))
            case "redacted": action = .redacted(placeholder: try item.string("placeholder"))
            case let other:
                throw JSONShapeError(
                    path: path.field("decision"), offset: item.value("decision")?.offset ?? item.offset,
                    message:
                        "expected \"allowed\" (with \"text\") or \"redacted\" (with \"placeholder\"), found \"\(other)\""
                )
            }
            register.decisions.append(
                Decision(
                    excerptID: try item.string("excerpt"),
                    range: TextSpan(start: try item.int("start"), end: try item.int("end")),
                    rule: rule, action: action, by: try item.string("by"), why: try item.string("why"),
                    at: try item.string("at"),
                    field: field))
        }
        return register
    }

    func encode() -> JSONValue {
        // Version 1 readers know every decision about an excerpt's text, so only a field decision needs version 2.
        let version = decisions.contains { $0.field != .text } ? Self.schemaVersion : 1
        return .object([
            ("kind", .string(Self.kind)),
            ("schemaVersion", .int(version)),
            (
                "allowedTerms",
                .array(
                    allowedTerms.map { term in
                        .object([
                            ("term", .string(term.term)), ("by", .string(term.by)), ("why", .string(term.why)),
                            ("at", .string(term.at)),
                        ])
                    })
            ),
            (
                "decisions",
                .array(
                    decisions.map { decision in
                        var pairs: [(String, JSONValue)] = [
                            ("excerpt", .string(decision.excerptID)), ("start", .int(decision.range.start)),
                            ("end", .int(decision.range.end)),
                            ("rule", .string(decision.rule.rawValue)), ("by", .string(decision.by)),
                            ("why", .string(decision.why)), ("at", .string(decision.at)),
                        ]
                        if let tag = decision.field.tag { pairs.append(("field", .string(tag))) }
                        switch decision.action {
                        case .allowed(let text): pairs += [("decision", .string("allowed")), ("text", .string(text))]
                        case .redacted(let placeholder):
                            pairs += [("decision", .string("redacted")), ("placeholder", .string(placeholder))]
                        }
                        return .object(pairs)
                    })
            ),
        ])
    }
}
