import CanonicalJSON

/// Adds assignments to a study: under `assignments.lock`, re-reading the file so no other change is lost, written
/// atomically and only if the file is unchanged since it was read.
public enum AssignmentStore {
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Chooses the excerpts for `coder` by `method` (leaving out those already assigned to them), records the
    /// assignment durably and returns it.
    @discardableResult
    public static func assign(
        in folder: StudyFolder, coder: String, method: Assignment.Method, by: String? = nil,
        at: String = Timestamp.now()
    ) throws -> Assignment {
        guard Identifier.isValidCoderName(coder) else {
            throw Refusal(description: "\"\(coder)\" is not a valid coder name (\(Identifier.coderNameRule))")
        }
        let lock = try CoderLock(
            path: folder.url(StudyFolder.assignmentsLock), displayName: StudyFolder.assignmentsFile)
        defer { lock.release() }
        let read = try FileSnapshot(folder, StudyFolder.assignmentsFile)
        let study = try StudyReader.load(folder).study
        let excerpts: [String]
        do {
            excerpts = try AssignmentSampler.excerpts(
                for: method, in: study.corpus, alreadyAssigned: study.assignments.excerpts(of: coder))
        } catch {
            throw Refusal(description: error.description)
        }
        guard !excerpts.isEmpty else {
            throw Refusal(
                description: "nothing to assign: every excerpt this would choose is already assigned to \(coder)")
        }
        let assignment = Assignment(coder: coder, method: method, excerpts: excerpts, by: by, at: at)
        var assignments = study.assignments
        assignments.items.append(assignment)
        // The lock keeps out other assigners; the check, a git pull or an editor meanwhile.
        try read.replace(with: CanonicalWriter.pretty(AssignmentsFormat.encode(assignments)), in: folder)
        return assignment
    }
}
