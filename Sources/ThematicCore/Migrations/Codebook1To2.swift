import CanonicalJSON

extension Migration {
    /// Version 2 of a codebook added code groups: a top-level `groups` array and a history entry's `groupsBefore`.
    /// A version-1 file has neither, so it is already a valid version 2; a version-1 file that uses them was written
    /// by hand or by a broken tool, and is refused as unknown fields, as builds that read version 1 refused it.
    static let codebook1To2 = Migration(kind: .codebook, version: 1) { value throws(JSONShapeError) in
        let record = try JSONRecord(value, at: .root)
        try record.requireOnly([
            "kind", "schemaVersion", "title", "description", "source", "revision", "codes", "history",
        ])
        for (index, entry) in try record.array("history").enumerated() {
            try JSONRecord(entry, at: record.path.field("history").index(index))
                .requireOnly(["revision", "at", "by", "action", "codes", "detail", "note", "codings"])
        }
        return value
    }
}
