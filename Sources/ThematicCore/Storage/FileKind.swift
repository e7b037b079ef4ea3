import CanonicalJSON

/// The kinds of file a study holds, each with the schema version this build writes.
///
/// Every file names its kind and `schemaVersion`. An older version is migrated on load (there is none yet: version 1
/// is the first published format); a newer one is refused, naming the file, its version and the highest this build
/// reads, because reading on would drop fields this build does not know.
public enum FileKind: String, Sendable, CaseIterable {
    case study = "thematic.study"
    case codebook = "thematic.codebook"
    case review = "thematic.review"
    case coding = "thematic.coding"
    case consensus = "thematic.consensus"
    case assignments = "thematic.assignments"

    public var currentVersion: Int { 1 }

    /// Checks `kind` and `schemaVersion` of a file's top-level record.
    func checkHeader(_ record: JSONRecord) throws(JSONShapeError) {
        let kindValue = try record.string("kind")
        guard kindValue == rawValue else {
            throw JSONShapeError(path: record.path.field("kind"), offset: record.value("kind")?.offset ?? record.offset,
                                 message: "expected \"\(rawValue)\" here, found \"\(kindValue)\" (is this the right file?)")
        }
        let version = try record.int("schemaVersion")
        let offset = record.value("schemaVersion")?.offset ?? record.offset
        if version > currentVersion {
            throw JSONShapeError(path: record.path.field("schemaVersion"), offset: offset,
                                 message: "schemaVersion \(version) is newer than this build of Thematic reads (highest: \(currentVersion) for \(rawValue)); update Thematic to open this study")
        }
        if version < 1 {
            throw JSONShapeError(path: record.path.field("schemaVersion"), offset: offset,
                                 message: "schemaVersion \(version) is not a version of \(rawValue) (versions start at 1)")
        }
    }

    func header() -> [(String, JSONValue)] {
        [("kind", .string(rawValue)), ("schemaVersion", .int(currentVersion))]
    }
}
