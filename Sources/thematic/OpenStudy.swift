import ThematicCore

/// Loads a study for a command, printing warnings and turning errors into a clear failure.
/// `coders` limits which coders' files are read (nil: all).
func openStudy(_ path: String, coders: Set<String>? = nil) throws -> Study {
    do {
        let (study, warnings) = try StudyReader.load(StudyFolder(path: path), coders: coders)
        for warning in warnings { printError(warning.description(inStudy: path)) }
        return study
    } catch {
        throw CommandFailure(error, onStudy: path)
    }
}
