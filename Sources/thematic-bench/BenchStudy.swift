import ThematicCore

/// The generated study the screen benchmarks open: 300 reviews, 60,000 excerpts (unless told otherwise), 150 codes,
/// 3 coders, seed 1.
enum BenchStudy {
    /// The study in `path`, generated there first when it is missing.
    static func generatedIfMissing(_ path: String, excerpts: Int = 60_000) throws -> StudyFolder {
        let folder = StudyFolder(path: path)
        if !FileSystem.exists(folder.url(StudyFolder.manifestFile)) {
            let (_, seconds) = try Timing.measure {
                try StudyWriter.save(SyntheticStudy(excerpts: excerpts).make(in: folder))
            }
            print("generated \(path) in \(Timing.format(seconds))")
        }
        return folder
    }

    /// The study in `path` made exactly as generated again, for a benchmark that changes it: the folder is replaced,
    /// so nothing a previous run wrote (codebook revisions, decisions) is left.
    static func generatedAfresh(_ path: String, excerpts: Int = 60_000) throws -> StudyFolder {
        if FileSystem.exists(path) { try FileSystem.removeTree(path) }
        return try generatedIfMissing(path, excerpts: excerpts)
    }
}
