import CanonicalJSON

extension StudyFolder {
    /// Who is asked to code which excerpts; absent until the first `thematic assign`.
    public static let assignmentsFile = "assignments.json"
    /// Held while assignments are written (ignored by git like every lock file).
    public static let assignmentsLock = "assignments.lock"
}

/// `assignments.json`: kind `thematic.assignments`, schemaVersion 1.
public enum AssignmentsFormat {
    static let fields: Set<String> = ["kind", "schemaVersion", "assignments"]
    static let assignmentFields: Set<String> = [
        "coder", "method", "percent", "seed", "stratify", "reviews", "excerpts", "by", "at",
    ]

    /// Reads the study's assignments, adding located problems; no file means no assignments.
    /// Unknown excerpt ids are errors; coders who have not started yet are expected.
    static func read(_ folder: StudyFolder, corpus: Corpus?, problems: inout [StudyProblem]) -> Assignments {
        guard FileSystem.exists(folder.url(StudyFolder.assignmentsFile)) else { return Assignments() }
        return StudyReader.readFile(folder, StudyFolder.assignmentsFile, problems: &problems) {
            value, found throws(JSONShapeError) in
            try decode(value, corpus: corpus, problems: &found)
        } ?? Assignments()
    }

    static func decode(_ value: JSONValue, corpus: Corpus?, problems: inout FileProblems) throws(JSONShapeError)
        -> Assignments
    {
        let record = try JSONRecord(value, at: .root)
        try FileKind.assignments.checkHeader(record)
        try record.requireOnly(fields)
        var assignments = Assignments()
        for (index, element) in try record.array("assignments").enumerated() {
            assignments.items.append(
                try decodeAssignment(
                    element, at: JSONPath.root.field("assignments").index(index),
                    corpus: corpus, problems: &problems))
        }
        return assignments
    }

    private static func decodeAssignment(
        _ value: JSONValue, at path: JSONPath, corpus: Corpus?,
        problems: inout FileProblems
    ) throws(JSONShapeError) -> Assignment {
        let record = try JSONRecord(value, at: path)
        try record.requireOnly(assignmentFields)
        let coder = try record.string("coder")
        if !Identifier.isValidCoderName(coder) {
            problems.error(
                path.field("coder"), record.value("coder")?.offset ?? value.offset,
                "\"\(coder)\" is not a valid coder name (\(Identifier.coderNameRule))")
        }
        let methodName = try record.string("method")
        let method: Assignment.Method
        switch methodName {
        case "sample":
            let stratify = try record.optionalString("stratify")
            if let stratify, stratify != "review" {
                throw JSONShapeError(
                    path: path.field("stratify"), offset: record.value("stratify")?.offset ?? value.offset,
                    message: "expected \"review\" (the only stratum), found \"\(stratify)\"")
            }
            guard let percentValue = record.value("percent"), case .number(let percent) = percentValue.kind else {
                throw JSONShapeError(
                    path: path.field("percent"), offset: record.value("percent")?.offset ?? value.offset,
                    message: "a sample needs \"percent\", a number")
            }
            method = .sample(percent: percent, seed: try record.int("seed"), stratifiedByReview: stratify != nil)
        case "reviews":
            var reviews: [String] = []
            for (index, element) in try record.array("reviews").enumerated() {
                reviews.append(try JSONRecord.string(element, at: path.field("reviews").index(index)))
            }
            method = .reviews(reviews)
        case "all":
            method = .all
        default:
            throw JSONShapeError(
                path: path.field("method"), offset: record.value("method")?.offset ?? value.offset,
                message: "expected \"sample\", \"reviews\" or \"all\", found \"\(methodName)\"")
        }
        var excerpts: [String] = []
        var seen: Set<String> = []
        let elements = try record.array("excerpts")
        for (index, element) in elements.enumerated() {
            let elementPath = path.field("excerpts").index(index)
            let id = try JSONRecord.string(element, at: elementPath)
            if let corpus, corpus.excerpt(id) == nil {
                problems.error(
                    elementPath, element.offset,
                    "unknown excerpt \"\(id)\": no review in corpus/ has it (was it removed or renamed?)")
            }
            if !seen.insert(id).inserted {
                problems.error(elementPath, element.offset, "excerpt \"\(id)\" is listed twice in this assignment")
            }
            excerpts.append(id)
        }
        return Assignment(
            coder: coder, method: method, excerpts: excerpts, by: try record.optionalString("by"),
            at: try record.string("at"))
    }

    public static func encode(_ assignments: Assignments) -> JSONValue {
        .object(
            FileKind.assignments.header() + [
                ("assignments", .array(assignments.items.map(encodeAssignment)))
            ])
    }

    private static func encodeAssignment(_ assignment: Assignment) -> JSONValue {
        var method: [(String, JSONValue?)]
        switch assignment.method {
        case .sample(let percent, let seed, let stratified):
            method = [
                ("method", .string("sample")), ("percent", .number(percent)), ("seed", .int(seed)),
                ("stratify", stratified ? .string("review") : nil),
            ]
        case .reviews(let reviews):
            method = [("method", .string("reviews")), ("reviews", .array(reviews.map { .string($0) }))]
        case .all:
            method = [("method", .string("all"))]
        }
        return .record(
            [("coder", .string(assignment.coder))] + method + [
                ("excerpts", .array(assignment.excerpts.map { .string($0) })),
                ("by", .optionalString(assignment.by)),
                ("at", .string(assignment.at)),
            ])
    }
}
