/// The study's own description and settings (`study.json`).
public struct StudyManifest: Sendable, Equatable {
    public var title: String
    public var description: String?
    public var created: String
    /// Review attributes in display order, e.g. year, region, child age band.
    public var attributes: [AttributeDefinition]
    public var settings: StudySettings

    public init(
        title: String, description: String? = nil, created: String, attributes: [AttributeDefinition] = [],
        settings: StudySettings = StudySettings()
    ) {
        self.title = title
        self.description = description
        self.created = created
        self.attributes = attributes
        self.settings = settings
    }
}

public struct AttributeDefinition: Sendable, Equatable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

public struct StudySettings: Sendable, Equatable {
    /// Coders never see another coder's codings while coding.
    public var blindCoding: Bool
    /// Whether a coder's session may edit the codebook (otherwise only a lead may).
    public var coderCodebookEdits: Bool
    /// Whether the owner's group may read the study's files (`thematic init --share-with-group`); otherwise only
    /// their owner may. See `folderMode`.
    public var shareWithGroup: Bool

    public init(blindCoding: Bool = true, coderCodebookEdits: Bool = false, shareWithGroup: Bool = false) {
        self.blindCoding = blindCoding
        self.coderCodebookEdits = coderCodebookEdits
        self.shareWithGroup = shareWithGroup
    }
}

/// A whole study in memory.
public struct Study: Sendable {
    public var folder: StudyFolder
    public var manifest: StudyManifest
    public var codebook: Codebook
    public var corpus: Corpus
    /// Coder name -> that coder's coding (snapshot with its journal replayed).
    public var codings: [String: Coding]
    public var consensus: Consensus
    /// Who is asked to code which excerpts (`assignments.json`; empty when the study has none).
    public var assignments: Assignments

    public init(
        folder: StudyFolder, manifest: StudyManifest, codebook: Codebook, corpus: Corpus,
        codings: [String: Coding], consensus: Consensus, assignments: Assignments = Assignments()
    ) {
        self.folder = folder
        self.manifest = manifest
        self.codebook = codebook
        self.corpus = corpus
        self.codings = codings
        self.consensus = consensus
        self.assignments = assignments
    }

    /// Coder names in a stable order.
    public var coders: [String] { codings.keys.sorted() }
}
