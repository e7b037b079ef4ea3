import CanonicalJSON

/// `corpus/<review>.json`: one review, its attributes and its excerpts in reading order.
///
/// Version 2 adds an excerpt's `page` (where it starts in the source document). A review is written at version 1
/// when no excerpt has a page, so a study imported from text keeps the format older builds read.
public enum ReviewFormat {
    static let fields: Set<String> = ["kind", "schemaVersion", "id", "title", "source", "attributes", "excerpts"]
    static let excerptFields: Set<String> = ["id", "section", "text"]
    static let pagedExcerptFields: Set<String> = ["id", "section", "text", "page"]

    static func decode(_ value: JSONValue, problems: inout FileProblems) throws(JSONShapeError) -> Review {
        let record = try JSONRecord(value, at: .root)
        let version = try FileKind.review.checkHeader(record)
        try record.requireOnly(fields)
        var attributes: [String: String] = [:]
        for member in try record.map("attributes") {
            attributes[member.key] = try JSONRecord.string(
                member.value, at: JSONPath.root.field("attributes").key(member.key))
        }
        var review = Review(
            id: try record.string("id"), title: try record.string("title"),
            source: try record.optionalString("source"), attributes: attributes)
        let excerptsPath = JSONPath.root.field("excerpts")
        let elements = try record.array("excerpts")
        review.excerpts.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let excerpt = try JSONRecord(element, at: excerptsPath.index(index))
            try excerpt.requireOnly(version >= 2 ? pagedExcerptFields : excerptFields)
            let id = try excerpt.string("id")
            let page = version >= 2 ? try excerpt.optionalInt("page") : nil
            if let page, page < 1 {
                problems.error(
                    excerptsPath.index(index).field("page"), excerpt.value("page")?.offset ?? element.offset,
                    "expected a page number of 1 or more, found \(page)")
            }
            if !Identifier.isValidID(id) {
                problems.error(
                    excerptsPath.index(index).field("id"), element.offset,
                    "\"\(id)\" is not a valid excerpt id (\(Identifier.idRule))")
            }
            review.excerpts.append(
                Excerpt(id: id, section: try excerpt.string("section"), text: try excerpt.string("text"), page: page))
        }
        return review
    }

    public static func encode(_ review: Review) -> JSONValue {
        let hasPages = review.excerpts.contains { $0.page != nil }
        return .record(
            FileKind.review.header(version: hasPages ? 2 : 1) + [
                ("id", .string(review.id)),
                ("title", .string(review.title)),
                ("source", .optionalString(review.source)),
                ("attributes", .object(review.attributes.map { ($0.key, .string($0.value)) })),
                (
                    "excerpts",
                    .array(
                        review.excerpts.map { excerpt in
                            .object(
                                [
                                    ("id", .string(excerpt.id)), ("section", .string(excerpt.section)),
                                    ("text", .string(excerpt.text)),
                                ]
                                    + (excerpt.page.map { [("page", JSONValue.int($0))] } ?? []))
                        })
                ),
            ])
    }
}
