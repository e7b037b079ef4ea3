/// Why `thematic sync` stopped, in words for the researcher, with what to do next.
public enum SyncError: Error, Equatable, CustomStringConvertible {
    case gitMissing
    case notARepository(study: String, said: String)
    case studyHasErrors(count: Int)
    /// Files that are not the syncing person's were changed or added here.
    case othersFiles([String])
    /// The pull met a conflict; the rebase was aborted, so the repository is as before the pull.
    case pullFailed(committed: Bool, conflicts: [String], said: String)
    case pushFailed(said: String)
    case git(command: String, said: String)

    public var description: String {
        switch self {
        case .gitMissing:
            return "git is not installed (or not on PATH): install git, then sync again"
        case .notARepository(let study, let said):
            return
                "\(study) is not in a git repository (\(said)); clone the team's repository, or put the study in one with `git init`"
        case .studyHasErrors(let count):
            return
                "not syncing: the study has \(count) error\(count == 1 ? "" : "s"); fix them (`thematic check`) and sync again"
        case .othersFiles(let files):
            return "not syncing: these files belong to others and were changed here: \(files.joined(separator: "; ")). "
                + "Undo those changes (`git restore FILE`, or delete a file that should not be there), or let their owner sync them"
        case .pullFailed(let committed, let conflicts, let said):
            let kept = committed ? "your commit is kept and " : ""
            let files = conflicts.isEmpty ? "" : " in \(conflicts.joined(separator: ", "))"
            return
                "the pull from the team failed\(files), so nothing was pushed; \(kept)the repository is as it was before the pull. "
                + "Git said: \(said). Ask whoever changed \(conflicts.isEmpty ? "those files" : "them") elsewhere, "
                + "or run `git pull --rebase`, settle the conflict by hand and `git push`"
        case .pushFailed(let said):
            return "your work is committed but the push failed (git said: \(said)); sync again in a moment"
        case .git(let command, let said):
            return "`\(command)` failed: \(said)"
        }
    }
}
