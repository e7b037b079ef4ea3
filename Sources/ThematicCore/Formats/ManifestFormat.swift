import CanonicalJSON

/// `study.json`: the study's title, attributes and settings.
///
/// Version 2 adds `settings.shareWithGroup`. A manifest is written at version 2 only when the study is shared with
/// its group, so a private study's manifest stays byte-identical and readable by builds that know only version 1.
public enum ManifestFormat {
    static let fields: Set<String> = [
        "kind", "schemaVersion", "title", "description", "created", "attributes", "settings",
    ]

    static func decode(_ value: JSONValue, problems: inout FileProblems) throws(JSONShapeError) -> StudyManifest {
        let record = try JSONRecord(value, at: .root)
        let version = try FileKind.study.checkHeader(record)
        try record.requireOnly(fields)
        var attributes: [AttributeDefinition] = []
        var seen: Set<String> = []
        for (index, element) in try record.array("attributes").enumerated() {
            let path = JSONPath.root.field("attributes").index(index)
            let attribute = try JSONRecord(element, at: path)
            try attribute.requireOnly(["id", "label"])
            let definition = AttributeDefinition(id: try attribute.string("id"), label: try attribute.string("label"))
            if !seen.insert(definition.id).inserted {
                problems.error(path.field("id"), element.offset, "duplicate attribute id \"\(definition.id)\"")
            }
            attributes.append(definition)
        }
        let settings = try record.record("settings")
        try settings.requireOnly(
            version >= 2
                ? ["blindCoding", "coderCodebookEdits", "shareWithGroup"] : ["blindCoding", "coderCodebookEdits"])
        return StudyManifest(
            title: try record.string("title"), description: try record.optionalString("description"),
            created: try record.string("created"), attributes: attributes,
            settings: StudySettings(
                blindCoding: try settings.bool("blindCoding"),
                coderCodebookEdits: try settings.bool("coderCodebookEdits"),
                shareWithGroup: version >= 2 ? try settings.bool("shareWithGroup") : false))
    }

    public static func encode(_ manifest: StudyManifest) -> JSONValue {
        let shared = manifest.settings.shareWithGroup
        return .record(
            FileKind.study.header(version: shared ? 2 : 1) + [
                ("title", .string(manifest.title)),
                ("description", .optionalString(manifest.description)),
                ("created", .string(manifest.created)),
                (
                    "attributes",
                    .array(manifest.attributes.map { .object([("id", .string($0.id)), ("label", .string($0.label))]) })
                ),
                (
                    "settings",
                    .object(
                        [
                            ("blindCoding", .bool(manifest.settings.blindCoding)),
                            ("coderCodebookEdits", .bool(manifest.settings.coderCodebookEdits)),
                        ] + (shared ? [("shareWithGroup", .bool(true))] : []))
                ),
            ])
    }
}
