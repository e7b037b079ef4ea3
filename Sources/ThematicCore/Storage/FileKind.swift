import CanonicalJSON

/// The kinds of file a study holds, each with the schema version this build writes.
///
/// Every file names its kind and `schemaVersion`. An older version is migrated on load; a newer one is refused, naming
/// the file, its version and the highest this build reads, because reading on would drop fields this build does not
/// know. A codebook is upgraded step by step before it is decoded (see `Migration`) and always written at its current
/// version. A review file is still read at either version by its decoder, and written at version 2 only when it uses
/// what version 2 added (excerpt pages), so files without pages stay byte-identical and readable by builds that know
/// only version 1; so is a manifest, at version 2 only when it shares the study with the owner's group.
public enum FileKind: String, Sendable, CaseIterable {
    case study = "thematic.study"
    case codebook = "thematic.codebook"
    case review = "thematic.review"
    case coding = "thematic.coding"
    case consensus = "thematic.consensus"
    case assignments = "thematic.assignments"

    public var currentVersion: Int {
        switch self {
        case .codebook: 3
        case .review, .study: 2
        default: 1
        }
    }

    /// Checks `kind` and `schemaVersion` of a file's top-level record.
    @discardableResult
    func checkHeader(_ record: JSONRecord) throws(JSONShapeError) -> Int {
        let kindValue = try record.string("kind")
        guard kindValue == rawValue else {
            throw JSONShapeError(
                path: record.path.field("kind"), offset: record.value("kind")?.offset ?? record.offset,
                message: "expected \"\(rawValue)\" here, found \"\(kindValue)\" (is this the right file?)")
        }
        let version = try record.int("schemaVersion")
        let offset = record.value("schemaVersion")?.offset ?? record.offset
        if version > currentVersion {
            throw JSONShapeError(
                path: record.path.field("schemaVersion"), offset: offset,
                message:
                    "schemaVersion \(version) is newer than this build of Thematic reads (highest: \(currentVersion) for \(rawValue)); update Thematic to open this study"
            )
        }
        if version < 1 {
            throw JSONShapeError(
                path: record.path.field("schemaVersion"), offset: offset,
                message: "schemaVersion \(version) is not a version of \(rawValue) (versions start at 1)")
        }
        return version
    }

    func header(version: Int? = nil) -> [(String, JSONValue)] {
        [("kind", .string(rawValue)), ("schemaVersion", .int(version ?? currentVersion))]
    }
}
