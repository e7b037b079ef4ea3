import CanonicalJSON

/// `corpus/<review>.json`: one review, its attributes and its excerpts in reading order.
public enum ReviewFormat {
    static let fields: Set<String> = ["kind", "schemaVersion", "id", "title", "source", "attributes", "excerpts"]

    static func decode(_ value: JSONValue, problems: inout FileProblems) throws(JSONShapeError) -> Review {
        let record = try JSONRecord(value, at: .root)
        try FileKind.review.checkHeader(record)
        try record.requireOnly(fields)
        var attributes: [String: String] = [:]
        for member in try record.map("attributes") {
            attributes[member.key] = try JSONRecord.string(member.value, at: JSONPath.root.field("attributes").key(member.key))
        }
        var review = Review(id: try record.string("id"), title: try record.string("title"),
                            source: try record.optionalString("source"), attributes: attributes)
        let excerptsPath = JSONPath.root.field("excerpts")
        let elements = try record.array("excerpts")
        review.excerpts.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let excerpt = try JSONRecord(element, at: excerptsPath.index(index))
            try excerpt.requireOnly(["id", "section", "text"])
            let id = try excerpt.string("id")
            if !Identifier.isValidID(id) {
                problems.error(excerptsPath.index(index).field("id"), element.offset, "\"\(id)\" is not a valid excerpt id (\(Identifier.idRule))")
            }
            review.excerpts.append(Excerpt(id: id, section: try excerpt.string("section"), text: try excerpt.string("text")))
        }
        return review
    }

    public static func encode(_ review: Review) -> JSONValue {
        .record(FileKind.review.header() + [
            ("id", .string(review.id)),
            ("title", .string(review.title)),
            ("source", .optionalString(review.source)),
            ("attributes", .object(review.attributes.map { ($0.key, .string($0.value)) })),
            ("excerpts", .array(review.excerpts.map {
                .object([("id", .string($0.id)), ("section", .string($0.section)), ("text", .string($0.text))])
            })),
        ])
    }
}
